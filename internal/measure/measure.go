// Package measure is how a module publishes a measurable quantity — 人才库人数,
// 开展活动次数, 覆盖人次, 3A以上学会占比 — so that a plan can bind a target to it
// and follow it without anyone filing what the platform already knows.
//
// A module hands app a list of Sources; app builds one Registry from them at
// start (a duplicate key fails there) and gives it to the modules that read
// values. A Source computes its value at read time for an access.Scope and
// a Period, scoped like every other query: the zero Scope computes nothing.
//
// This package must never import a business module, store a computed value
// as if someone had filed it, or compute outside the scope it is given.
package measure

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"

	"kexie/internal/access"
)

// Kind is what sort of quantity a source gives.
type Kind string

// Kinds of quantity.
const (
	Count  Kind = "count"  // a number of things or people (人, 个, 次)
	Share  Kind = "share"  // a proportion in percent (科学素质比例, 3A以上学会占比)
	Amount Kind = "amount" // a sum of money or another measure (万元)
)

// Period is the half-open span [From, To) a value is computed for. A source
// that measures a level (AsOf) reads it at To and ignores From; a source
// that counts events counts those in the span. A zero From means since the
// beginning; a zero To means up to now.
type Period struct {
	From, To time.Time
}

// AsOf is the period ending at t: for levels, the value at t.
func AsOf(t time.Time) Period { return Period{To: t} }

// Func computes a source's value inside scope for period p. It returns 0 for
// the zero scope without asking the database. A rate (Share) with nothing
// to measure it over — no form expected, no request received, no survey
// yet — returns NoBase, not 0: 0 % is a rate measured at nothing.
type Func func(ctx context.Context, scope access.Scope, p Period) (float64, error)

// SeriesFunc computes a source's values for several periods at once, in
// the order given — one query where a Func would run one per period.
type SeriesFunc func(ctx context.Context, scope access.Scope, ps []Period) ([]float64, error)

// NoBase is the value of a rate with nothing to measure it over. It is NaN,
// so it never passes for a number: a reader asks Known and shows "—" (or
// no reading) for it, and never sums, charts or stores it.
var NoBase = math.NaN()

// Known reports whether v is a value, not NoBase.
func Known(v float64) bool { return !math.IsNaN(v) }

// Rate is part of whole in percent, or NoBase when whole is 0.
func Rate(part, whole float64) float64 {
	if whole == 0 {
		return NoBase
	}
	return part * 100 / whole
}

// Source is a quantity a module publishes.
type Source struct {
	// Key names the source for good, e.g. "people.members.senior"; plans
	// store it, so a module never renames one. It starts with the module's
	// name and a dot.
	Key string
	// Label is the catalog key of the source's name, with Args for it.
	Label string
	Args  []any
	// Unit is what the value counts in: 人, 名, 个, 次, %, 万元.
	Unit string
	Kind Kind
	// AsOf is true for a level read at the period's end (people on record,
	// members of a grade), false for what happens within the period.
	AsOf  bool
	Value Func
	// Series, when set, computes many periods in one go (a target's
	// ledger); without it Values calls Value once per period.
	Series SeriesFunc
}

// ErrUnknown is returned for a key no module publishes.
var ErrUnknown = errors.New("measure: unknown source")

// Registry holds every published source, built once at start.
type Registry struct {
	byKey map[string]Source
	order []string
}

// NewRegistry checks and registers the sources of each module, in order. A
// key published twice, a key without a module prefix, or a source without
// a label, unit, kind or function is an error naming the source.
func NewRegistry(lists ...[]Source) (*Registry, error) {
	r := &Registry{byKey: map[string]Source{}}
	for _, list := range lists {
		for _, s := range list {
			if err := s.check(); err != nil {
				return nil, err
			}
			if _, dup := r.byKey[s.Key]; dup {
				return nil, fmt.Errorf("measure: source %q is published twice; each key must be unique", s.Key)
			}
			r.byKey[s.Key] = s
			r.order = append(r.order, s.Key)
		}
	}
	return r, nil
}

func (s Source) check() error {
	i := strings.IndexByte(s.Key, '.')
	switch {
	case i <= 0 || i == len(s.Key)-1:
		return fmt.Errorf("measure: source key %q must be \"module.name\"", s.Key)
	case strings.IndexFunc(s.Key, unicode.IsSpace) >= 0:
		return fmt.Errorf("measure: source key %q holds a space", s.Key)
	case s.Label == "":
		return fmt.Errorf("measure: source %q has no label", s.Key)
	case s.Unit == "":
		return fmt.Errorf("measure: source %q has no unit", s.Key)
	case s.Kind != Count && s.Kind != Share && s.Kind != Amount:
		return fmt.Errorf("measure: source %q has kind %q", s.Key, s.Kind)
	case s.Value == nil:
		return fmt.Errorf("measure: source %q has no value function", s.Key)
	}
	return nil
}

// Lookup returns the source of key. A nil registry holds nothing.
func (r *Registry) Lookup(key string) (Source, bool) {
	if r == nil {
		return Source{}, false
	}
	s, ok := r.byKey[key]
	return s, ok
}

// List returns every source in registration order, for pickers.
func (r *Registry) List() []Source {
	if r == nil {
		return nil
	}
	out := make([]Source, 0, len(r.order))
	for _, k := range r.order {
		out = append(out, r.byKey[k])
	}
	return out
}

// For returns the sources whose unit fits a target counted in unit.
func (r *Registry) For(unit string) []Source {
	var out []Source
	for _, s := range r.List() {
		if Fits(s.Unit, unit) {
			out = append(out, s)
		}
	}
	return out
}

// Value computes the source of key inside scope for p; an unknown key is
// ErrUnknown.
func (r *Registry) Value(ctx context.Context, key string, scope access.Scope, p Period) (float64, error) {
	s, ok := r.Lookup(key)
	if !ok {
		return 0, fmt.Errorf("%w: %q", ErrUnknown, key)
	}
	v, err := s.Value(ctx, scope, p)
	if err != nil {
		return 0, fmt.Errorf("measure %s: %w", key, err)
	}
	return v, nil
}

// Values computes the source of key inside scope for each of ps, in one
// go when the source has a Series.
func (r *Registry) Values(ctx context.Context, key string, scope access.Scope, ps []Period) ([]float64, error) {
	s, ok := r.Lookup(key)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknown, key)
	}
	if s.Series != nil {
		out, err := s.Series(ctx, scope, ps)
		if err == nil && len(out) != len(ps) {
			err = fmt.Errorf("%d values for %d periods", len(out), len(ps))
		}
		if err != nil {
			return nil, fmt.Errorf("measure %s: %w", key, err)
		}
		return out, nil
	}
	out := make([]float64, len(ps))
	for i, p := range ps {
		v, err := s.Value(ctx, scope, p)
		if err != nil {
			return nil, fmt.Errorf("measure %s: %w", key, err)
		}
		out[i] = v
	}
	return out, nil
}

// unitClass groups units that count the same thing in the same magnitude.
func unitClass(u string) string {
	switch u = strings.TrimSpace(u); u {
	case "人", "名", "位":
		return "人"
	case "个", "家", "所":
		return "个"
	case "次", "场":
		return "次"
	}
	return u
}

// Fits reports whether a source counted in unit src can measure a target
// counted in unit target: the same unit or one of the same class (人, 名
// and 位 all count people). A target without a unit takes any source; a
// different magnitude (万人 for 人) never fits, since nothing rescales.
func Fits(src, target string) bool {
	if strings.TrimSpace(target) == "" {
		return true
	}
	return unitClass(src) == unitClass(target)
}
