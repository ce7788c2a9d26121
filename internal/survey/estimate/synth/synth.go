// Package synth writes synthetic survey files — an instrument (I.json),
// population margins (M.csv) and responses (R.csv) in the formats of
// `kexie survey estimate` — for benchmarks and tests. It must never be
// used for real estimates: its people do not exist.
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
)

// Questions is the number of scored questions of Instrument: ten of ten
// points, the last two multiple choice.
const Questions = 10

var (
	regions = []string{"城关区", "东城区", "西城区", "南山区", "北岭区", "河口县", "山阳县", "清水县", "平安县", "新兴县"}
	genders = []string{"男", "女"}
	ages    = []string{"18-29", "30-39", "40-49", "50-59", "60-69"}
	edus    = []string{"初中及以下", "高中", "大专", "本科及以上"}
)

// Instrument writes I.json.
func Instrument(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, `{"rule": {"kind": "total", "threshold": 70}, "questions": [`)
	dims := []string{"科学知识", "科学知识", "科学知识", "科学知识", "科学方法", "科学方法", "科学精神与思想", "科学精神与思想", "运用科学", "运用科学"}
	for i := range Questions {
		if i > 0 {
			fmt.Fprint(bw, ", ")
		}
		correct := `["B"]`
		if i >= Questions-2 {
			correct = `["A", "C"]`
		}
		fmt.Fprintf(bw, `{"id": "q%d", "dimension": %q, "correct": %s, "points": 10}`, i+1, dims[i], correct)
	}
	fmt.Fprintln(bw, "]}")
	return bw.Flush()
}

// Margins writes M.csv for the four variables region, gender, age and edu.
func Margins(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "variable,category,share")
	write := func(v string, cats []string, shares []float64) {
		for i, c := range cats {
			fmt.Fprintf(bw, "%s,%s,%s\n", v, c, strconv.FormatFloat(shares[i], 'f', -1, 64))
		}
	}
	write("region", regions, []float64{0.16, 0.14, 0.12, 0.11, 0.10, 0.09, 0.08, 0.07, 0.07, 0.06})
	write("gender", genders, []float64{0.51, 0.49})
	write("age", ages, []float64{0.22, 0.21, 0.20, 0.19, 0.18})
	write("edu", edus, []float64{0.40, 0.27, 0.15, 0.18})
	return bw.Flush()
}

// Responses writes R.csv with n rows: id, weight, stratum, psu, the four
// demographic columns and q1…q10. The sample leans to the young and the
// educated, and the chance of a right answer grows with education.
func Responses(w io.Writer, n int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, 7))
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprint(bw, "id,weight,stratum,psu,region,gender,age,edu")
	for i := range Questions {
		fmt.Fprintf(bw, ",q%d", i+1)
	}
	fmt.Fprintln(bw)
	pick := func(weights []float64) int {
		u := rng.Float64()
		for i, x := range weights {
			if u < x {
				return i
			}
			u -= x
		}
		return len(weights) - 1
	}
	var buf []byte
	for r := range n {
		region := rng.IntN(len(regions))
		age := pick([]float64{0.3, 0.25, 0.2, 0.15, 0.1})
		edu := pick([]float64{0.15, 0.2, 0.25, 0.4})
		p := 0.45 + 0.1*float64(edu) - 0.04*float64(age)
		buf = buf[:0]
		buf = fmt.Appendf(buf, "r%07d,%.3f,S%d,P%d,%s,%s,%s,%s", r+1, 0.5+2*rng.Float64(), region, rng.IntN(20),
			regions[region], genders[pick([]float64{0.55, 0.45})], ages[age], edus[edu])
		for q := range Questions {
			right := rng.Float64() < p
			switch {
			case q >= Questions-2 && right:
				buf = append(buf, []string{",A|C", ",C|A"}[rng.IntN(2)]...)
			case q >= Questions-2:
				buf = append(buf, []string{",A", ",C", ",A|B|C", ","}[rng.IntN(4)]...)
			case right:
				buf = append(buf, ",B"...)
			default:
				buf = append(buf, []string{",A", ",C", ",D", ","}[rng.IntN(4)]...)
			}
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}
