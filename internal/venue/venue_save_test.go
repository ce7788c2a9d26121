package venue_test

import (
	"context"
	"math"
	"testing"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/valid"
	"kexie/internal/venue"
)

// TestVenueRules: bad input is refused field by field and changes nothing.
func TestVenueRules(t *testing.T) {
	eachDB(t, func(t *testing.T, vs venueSite) {
		ctx := context.Background()
		_, err := vs.Venues.Create(ctx, venue.Input{OrgID: vs.City.ID, Kind: "zoo", Name: "", RegionCode: "999999", Lng: fp(200), Capacity: -1})
		es, ok := valid.As(err)
		if !ok {
			t.Fatalf("got %v, want field errors", err)
		}
		got := map[string]bool{}
		for _, e := range es {
			got[e.Field] = true
		}
		for _, f := range []string{"name", "kind", "region_code", "lat", "lng", "capacity"} {
			if !got[f] {
				t.Errorf("no error on %s: %v", f, es)
			}
		}
		if _, n, _ := vs.Venues.List(ctx, venue.Filter{Scope: access.Everywhere()}); n != 0 {
			t.Errorf("a refused venue was stored: %d venues", n)
		}
	})
}

// TestNotANumber: NaN, which every comparison answers false, is refused
// as a coordinate and as a review's score like any value out of range.
func TestNotANumber(t *testing.T) {
	eachDB(t, func(t *testing.T, vs venueSite) {
		ctx := context.Background()
		nan := math.NaN()
		_, err := vs.Venues.Create(ctx, venue.Input{OrgID: vs.City.ID, Kind: venue.KindMuseum, Name: "攀枝花市科技馆", Lng: &nan, Lat: &nan})
		es, _ := valid.As(err)
		if len(es) != 2 || !valid.Has(err, "venue.err.lng") || !valid.Has(err, "venue.err.lat") {
			t.Errorf("NaN coordinates: %v", err)
		}
		b := newStation(t, vs, "大渡口街道科普e站", "大渡口街道")
		if err := vs.Venues.AddReview(ctx, b.ID, venue.ReviewInput{Year: 2025, Score: nan, Outcome: venue.Kept}); !valid.Has(err, "venue.err.score") {
			t.Errorf("a NaN score: %v", err)
		}
		if rs, _ := vs.Venues.Reviews(ctx, b.ID); len(rs) != 0 {
			t.Errorf("a refused review was stored: %+v", rs)
		}
	})
}

// TestReviewHistoryAndCoverage: reviews set the status (动态管理) and stay
// in the history; a removed venue leaves the public list and coverage;
// coverage counts e-stations, their townships and the complete “六有”.
func TestReviewHistoryAndCoverage(t *testing.T) {
	eachDB(t, func(t *testing.T, vs venueSite) {
		ctx := context.Background()
		a := newStation(t, vs, "炳草岗街道科普e站", "炳草岗街道", venue.SixItems()...)
		b := newStation(t, vs, "大渡口街道科普e站", "大渡口街道", "place", "terminal")
		newStation(t, vs, "炳草岗第二科普e站", "炳草岗街道")
		if err := vs.Venues.AddReview(ctx, b.ID, venue.ReviewInput{Year: 2025, Score: 52, Outcome: venue.Warned}); err == nil {
			t.Error("a warning without a comment: no error")
		}
		if err := vs.Venues.AddReview(ctx, b.ID, venue.ReviewInput{Year: 2025, Score: 52, Outcome: venue.Warned, Comment: "终端长期未开机"}); err != nil {
			t.Fatal(err)
		}
		if err := vs.Venues.AddReview(ctx, b.ID, venue.ReviewInput{Year: 2025, Score: 40, Outcome: venue.Removed, Comment: "整改不到位"}); err != nil {
			t.Fatal(err)
		}
		rs, _ := vs.Venues.Reviews(ctx, b.ID)
		if len(rs) != 2 || rs[0].Outcome != venue.Removed || rs[1].Outcome != venue.Warned {
			t.Errorf("history: got %+v, want removed then warned", rs)
		}
		if got, _ := vs.Venues.Get(ctx, b.ID); got.Status != venue.Removed {
			t.Errorf("status: got %s, want removed", got.Status)
		}
		if _, n, _ := vs.Venues.List(ctx, venue.Filter{Scope: access.Everywhere(), Public: true}); n != 2 {
			t.Errorf("public list: got %d, want 2 (the removed one hidden)", n)
		}
		if err := vs.Venues.SetVisitors(ctx, a.ID, 2025, 1200); err != nil {
			t.Fatal(err)
		}
		if err := vs.Venues.SetVisitors(ctx, a.ID, 2025, 1350); err != nil {
			t.Fatal(err)
		}
		rows, err := vs.Venues.Coverage(ctx, access.Subtrees(vs.City.Path), "510400")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].Code != "510402" || rows[0].ByKind[venue.KindEStation] != 2 || rows[0].Townships != 1 ||
			rows[0].SixComplete != 1 || rows[0].Visitors != 1350 {
			t.Errorf("coverage of 攀枝花市: got %+v", rows)
		}
		if rows, _ := vs.Venues.Coverage(ctx, access.Subtrees(vs.Peer.Path), ""); len(rows) != 0 {
			t.Errorf("another city's coverage shows %+v", rows)
		}
	})
}

// TestYearLived: a review or a visitor count is of a year already begun
// in Beijing; next year's was stored before (integrity review 52).
func TestYearLived(t *testing.T) {
	eachDB(t, func(t *testing.T, vs venueSite) {
		ctx := context.Background()
		b := newStation(t, vs, "大渡口街道科普e站", "大渡口街道")
		this := vs.DB.Now().In(calendar.Beijing).Year()
		if err := vs.Venues.AddReview(ctx, b.ID, venue.ReviewInput{Year: this + 1, Score: 90, Outcome: venue.Kept}); !valid.Has(err, "venue.err.year_future") {
			t.Errorf("a review of next year: %v", err)
		}
		if err := vs.Venues.SetVisitors(ctx, b.ID, this+1, 1200); !valid.Has(err, "venue.err.year_future") {
			t.Errorf("visitors of next year: %v", err)
		}
		if rs, _ := vs.Venues.Reviews(ctx, b.ID); len(rs) != 0 {
			t.Errorf("a refused review was stored: %+v", rs)
		}
		if err := vs.Venues.AddReview(ctx, b.ID, venue.ReviewInput{Year: this, Score: 90, Outcome: venue.Kept}); err != nil {
			t.Errorf("a review of this year: %v", err)
		}
		if err := vs.Venues.SetVisitors(ctx, b.ID, this, 1200); err != nil {
			t.Errorf("visitors of this year: %v", err)
		}
	})
}
