package event_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/event"
	"kexie/internal/org"
	"kexie/internal/std"
)

// pinyinTitles are event titles in the order a Chinese office reads them:
// numbers by value, a Latin word before the Han titles of its letter, then
// pinyin syllable by syllable (长 cháng, 重 chóng, 厦 xià).
var pinyinTitles = []string{
	"2号厅开放日", "10号厅开放日", "AI科普讲座", "安全科普讲座", "长沙科技周", "重庆科普日", "第2届科学营", "第10届科学营", "厦门科普讲座",
}

// TestTitleKey: event migration 006 keys the events a database already
// holds (title_key, collated "C" on PostgreSQL), the triggers key every
// event created or retitled after it, and the events list by title reads them in pinyin
// order — db.PinyinKey's byte order — both ways, page by page under its
// scope with the total on every page, on both databases.
func TestTitleKey(t *testing.T) {
	ctx := context.Background()
	old := []db.Migrations{audit.Migrations(), org.Migrations(), dbtest.Before(t, event.Migrations(), "006")}
	dbtest.Run(t, old, func(t *testing.T, d *db.DB) {
		orgs := org.NewStore(d, std.Regions())
		root, err := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince})
		if err != nil {
			t.Fatal(err)
		}
		city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
		peer, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
		s := event.NewStore(d)
		start := time.Now().Add(24 * time.Hour).Truncate(time.Minute)
		input := func(o org.Org, title string) event.Input {
			return event.Input{OrgID: o.ID, Title: title, Kind: event.KindLecture, Capacity: 10, StartsAt: start, EndsAt: start.Add(time.Hour), Place: "报告厅"}
		}
		ids := map[string]int64{}
		add := func(o org.Org, title string) {
			t.Helper()
			e, err := s.Create(ctx, input(o, title))
			if err != nil {
				t.Fatal(err)
			}
			ids[title] = e.ID
		}
		// Written in reverse, half before the migration, the rest after.
		n := len(pinyinTitles)
		for i := n - 1; i >= n/2; i-- {
			add(city, pinyinTitles[i])
		}
		if err := d.Migrate(ctx, audit.Migrations(), org.Migrations(), event.Migrations()); err != nil {
			t.Fatal(err)
		}
		dbtest.PinyinKeys(t, d, `SELECT title, title_key FROM events`)
		if d.Dialect() == db.Postgres {
			// Compared byte by byte whatever the database's own collation.
			var coll string
			if err := d.QueryRow(ctx, `SELECT COALESCE(collation_name, '') FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'title_key'`).Scan(&coll); err != nil || coll != "C" {
				t.Errorf("events.title_key collation %q, %v; want C", coll, err)
			}
		}
		for i := n/2 - 1; i >= 0; i-- {
			add(city, pinyinTitles[i])
		}
		add(peer, "滁州科普讲座") // another city's, never in the city's list
		dbtest.PinyinKeys(t, d, `SELECT title, title_key FROM events`)
		byKey := slices.Clone(pinyinTitles)
		slices.SortFunc(byKey, func(a, b string) int { return strings.Compare(db.PinyinKey(a), db.PinyinKey(b)) })
		if !slices.Equal(byKey, pinyinTitles) {
			t.Fatalf("the expected order is not db.PinyinKey's\n got %q\nwant %q", byKey, pinyinTitles)
		}
		read := func(desc bool, want []string) {
			t.Helper()
			var got []string
			for _, e := range pages(t, "by title", len(want), func(l, o int) ([]event.Event, int, error) {
				return s.List(ctx, event.Filter{Scope: access.Subtrees(city.Path), Sort: "title", Desc: desc, Limit: l, Offset: o})
			}) {
				if e.OrgID != city.ID {
					t.Errorf("%s of org %d in the city's list", e.Title, e.OrgID)
				}
				got = append(got, e.Title)
			}
			if !slices.Equal(got, want) {
				t.Errorf("by title, desc %v\n got %q\nwant %q", desc, got, want)
			}
		}
		read(false, pinyinTitles)
		reversed := slices.Clone(pinyinTitles)
		slices.Reverse(reversed)
		read(true, reversed)

		// A new title moves the event.
		if err := s.Update(ctx, ids["安全科普讲座"], input(city, "天文科普讲座")); err != nil {
			t.Fatal(err)
		}
		dbtest.PinyinKeys(t, d, `SELECT title, title_key FROM events`)
		want := slices.DeleteFunc(slices.Clone(pinyinTitles), func(x string) bool { return x == "安全科普讲座" })
		want = slices.Insert(want, len(want)-1, "天文科普讲座") // tian, before 厦门 xia
		read(false, want)
	})
}
