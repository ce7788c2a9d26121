package plan

import (
	"embed"
	"encoding/binary"
	"errors"
	"io/fs"
	"math"
	"math/bits"
	"sort"
	"sync"
)

// learnModel is the learned second opinion's weights: one per slot of the
// hashed feature table (the bias is the feature "bias").
type learnModel struct {
	w    []float32
	mask uint32   // len(w)-1: a feature's hash is read at its low bits
	set  learnSet // the features it was trained with
}

// A model file (model/*.lr, rebuilt by the trainer, `go test -tags train`,
// see indicator_learn_train_test.go): "KXLR", the version (1 or 2), the
// table's bits; in version 2 the length of the feature set's name and the
// name (learnSet.String: the groups left out and added; a file of version
// 1 has D96's features); then the number n of weights that are not zero,
// then n pairs of a slot (uint32) and its weight (float32), little-endian.
//
// Every file of model/ is one opinion; a reading's score combines them
// (learnCombine). One file is the model as D97 shipped it.
//
//go:embed model/*.lr
var learnModelFiles embed.FS

var (
	learnOnce   sync.Once
	learnLoaded []*learnModel
)

// learned is the embedded models, read once, in the order of their files'
// names; none when one cannot be read (the rules then decide alone).
func learned() []*learnModel {
	learnOnce.Do(func() {
		files, err := fs.Glob(learnModelFiles, "model/*.lr")
		if err != nil {
			return
		}
		sort.Strings(files)
		var bs [][]byte
		for _, f := range files {
			b, err := learnModelFiles.ReadFile(f)
			if err != nil {
				return
			}
			bs = append(bs, b)
		}
		learnLoaded = readLearnModels(bs)
	})
	return learnLoaded
}

// readLearnModels reads model files; none when one is not a model.
func readLearnModels(files [][]byte) []*learnModel {
	var ms []*learnModel
	for _, b := range files {
		m, err := readLearnModel(b)
		if err != nil {
			return nil
		}
		ms = append(ms, m)
	}
	return ms
}

var errLearnModel = errors.New("plan: the learned model's file is not one")

// readLearnModel reads a model file.
func readLearnModel(b []byte) (*learnModel, error) {
	if len(b) < 16 || string(b[:4]) != "KXLR" {
		return nil, errLearnModel
	}
	nb := binary.LittleEndian.Uint32(b[8:])
	if nb < 8 || nb > learnMaxBits {
		return nil, errLearnModel
	}
	m := &learnModel{w: make([]float32, 1<<nb), mask: 1<<nb - 1}
	switch binary.LittleEndian.Uint32(b[4:]) {
	case 1:
		b = b[12:]
	case 2:
		k := int(binary.LittleEndian.Uint32(b[12:]))
		if len(b) < 16+k+4 {
			return nil, errLearnModel
		}
		set, ok := parseLearnSet(string(b[16 : 16+k]))
		if !ok {
			return nil, errLearnModel
		}
		m.set, b = set, b[16+k:]
	default:
		return nil, errLearnModel
	}
	n := int(binary.LittleEndian.Uint32(b))
	if len(b) != 4+8*n {
		return nil, errLearnModel
	}
	for i := 0; i < n; i++ {
		p := b[4+8*i:]
		slot := binary.LittleEndian.Uint32(p)
		if slot > m.mask {
			return nil, errLearnModel
		}
		m.w[slot] = math.Float32frombits(binary.LittleEndian.Uint32(p[4:]))
	}
	return m, nil
}

// writeLearnModel is the file of weights w (one per slot; their number a
// power of two) of a model with the features of set.
func writeLearnModel(w []float32, set learnSet) []byte {
	b := []byte("KXLR")
	b = binary.LittleEndian.AppendUint32(b, 2)
	b = binary.LittleEndian.AppendUint32(b, uint32(bits.TrailingZeros(uint(len(w)))))
	name := set.String()
	b = binary.LittleEndian.AppendUint32(b, uint32(len(name)))
	b = append(b, name...)
	n := 0
	for _, x := range w {
		if x != 0 {
			n++
		}
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(n))
	for i, x := range w {
		if x != 0 {
			b = binary.LittleEndian.AppendUint32(b, uint32(i))
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
		}
	}
	return b
}

// sum is the log-odds the features f add up to.
func (m *learnModel) sum(f []uint32) float64 {
	s := 0.0
	for _, i := range f {
		s += float64(m.w[i&m.mask])
	}
	return s
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
