package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const estimateData = "../../internal/survey/estimate/testdata/"

// The scripted estimate prints the stable JSON shape, and its numbers are
// R's (testdata/ref/reference.csv: raked_design, overall 0.233122745…,
// SE 0.015499359…).
func TestSurveyEstimate(t *testing.T) {
	code, out := kexie(t, t.TempDir(), "", "survey", "estimate",
		"--instrument", estimateData+"ref_instrument.json",
		"--responses", estimateData+"ref/raked_design.csv",
		"--margins", estimateData+"ref/raked_design_margins.csv", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, k := range []string{"n", "rate", "se", "ci95", "deff", "by", "weights"} {
		if _, ok := got[k]; !ok {
			t.Errorf("key %q missing: %s", k, out)
		}
	}
	var rep struct {
		N       int
		Rate    float64
		SE      float64
		CI95    [2]float64
		By      map[string]map[string]struct{ N int }
		Weights struct {
			Min, Max   float64
			Iterations int
			Converged  bool
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.N != 1500 || math.Abs(rep.Rate-0.233122745118539) > 1e-6 || math.Abs(rep.SE/0.0154993590559265-1) > 0.05 {
		t.Errorf("got n %d rate %v se %v", rep.N, rep.Rate, rep.SE)
	}
	if rep.CI95[0] >= rep.Rate || rep.CI95[1] <= rep.Rate || !rep.Weights.Converged || rep.Weights.Iterations < 2 || rep.Weights.Min <= 0 {
		t.Errorf("got %+v", rep)
	}
	if len(rep.By) != 4 || rep.By["gender"]["女"].N != 609 {
		t.Errorf("by: %+v", rep.By)
	}
}

// Bad input: a precise message in the chosen language, a non-zero exit,
// nothing on standard output.
func TestSurveyEstimateRefuses(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	inst := write("I.json", `{"rule": {"kind": "total", "threshold": 1}, "questions": [{"id": "q1", "dimension": "d", "correct": ["A"], "points": 1}]}`)
	resp := write("R.csv", "id,gender,age,q1\n1,男,老,A\n2,女,少,B\n3,男,老,A\n4,女,少,A\n")
	tests := []struct {
		name, margins, lang string
		want                []string
	}{
		{"shares do not sum to 1", "variable,category,share\ngender,男,0.5\ngender,女,0.4\n", "zh-CN",
			[]string{"M.csv", "变量“gender”各类别的比例之和为 0.9，应为 1"}},
		{"shares do not sum to 1, in English", "variable,category,share\ngender,男,0.5\ngender,女,0.4\n", "en",
			[]string{"M.csv", `the shares of variable "gender" in the margins sum to 0.9, not 1`}},
		{"a category the margins do not know", "variable,category,share\ngender,男,0.5\ngender,女-,0.5\n", "zh-CN",
			[]string{"R.csv", "第 2 份答卷中变量“gender”的类别“女”不在人口边际中"}},
		// gender and age coincide in the sample, so no weights meet both
		{"raking that cannot converge", "variable,category,share\ngender,男,0.5\ngender,女,0.5\nage,老,0.8\nage,少,0.2\n", "en",
			[]string{"kexie survey: raking (iterative proportional fitting) did not converge after 100 iterations"}},
		{"not a margins file", "var,cat\n", "zh-CN", []string{"M.csv", "表头应为 variable,category,share"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := write("M.csv", tt.margins)
			code, out := kexie(t, t.TempDir(), "", "survey", "estimate", "--instrument", inst, "--responses", resp, "--margins", m, "--lang", tt.lang)
			if code != 1 || strings.Contains(out, "{") {
				t.Errorf("exit %d, output %q", code, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output %q lacks %q", out, w)
				}
			}
		})
	}
	if code, out := kexie(t, t.TempDir(), "", "survey", "estimate", "--responses", resp); code != 2 || !strings.Contains(out, "--instrument") {
		t.Errorf("missing flag: exit %d %q", code, out)
	}
}
