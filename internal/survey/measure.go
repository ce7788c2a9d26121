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
// respondents 具备科学素质 in the literacy surveys of the scope's orgs, in
// percent, from the aggregates (so a plan's ledger reads it at once;
// excluded responses do not count). The rate is a level a survey measures
// now and then, so it reads as of the period's end: the latest survey year
// up to the end's year, all of the scope's responses of that year pooled;
// measure.NoBase before any survey. A quarter or a year without a survey of its own
// thus shows the rate last measured, not a fall to nothing.
func (s *Store) Sources() []measure.Source {
	return []measure.Source{{Key: LiteracySource, Label: "survey.measure.literacy", Unit: "%", Kind: measure.Share, AsOf: true,
		Value: func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
			if scope.None() {
				return 0, nil
			}
			to := 0
			if !p.To.IsZero() {
				to = p.To.Add(-time.Millisecond).In(sheet.Zone).Year()
			}
			sums, err := s.literacySums(ctx, scope, "", "l.role, l.year", "", 0, to)
			if err != nil {
				return 0, err
			}
			var latest literacySum
			for _, c := range sums {
				if c.n > 0 && c.year > latest.year {
					latest = c
				}
			}
			return measure.Rate(float64(latest.literate), float64(latest.n)), nil
		}}}
}
