package calendar_test

import (
	"context"
	"testing"
	"time"

	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

func day(s string) time.Time {
	t, _ := time.ParseInLocation("2006-01-02 15:04", s, calendar.Beijing)
	return t
}

func TestWorkdays(t *testing.T) {
	c := calendar.New(calendar.Shipped())
	cases := []struct {
		name, from string
		n          int
		want       string // the last working day
	}{
		{"plain week from Monday", "2026-03-02 10:00", 5, "2026-03-06"},
		{"from Friday over a weekend", "2026-03-06 10:00", 5, "2026-03-12"},
		{"from Saturday", "2026-03-07 10:00", 5, "2026-03-13"},
		{"over 国庆 with make-up days", "2026-09-28 09:00", 5, "2026-10-09"},
		{"make-up Sunday 9-20 counts", "2026-09-18 09:00", 2, "2026-09-20"},
		{"over 春节", "2026-02-12 09:00", 7, "2026-02-27"},
		{"over 劳动节 with Saturday 5-9", "2026-04-30 09:00", 3, "2026-05-07"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			end := c.AddWorkdays(day(tc.from), tc.n)
			if got := end.Add(-time.Hour).In(calendar.Beijing).Format("2006-01-02"); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
			if got := c.Workdays(day(tc.from[:10]+" 00:00"), end); got != tc.n {
				t.Errorf("workdays in window %d, want %d", got, tc.n)
			}
		})
	}
	if c.IsWorkday(day("2026-10-01 12:00")) || !c.IsWorkday(day("2026-10-10 12:00")) || c.IsWorkday(day("2026-03-07 12:00")) {
		t.Error("holiday, make-up day or weekend misread")
	}
}

func TestAdministratorsDays(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, []db.Migrations{audit.Migrations(), calendar.Migrations()}, func(t *testing.T, d *db.DB) {
		if err := calendar.Set(ctx, d, []calendar.Day{
			{Date: "2027-01-01", Kind: calendar.Holiday, Name: "元旦", Source: "test"},
			{Date: "2026-03-07", Kind: calendar.Workday, Name: "test"},
		}); err != nil {
			t.Fatal(err)
		}
		if err := calendar.Set(ctx, d, []calendar.Day{{Date: "2027-13-01", Kind: calendar.Holiday}}); err == nil {
			t.Error("a bad date was taken")
		}
		c, err := calendar.Load(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if c.IsWorkday(day("2027-01-01 09:00")) || !c.IsWorkday(day("2026-03-07 09:00")) || c.IsWorkday(day("2026-10-02 09:00")) {
			t.Error("entered days not read over the shipped ones")
		}
	})
}
