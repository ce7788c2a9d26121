// Package dashboard is 数据总览: every quantity the modules publish through
// internal/measure — members, 科普 reach, events, venues, volunteers,
// societies, 建言诉求, 创新服务 … — for a year and an org's subtree, beside
// the same span of the year before, and one quantity compared across the
// org's children; charted and exported.
//
// It must never compute a figure itself or read a module's tables: every
// number comes from a measure.Source, computed inside the viewer's scope
// narrowed to the chosen org (the zero scope shows nothing). It writes
// nothing.
package dashboard

import (
	"context"
	"errors"
	"log/slog"
	"sort"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/measure"
)

// Zone is the time zone a year begins in.
var Zone = time.FixedZone("CST", 8*3600)

// Spans are the two periods a year is read for: the year — to now, while
// it runs — and the same span of the year before, so a year not yet over
// is compared with the same months, not a whole year.
func Spans(year int, now time.Time) (cur, prev measure.Period) {
	from := time.Date(year, time.January, 1, 0, 0, 0, 0, Zone)
	to := from.AddDate(1, 0, 0)
	if now.Before(to) {
		to = now
	}
	return measure.Period{From: from, To: to}, measure.Period{From: from.AddDate(-1, 0, 0), To: to.AddDate(-1, 0, 0)}
}

// Row is one quantity: its value in the year and the year before.
type Row struct {
	Source      measure.Source
	Name        string // the source's label in the reader's language (set by the page)
	Now, Before float64
	Failed      bool // the source could not be computed; logged, shown as such
}

// Change is the change from the year before in percent; false when the row
// failed or there is nothing to compare (NoChange says why).
func (r Row) Change() (float64, bool) {
	if r.Failed || r.NoChange() != "" {
		return 0, false
	}
	return (r.Now - r.Before) / r.Before * 100, true
}

// NoChange is the catalog key of the short reason a row shows no change
// ("" when it shows one, or failed). A rate with nothing to measure it
// over (measure.NoBase) is "no data" that year, shown as —, never 0 % nor
// −100 %; a 0 last year, of a rate or a count, is a real 0 but no base for
// a change.
func (r Row) NoChange() string {
	switch {
	case r.Failed:
		return ""
	case !measure.Known(r.Before):
		return "dashboard.why.no_last"
	case !measure.Known(r.Now):
		return "dashboard.why.no_now"
	case r.Before == 0:
		return "dashboard.why.zero_last"
	}
	return ""
}

// Group is the rows of one module, in the order the module publishes them.
type Group struct {
	Module string // the keys' prefix: "kepu", "voice" …
	Rows   []Row
}

// Overview reads every source of reg inside scope for the year's two
// spans, grouped by module in the registry's order. A source that fails
// is marked and logged, not allowed to hide the others; a cancelled
// request stops the reading.
func Overview(ctx context.Context, reg *measure.Registry, scope access.Scope, year int, now time.Time) ([]Group, error) {
	if scope.None() || reg == nil {
		return nil, nil
	}
	cur, prev := Spans(year, now)
	var out []Group
	at := map[string]int{}
	for _, src := range reg.List() {
		mod, _, _ := strings.Cut(src.Key, ".")
		i, ok := at[mod]
		if !ok {
			i = len(out)
			at[mod] = i
			out = append(out, Group{Module: mod})
		}
		row := Row{Source: src}
		vs, err := reg.Values(ctx, src.Key, scope, []measure.Period{cur, prev})
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case err != nil || len(vs) != 2:
			slog.Error("dashboard: a measure failed", "source", src.Key, "err", err)
			row.Failed = true
		default:
			row.Now, row.Before = vs[0], vs[1]
		}
		out[i].Rows = append(out[i].Rows, row)
	}
	return out, nil
}

// Part is one child org's value in a comparison.
type Part struct {
	OrgID       int64
	Code, Name  string
	Kind        measure.Kind // the source's
	Now, Before float64
}

// Child is an org below the chosen one, as Compare needs it.
type Child struct {
	ID         int64
	Code, Name string
	Path       string
}

// ErrUnknown is a comparison of a source no module publishes.
var ErrUnknown = errors.New("dashboard: unknown source")

// Compare reads source key for each child inside scope (a child outside it
// is left out), largest first, for the year's two spans.
func Compare(ctx context.Context, reg *measure.Registry, scope access.Scope, key string, children []Child, year int, now time.Time) ([]Part, error) {
	if _, ok := reg.Lookup(key); !ok {
		return nil, ErrUnknown
	}
	if scope.None() {
		return nil, nil
	}
	src, _ := reg.Lookup(key)
	cur, prev := Spans(year, now)
	var out []Part
	for _, c := range children {
		in := scope.Within(c.Path)
		if in.None() {
			continue
		}
		vs, err := reg.Values(ctx, key, in, []measure.Period{cur, prev})
		if err != nil {
			return nil, err
		}
		out = append(out, Part{OrgID: c.ID, Code: c.Code, Name: c.Name, Kind: src.Kind, Now: vs[0], Before: vs[1]})
	}
	// Largest first; a child with no data at all (measure.NoBase) last.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Now, out[j].Now
		if !measure.Known(b) {
			return measure.Known(a)
		}
		return measure.Known(a) && a > b
	})
	return out, nil
}
