package estimate

import (
	"bytes"
	"testing"

	"kexie/internal/survey/estimate/synth"
)

// BenchmarkEstimate: the whole of `kexie survey estimate` on synthetic
// responses (read R.csv, score, rake to 4 margins, estimate overall and
// by the 4 variables); BenchmarkReadResponses is its anchor. The
// one-million-row numbers of docs/benchmarks.md come from `kexie bench
// survey-estimate`, which also measures peak memory.
func BenchmarkEstimate(b *testing.B) {
	in, m, data := synthFiles(b, 100_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		rs, err := ReadResponses(bytes.NewReader(data), Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Run(Input{Instrument: in, Responses: rs, Margins: m}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadResponses(b *testing.B) {
	_, _, data := synthFiles(b, 100_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadResponses(bytes.NewReader(data), Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func synthFiles(tb testing.TB, n int) (Instrument, Margins, []byte) {
	var ib, mb, rb bytes.Buffer
	if err := synth.Instrument(&ib); err != nil {
		tb.Fatal(err)
	}
	if err := synth.Margins(&mb); err != nil {
		tb.Fatal(err)
	}
	if err := synth.Responses(&rb, n, 1); err != nil {
		tb.Fatal(err)
	}
	in, err := ReadInstrument(&ib)
	if err != nil {
		tb.Fatal(err)
	}
	m, err := ReadMargins(&mb)
	if err != nil {
		tb.Fatal(err)
	}
	return in, m, rb.Bytes()
}

// The synthetic files read and estimate without error, and raking moves
// the rate (the sample leans to the educated).
func TestSynthetic(t *testing.T) {
	in, m, data := synthFiles(t, 5000)
	rs, err := ReadResponses(bytes.NewReader(data), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	raked, err := Run(Input{Instrument: in, Responses: rs, Margins: m})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Run(Input{Instrument: in, Responses: rs})
	if err != nil {
		t.Fatal(err)
	}
	if raked.N != 5000 || len(raked.By) != 4 || len(raked.By["region"]) != 10 || !(raked.Rate < plain.Rate-0.01) {
		t.Errorf("raked %v (by %d), unraked %v", raked.Rate, len(raked.By), plain.Rate)
	}
}
