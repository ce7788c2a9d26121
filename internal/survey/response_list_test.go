package survey

import (
	"context"
	"fmt"
	"testing"

	"kexie/internal/access"
)

// TestResponsesTotal: the responses list's total, a count of its own,
// counts what its pages hold under the same survey, scope, org, station and
// flag conditions — never another city's responses — and a page past the
// end reads nothing but still says the total.
func TestResponsesTotal(t *testing.T) {
	eachDB(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		v := f.published(t, KindGeneral)
		other := f.published(t, KindGeneral)
		cityStation, err := f.s.AddStation(ctx, v.ID, f.city.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		peerStation, err := f.s.AddStation(ctx, v.ID, f.peer.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		submit := func(s Survey, who string, station int64) int64 {
			a := answer(s, who, Answers{"gender": {"1"}})
			a.StationID = station
			id, err := f.s.Submit(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		var city []int64
		for i := range 5 {
			city = append(city, submit(v, fmt.Sprint("c", i), cityStation.ID))
		}
		for i := range 3 {
			submit(v, fmt.Sprint("p", i), peerStation.ID)
		}
		submit(v, "root", 0)  // the survey's own org: the province
		submit(other, "x", 0) // another survey
		if err := f.s.Exclude(ctx, city[1], 7, "同一人重复填答"); err != nil {
			t.Fatal(err)
		}
		cityScope := access.Subtrees(f.city.Path)
		for _, tt := range []struct {
			name  string
			f     RespFilter
			total int
		}{
			{"everywhere", RespFilter{Scope: access.Everywhere()}, 9},
			{"the city", RespFilter{Scope: cityScope}, 5},
			{"the other city's station from the city", RespFilter{Scope: cityScope, StationID: peerStation.ID}, 0},
			{"within the other city", RespFilter{Scope: access.Everywhere(), Within: f.peer.Path}, 3},
			{"within the other city, the city's scope", RespFilter{Scope: cityScope, Within: f.peer.Path}, 0},
			{"the city's excluded", RespFilter{Scope: cityScope, Flag: "excluded"}, 1},
			{"the city's included", RespFilter{Scope: cityScope, Flag: "included"}, 4},
			{"the zero scope", RespFilter{}, 0},
		} {
			t.Run(tt.name, func(t *testing.T) {
				seen := 0
				for off := 0; ; off += 2 {
					tt.f.Limit, tt.f.Offset = 2, off
					page, total, err := f.s.Responses(ctx, v.ID, tt.f)
					if err != nil {
						t.Fatal(err)
					}
					if total != tt.total {
						t.Errorf("offset %d: total %d, want %d", off, total, tt.total)
					}
					for _, r := range page {
						if r.SurveyID != v.ID || !tt.f.Scope.Contains(r.OrgPath) {
							t.Errorf("response %d of survey %d at %s", r.ID, r.SurveyID, r.OrgPath)
						}
						if r.Excluded != (r.ID == city[1]) {
							t.Errorf("response %d: excluded %v", r.ID, r.Excluded)
						}
					}
					seen += len(page)
					if len(page) < 2 {
						break
					}
				}
				if seen != tt.total {
					t.Errorf("pages held %d, total %d", seen, tt.total)
				}
			})
		}
		page, total, err := f.s.Responses(ctx, v.ID, RespFilter{Scope: cityScope, Limit: 2, Offset: 10})
		if err != nil || len(page) != 0 || total != 5 {
			t.Errorf("past the end: %d of %d, %v; want none of 5", len(page), total, err)
		}
	})
}
