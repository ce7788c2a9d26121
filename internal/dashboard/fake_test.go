package dashboard_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/dashboard"
	"kexie/internal/measure"
)

// rec is one counted thing: where (an org path) and when.
type rec struct {
	path string
	at   time.Time
	n    float64
}

// day is a moment of a day in Beijing.
func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 12, 0, 0, 0, dashboard.Zone) }

// fakeSources publish what records hold, read inside the scope and period
// given — as a module's source must — so a test can see which it was given.
func fakeSources(recs []rec) []measure.Source {
	sum := func(level bool) measure.Func {
		return func(_ context.Context, s access.Scope, p measure.Period) (float64, error) {
			var v float64
			for _, r := range recs {
				in := s.Contains(r.path) && (p.To.IsZero() || r.at.Before(p.To)) && (level || !r.at.Before(p.From))
				if in {
					v += r.n
				}
			}
			return v, nil
		}
	}
	return []measure.Source{
		{Key: "event.held", Label: "test.held", Unit: "次", Kind: measure.Count, Value: sum(false)},
		{Key: "event.members", Label: "test.members", Unit: "人", Kind: measure.Count, AsOf: true, Value: sum(true)},
		{Key: "voice.broken", Label: "test.broken", Unit: "条", Kind: measure.Count, Value: func(context.Context, access.Scope, measure.Period) (float64, error) {
			return 0, errors.New("the module's query failed")
		}},
	}
}

func registry(t testing.TB, recs []rec) *measure.Registry {
	t.Helper()
	r, err := measure.NewRegistry(fakeSources(recs))
	if err != nil {
		t.Fatal(err)
	}
	return r
}
