package stats

import (
	"context"
	"errors"
	"fmt"
	"math"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/measure"
)

// Suggest computes the rows of the org's form of year that have a live
// measure: the measure over the org's subtree less the subtrees of the
// orgs under it that file their own form, so no figure is counted twice.
// A measure no module publishes is left out.
func (s *Store) Suggest(ctx context.Context, orgID int64, year int) (Values, error) {
	o, err := filer(ctx, s.db, orgID)
	if err != nil {
		return nil, err
	}
	return s.suggest(ctx, o, year)
}

func (s *Store) suggest(ctx context.Context, o orgRow, year int) (Values, error) {
	out := Values{}
	if s.cfg.Measures == nil {
		return out, nil
	}
	cond, arg := db.PrefixMatch(s.db, "path", o.Path)
	rows, err := s.db.Query(ctx, `SELECT path FROM orgs WHERE `+cond+` AND id <> ? AND disabled_at = 0 AND type IN `+filingTypes, arg, o.ID)
	if err != nil {
		return nil, fmt.Errorf("stats: suggest %d: %w", o.ID, err)
	}
	var under []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			rows.Close()
			return nil, fmt.Errorf("stats: suggest %d: %w", o.ID, err)
		}
		under = append(under, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	own, others := access.Subtrees(o.Path), access.Subtrees(under...)
	p := measure.Period{From: YearStart(year), To: YearStart(year + 1)}
	for _, in := range s.schema.Indicators() {
		if in.Measure == "" || !in.Applies(KindOf(o.Type)) {
			continue
		}
		v, err := s.cfg.Measures.Value(ctx, in.Measure, own, p)
		if errors.Is(err, measure.ErrUnknown) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if !measure.Known(v) {
			continue // nothing to measure: no suggestion
		}
		if !others.None() {
			w, err := s.cfg.Measures.Value(ctx, in.Measure, others, p)
			if err != nil {
				return nil, err
			}
			if measure.Known(w) {
				v -= w
			}
		}
		out[in.Code] = int64(math.Round(math.Max(v, 0) * math.Pow10(in.Scale)))
	}
	return out, nil
}
