package dashboard_test

import (
	"context"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/dashboard"
)

// TestSpans: a year that runs is read to now and compared with the same
// span a year before; a year that ended is read whole.
func TestSpans(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, dashboard.Zone)
	cur, prev := dashboard.Spans(2026, now)
	if !cur.From.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, dashboard.Zone)) || !cur.To.Equal(now) {
		t.Errorf("2026 so far: %v – %v", cur.From, cur.To)
	}
	if !prev.From.Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, dashboard.Zone)) || !prev.To.Equal(now.AddDate(-1, 0, 0)) {
		t.Errorf("2025's same span: %v – %v", prev.From, prev.To)
	}
	cur, prev = dashboard.Spans(2024, now)
	if !cur.To.Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, dashboard.Zone)) || !prev.To.Equal(time.Date(2024, 1, 1, 0, 0, 0, 0, dashboard.Zone)) {
		t.Errorf("2024 whole: %v, 2023 whole: %v", cur.To, prev.To)
	}
}

// TestOverview: each source is read inside the scope it is given, for the
// year so far and the same span before; a source that fails is marked and
// does not hide the others; no scope reads nothing.
func TestOverview(t *testing.T) {
	ctx := context.Background()
	now := day(2026, 6, 30)
	recs := []rec{
		{"/1/2/", day(2026, 3, 1), 5},   // the city, this year
		{"/1/2/9/", day(2026, 5, 1), 2}, // a county of the city, this year
		{"/1/2/", day(2026, 8, 1), 100}, // the city, after now: not yet
		{"/1/2/", day(2025, 4, 1), 4},   // the city, last year's same span
		{"/1/2/", day(2025, 9, 1), 50},  // last year, after the span
		{"/1/3/", day(2026, 2, 1), 70},  // another city
		{"/1/2/", day(2019, 1, 1), 10},  // long ago: a level counts it
	}
	reg := registry(t, recs)
	groups, err := dashboard.Overview(ctx, reg, access.Subtrees("/1/2/"), 2026, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 2 || groups[0].Module != "event" || groups[1].Module != "voice" {
		t.Fatalf("groups %+v", groups)
	}
	held, members, broken := groups[0].Rows[0], groups[0].Rows[1], groups[1].Rows[0]
	if held.Now != 7 || held.Before != 4 || held.Failed {
		t.Errorf("held: %+v", held)
	}
	if v, ok := held.Change(); !ok || v != 75 || held.ChangeText() != "+75.0%" {
		t.Errorf("change %v %v %q", v, ok, held.ChangeText())
	}
	// A level is read at the span's end: everything on record by then.
	if members.Now != 71 || members.Before != 14 {
		t.Errorf("members: %+v", members)
	}
	if !broken.Failed || broken.ChangeText() != "—" {
		t.Errorf("a failing source: %+v", broken)
	}
	if g, _ := dashboard.Overview(ctx, reg, access.Scope{}, 2026, now); g != nil {
		t.Errorf("the zero scope read %+v", g)
	}
	// A cancelled request stops, it does not show zeros.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := dashboard.Overview(cctx, reg, access.Subtrees("/1/2/"), 2026, now); err == nil {
		t.Error("a cancelled request read a page")
	}
}

// TestCompare: one source across children, largest first; a child outside
// the viewer's scope is left out, a part of a child inside it is narrowed.
func TestCompare(t *testing.T) {
	ctx := context.Background()
	now := day(2026, 6, 30)
	reg := registry(t, []rec{{"/1/2/", day(2026, 3, 1), 5}, {"/1/3/", day(2026, 3, 1), 9}, {"/1/3/7/", day(2026, 3, 1), 1},
		{"/1/4/", day(2026, 3, 1), 40}, {"/1/3/", day(2025, 3, 1), 3}})
	kids := []dashboard.Child{{ID: 2, Name: "甲市", Path: "/1/2/"}, {ID: 3, Name: "乙市", Path: "/1/3/"}, {ID: 4, Name: "丙市", Path: "/1/4/"}}
	parts, err := dashboard.Compare(ctx, reg, access.Subtrees("/1/2/", "/1/3/"), "event.held", kids, 2026, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[0].Name != "乙市" || parts[0].Now != 10 || parts[0].Before != 3 || parts[1].Now != 5 {
		t.Errorf("parts %+v", parts)
	}
	// A viewer granted one county of 乙市 sees that county's part only.
	parts, _ = dashboard.Compare(ctx, reg, access.Subtrees("/1/3/7/"), "event.held", kids, 2026, now)
	if len(parts) != 1 || parts[0].Now != 1 {
		t.Errorf("narrowed: %+v", parts)
	}
	if _, err := dashboard.Compare(ctx, reg, access.Everywhere(), "no.such", kids, 2026, now); err != dashboard.ErrUnknown {
		t.Errorf("unknown source: %v", err)
	}
	if parts, _ := dashboard.Compare(ctx, reg, access.Scope{}, "event.held", kids, 2026, now); parts != nil {
		t.Errorf("the zero scope compared %+v", parts)
	}
}

func TestNum(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 1234567: "1,234,567", 12.345: "12.35", -1500.5: "-1,500.5", 999: "999", 1000: "1,000"} {
		if got := dashboard.Num(v); got != want {
			t.Errorf("Num(%v) = %q, want %q", v, got, want)
		}
	}
	if dashboard.Pct(-12.34) != "-12.3%" || dashboard.Pct(0) != "0.0%" {
		t.Errorf("Pct: %q %q", dashboard.Pct(-12.34), dashboard.Pct(0))
	}
}
