package event_test

import (
	"context"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/event"
	"kexie/internal/web/webtest"
)

// eventSite is the event module served on the platform over d, with the
// root org and two cities (webtest.New), and the module's store.
type eventSite struct {
	*webtest.Site
	Events *event.Store
}

func serveEvents(t testing.TB, d *db.DB) eventSite {
	t.Helper()
	ws := webtest.New(t, d)
	s := event.NewStore(d)
	ws.Start(event.Module(s, ws.Orgs, event.Config{Key: webtest.Key("event")}))
	return eventSite{Site: ws, Events: s}
}

// eachDB runs fn with the module served on SQLite, then on PostgreSQL.
func eachDB(t *testing.T, fn func(t *testing.T, es eventSite)) {
	t.Helper()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) { fn(t, serveEvents(t, d)) })
}

// newEvent is a lecture of the site's city for capacity people, starting
// tomorrow.
func newEvent(t testing.TB, es eventSite, title string, capacity int) event.Event {
	t.Helper()
	start := time.Now().Add(24 * time.Hour).Truncate(time.Minute)
	e, err := es.Events.Create(context.Background(), event.Input{OrgID: es.City.ID, Title: title, Kind: event.KindLecture,
		Capacity: capacity, StartsAt: start, EndsAt: start.Add(2 * time.Hour), Place: "市科技馆报告厅"})
	if err != nil {
		t.Fatal(err)
	}
	return e
}
