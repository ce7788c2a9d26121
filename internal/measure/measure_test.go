package measure_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/measure"
)

func constant(v float64) measure.Func {
	return func(_ context.Context, scope access.Scope, _ measure.Period) (float64, error) {
		if scope.None() {
			return 0, nil
		}
		return v, nil
	}
}

func src(key, unit string) measure.Source {
	return measure.Source{Key: key, Label: "x.label", Unit: unit, Kind: measure.Count, AsOf: true, Value: constant(7)}
}

func TestRegistry(t *testing.T) {
	r, err := measure.NewRegistry([]measure.Source{src("people.a", "人"), src("people.b", "个")}, []measure.Source{src("event.c", "次")})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, s := range r.List() {
		keys = append(keys, s.Key)
	}
	if got, want := strings.Join(keys, ","), "people.a,people.b,event.c"; got != want {
		t.Errorf("list %s, want %s", got, want)
	}
	if s, ok := r.Lookup("people.b"); !ok || s.Unit != "个" {
		t.Errorf("lookup people.b: %+v %v", s, ok)
	}
	ctx := context.Background()
	if v, err := r.Value(ctx, "people.a", access.Everywhere(), measure.Period{}); err != nil || v != 7 {
		t.Errorf("value %v %v", v, err)
	}
	if v, err := r.Value(ctx, "people.a", access.Scope{}, measure.Period{}); err != nil || v != 0 {
		t.Errorf("zero scope: %v %v, want 0", v, err)
	}
	if _, err := r.Value(ctx, "people.nope", access.Everywhere(), measure.Period{}); !errors.Is(err, measure.ErrUnknown) {
		t.Errorf("unknown key: %v", err)
	}
	if vs, err := r.Values(ctx, "people.a", access.Everywhere(), make([]measure.Period, 3)); err != nil || len(vs) != 3 || vs[2] != 7 {
		t.Errorf("values without a series: %v %v", vs, err)
	}
	if _, err := r.Values(ctx, "people.nope", access.Everywhere(), nil); !errors.Is(err, measure.ErrUnknown) {
		t.Errorf("unknown key: %v", err)
	}
	if got := r.For("名"); len(got) != 1 || got[0].Key != "people.a" {
		t.Errorf("sources for 名: %+v", got)
	}
	if got := r.For(""); len(got) != 3 {
		t.Errorf("sources for a target without unit: %d", len(got))
	}
	if got := r.For("万人"); len(got) != 0 {
		t.Errorf("sources for 万人: %+v", got)
	}
	var none *measure.Registry
	if _, ok := none.Lookup("people.a"); ok || none.List() != nil {
		t.Error("a nil registry holds something")
	}
}

func TestRegistryRefuses(t *testing.T) {
	bad := func(f func(*measure.Source)) measure.Source {
		s := src("people.a", "人")
		f(&s)
		return s
	}
	cases := []struct {
		name  string
		lists [][]measure.Source
		want  string
	}{
		{"duplicate", [][]measure.Source{{src("people.a", "人")}, {src("people.a", "名")}}, `"people.a" is published twice`},
		{"no module", [][]measure.Source{{src("members", "人")}}, `"module.name"`},
		{"space", [][]measure.Source{{src("people.a b", "人")}}, "space"},
		{"no label", [][]measure.Source{{bad(func(s *measure.Source) { s.Label = "" })}}, "no label"},
		{"no unit", [][]measure.Source{{bad(func(s *measure.Source) { s.Unit = "" })}}, "no unit"},
		{"kind", [][]measure.Source{{bad(func(s *measure.Source) { s.Kind = "rate" })}}, "kind"},
		{"no func", [][]measure.Source{{bad(func(s *measure.Source) { s.Value = nil })}}, "no value function"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := measure.NewRegistry(c.lists...)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %s", err, c.want)
			}
		})
	}
}

func TestFits(t *testing.T) {
	for _, c := range []struct {
		src, target string
		want        bool
	}{{"人", "人", true}, {"人", "名", true}, {"人", "万人", false}, {"%", "%", true}, {"人", "%", false}, {"个", "", true}, {"个", "家", true}} {
		if got := measure.Fits(c.src, c.target); got != c.want {
			t.Errorf("Fits(%q, %q) = %v", c.src, c.target, got)
		}
	}
}

// TestRate: a rate over nothing is NoBase, which Known tells apart from
// 0 % and which never equals a number.
func TestRate(t *testing.T) {
	if v := measure.Rate(3, 4); v != 75 || !measure.Known(v) {
		t.Errorf("Rate(3, 4) = %v", v)
	}
	if v := measure.Rate(0, 4); v != 0 || !measure.Known(v) {
		t.Errorf("Rate(0, 4) = %v, want a known 0", v)
	}
	if v := measure.Rate(0, 0); measure.Known(v) || v == 0 {
		t.Errorf("Rate(0, 0) = %v, want NoBase", v)
	}
}
