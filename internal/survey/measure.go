package survey

import (
	"context"
	"time"

	"kexie/internal/access"
	"kexie/internal/measure"
	"kexie/internal/sheet"
)

// LiteracySource is the key of the science-literacy rate a plan target
// (公民具备科学素质的比例) binds to.
const LiteracySource = "survey.literacy.rate"

// Sources are the quantities the survey module publishes: the share of
// respondents 具备科学素质 in the literacy surveys of the scope's orgs whose
// survey year falls in the period, in percent (from the aggregates, so a
// plan's ledger reads it at once; excluded responses do not count).
func (s *Store) Sources() []measure.Source {
	return []measure.Source{{Key: LiteracySource, Label: "survey.measure.literacy", Unit: "%", Kind: measure.Share,
		Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
			if scope.None() {
				return 0, nil
			}
			from, to := 0, 0
			if !p.From.IsZero() {
				from = p.From.In(sheet.Zone).Year()
			}
			if !p.To.IsZero() {
				to = p.To.Add(-time.Millisecond).In(sheet.Zone).Year()
			}
			sums, err := s.literacySums(ctx, scope, "", "l.role, l.year", "", from, to)
			if err != nil {
				return 0, err
			}
			var n, k int64
			for _, c := range sums {
				n += c.n
				k += c.literate
			}
			if n == 0 {
				return 0, nil
			}
			return 100 * float64(k) / float64(n), nil
		}}}
}
