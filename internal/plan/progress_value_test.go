package plan

import (
	"testing"

	"kexie/internal/valid"
)

func TestValueKindCheck(t *testing.T) {
	cases := []struct {
		k    valueKind
		v    float64
		want string
	}{
		{valueKind{Unit: "场"}, 3, ""},
		{valueKind{Unit: "场"}, 0.6, "plan.err.whole"},
		{valueKind{Unit: "座"}, 0.57, "plan.err.whole"},
		{valueKind{Unit: "万人"}, 1.5, ""},
		{valueKind{Unit: "万元"}, -1, "plan.err.negative"},
		{valueKind{Unit: "%"}, 100, ""},
		{valueKind{Unit: "%", Max: 150}, 140, ""},
		{valueKind{Unit: "%", Max: 150}, 151, "plan.err.share_range"},
		{valueKind{Unit: "个百分点"}, -2, ""},
	}
	for _, c := range cases {
		var errs valid.Errors
		c.k.check(&errs, c.v)
		got := ""
		if len(errs) > 0 {
			got = errs[0].Key
		}
		if got != c.want {
			t.Errorf("%v in %s: %q, want %q", c.v, c.k.Unit, got, c.want)
		}
	}
}
