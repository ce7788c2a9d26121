package estimate

import (
	"math"
	"strings"
	"testing"
)

func TestReadMargins(t *testing.T) {
	m, err := ReadMargins(strings.NewReader("\ufeffvariable,category,share\nregion,东区,30%\nregion,西区,0.7\ngender,男,0.5004\ngender,女,0.5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Variables(); len(got) != 2 || got[0] != "gender" || got[1] != "region" {
		t.Errorf("variables %v", got)
	}
	if math.Abs(m["region"]["东区"]-0.3) > 1e-12 || math.Abs(m["gender"]["男"]+m["gender"]["女"]-1) > 1e-12 {
		t.Errorf("shares %v: want percentages read and sums rescaled to 1", m)
	}
}

func TestReadMarginsRefuses(t *testing.T) {
	tests := []struct {
		name, src, key string
		args           []any
	}{
		{"shares do not sum to 1", "variable,category,share\ngender,男,0.5\ngender,女,0.4\nregion,东区,1\n", "estimate.err.margins_sum", []any{"gender", "0.9"}},
		{"over 1", "variable,category,share\ngender,男,0.7\ngender,女,0.7\n", "estimate.err.margins_sum", []any{"gender", "1.4"}},
		{"not a share", "variable,category,share\ngender,男,half\n", "estimate.err.share", []any{2, "half"}},
		{"negative", "variable,category,share\ngender,男,-0.1\n", "estimate.err.share", []any{2, "-0.1"}},
		{"repeated", "variable,category,share\ngender,男,0.5\ngender,男,0.5\n", "estimate.err.margins_dup", []any{3, "gender", "男"}},
		{"blank category", "variable,category,share\ngender,,1\n", "estimate.err.margins_blank", []any{2}},
		{"wrong header", "var,cat,share\n", "estimate.err.margins_header", nil},
		{"too few fields", "variable,category,share\n\"gender\n\",男\n", "estimate.err.margins_fields", []any{2}},
		{"empty", "variable,category,share\n", "estimate.err.margins_empty", nil},
		{"bare quote", "variable,category,share\nsex,m\"ale,0.5\n", "estimate.err.quote", []any{2}},
		{"open quote", "variable,category,share\nsex,\"male,0.5\n", "estimate.err.quote", []any{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadMargins(strings.NewReader(tt.src))
			wantArgs(t, wantKey(t, err, tt.key), tt.args...)
		})
	}
}
