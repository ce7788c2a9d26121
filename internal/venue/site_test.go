package venue_test

import (
	"context"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/std"
	"kexie/internal/venue"
	"kexie/internal/web/webtest"
)

// venueSite is the venue module served on the platform over d, with the
// root org and two cities (webtest.New), and the module's store.
type venueSite struct {
	*webtest.Site
	Venues *venue.Store
}

// eachDB runs fn with the module served on SQLite, then on PostgreSQL.
func eachDB(t *testing.T, fn func(t *testing.T, vs venueSite)) {
	t.Helper()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		s := venue.NewStore(d, std.Regions())
		ws.Start(venue.Module(s, ws.Orgs))
		fn(t, venueSite{Site: ws, Venues: s})
	})
}

func fp(f float64) *float64 { return &f }

// newStation is a 科普e站 of the city in 东区 (510402) at township.
func newStation(t testing.TB, vs venueSite, name, township string, six ...string) venue.Venue {
	t.Helper()
	in := venue.Input{OrgID: vs.City.ID, Kind: venue.KindEStation, Name: name, RegionCode: "510402", Township: township,
		Address: township + "社区服务中心", Lng: fp(101.72), Lat: fp(26.58), Six: map[string]bool{}}
	for _, s := range six {
		in.Six[s] = true
	}
	v, err := vs.Venues.Create(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
