package estimate

import (
	"math"
	"strings"
	"testing"
)

func readTest(t *testing.T, src string) *Responses {
	t.Helper()
	rs, err := ReadResponses(strings.NewReader(src), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// Without margins the design weights are used, and the rate is given by
// every column that is neither a question nor stratum or psu.
func TestRunWithoutMargins(t *testing.T) {
	in, err := ReadInstrument(strings.NewReader(smallInstrument))
	if err != nil {
		t.Fatal(err)
	}
	rs := readTest(t, "id,weight,stratum,gender,k1,m1,s1,opinion\n"+
		"1,1,A,男,B,A|C,D,x\n"+ // 100
		"2,3,A,女,B,A,D,\n"+ // 70
		"3,1,B,男,A,C|A,,\n"+ // 30
		"4,1,B,女,,,,\n") // 0
	got, err := Run(Input{Instrument: in, Responses: rs})
	if err != nil {
		t.Fatal(err)
	}
	if got.N != 4 || math.Abs(got.Rate-4.0/6) > 1e-12 || got.SE <= 0 || got.Weights.Min != 1 || got.Weights.Max != 3 || !got.Weights.Converged || got.Weights.Iterations != 0 {
		t.Errorf("got %+v", got)
	}
	if len(got.By) != 1 || got.By["gender"]["女"].N != 2 || math.Abs(got.By["gender"]["女"].Rate-0.75) > 1e-12 {
		t.Errorf("by %+v", got.By)
	}
}

func TestRunRefuses(t *testing.T) {
	in, err := ReadInstrument(strings.NewReader(smallInstrument))
	if err != nil {
		t.Fatal(err)
	}
	rs := readTest(t, "id,gender,k1,m1\n1,男,B,A\n2,女,B,C\n")
	_, err = Run(Input{Instrument: in, Responses: rs})
	if e := wantKey(t, err, "estimate.err.missing_question"); e.Args[0] != "s1" {
		t.Errorf("args %v", e.Args)
	}
	rs = readTest(t, "id,gender,k1,m1,s1,opinion\n1,男,B,A,D,\n2,女,B,C,D,\n")
	_, err = Run(Input{Instrument: in, Responses: rs, Margins: Margins{"age": {"old": 1}}})
	if e := wantKey(t, err, "estimate.err.missing_column"); e.Args[0] != "age" {
		t.Errorf("args %v", e.Args)
	}
	_, err = Run(Input{Instrument: in, Responses: rs, By: []string{"region"}})
	wantKey(t, err, "estimate.err.missing_column")
	_, err = Run(Input{Instrument: in, Responses: rs, Margins: Margins{"gender": {"男": 0.5, "女": 0.3, "x": 0.2}}})
	if e := wantKey(t, err, "estimate.err.empty_cell"); e.Args[1] != "x" {
		t.Errorf("args %v", e.Args)
	}
}

// The margins reader never panics, and what it accepts sums to 1.
func FuzzReadMargins(f *testing.F) {
	f.Add("variable,category,share\ngender,男,0.5\ngender,女,50%\n")
	f.Add("variable,category,share\nx,a,1\ny,b,0.9995\n")
	f.Add("variable,category,share\n\"x\ny\",a,1\n")
	f.Fuzz(func(t *testing.T, src string) {
		m, err := ReadMargins(strings.NewReader(src))
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			return
		}
		for v, cs := range m {
			var s float64
			for _, x := range cs {
				if !(x >= 0 && x <= 1) {
					t.Fatalf("%s: share %v", v, x)
				}
				s += x
			}
			if math.Abs(s-1) > 1e-9 {
				t.Fatalf("%s: shares sum to %v", v, s)
			}
		}
	})
}
