package plan

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"sync"
)

// learnModel is the learned second opinion's weights: one per slot of the
// hashed feature table (the bias is the feature "bias").
type learnModel struct {
	w   []float32
	set learnSet // the features it was trained with
}

// The model file (model/quantity.lr, rebuilt by the trainer, `go test
// -tags train`, see indicator_learn_train_test.go): "KXLR", the version
// (1 or 2), the table's bits; in version 2 the length of the feature set's
// name and the name (learnSet.String: the groups left out and added; a
// file of version 1 has D96's features); then the number n of weights that
// are not zero, then n pairs of a slot (uint32) and its weight (float32),
// little-endian.
//
//go:embed model/quantity.lr
var learnModelFile []byte

var (
	learnOnce   sync.Once
	learnLoaded *learnModel
)

// learned is the embedded model, read once; nil when it cannot be read
// (the rules then decide alone).
func learned() *learnModel {
	learnOnce.Do(func() {
		if m, err := readLearnModel(learnModelFile); err == nil {
			learnLoaded = m
		}
	})
	return learnLoaded
}

var errLearnModel = errors.New("plan: the learned model's file is not one")

// readLearnModel reads a model file.
func readLearnModel(b []byte) (*learnModel, error) {
	if len(b) < 16 || string(b[:4]) != "KXLR" || binary.LittleEndian.Uint32(b[8:]) != learnBits {
		return nil, errLearnModel
	}
	m := &learnModel{w: make([]float32, 1<<learnBits)}
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
		if slot >= 1<<learnBits {
			return nil, errLearnModel
		}
		m.w[slot] = math.Float32frombits(binary.LittleEndian.Uint32(p[4:]))
	}
	return m, nil
}

// writeLearnModel is the file of weights w (one per slot) of a model with
// the features of set.
func writeLearnModel(w []float32, set learnSet) []byte {
	b := []byte("KXLR")
	b = binary.LittleEndian.AppendUint32(b, 2)
	b = binary.LittleEndian.AppendUint32(b, learnBits)
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
		s += float64(m.w[i])
	}
	return s
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
