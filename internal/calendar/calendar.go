// Package calendar knows China's working days: weekends, public holidays
// and the make-up working days (调休) of each year's official arrangement.
// 公示 periods, SLAs on suggestions and plan deadlines count with it.
//
// It is a platform package: it must never import a business module. The
// current year's arrangement ships in this file with its source; other
// years are entered by administrators (table calendar_days), which
// override the shipped days.
package calendar

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"kexie/internal/db"
)

// Beijing is the zone working days are counted in.
var Beijing = time.FixedZone("CST", 8*3600)

// Kinds of special day.
const (
	Holiday = "holiday"
	Workday = "workday"
)

// Day is one day that differs from the plain week.
type Day struct {
	Date   string // YYYY-MM-DD
	Kind   string
	Name   string
	Source string
}

// Source2026 is where the shipped 2026 arrangement comes from.
const Source2026 = "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社播发）"

// Shipped returns the official arrangement shipped with the binary.
func Shipped() []Day {
	var out []Day
	add := func(kind, name, from, to string) {
		a, _ := time.ParseInLocation("2006-01-02", from, Beijing)
		b, _ := time.ParseInLocation("2006-01-02", to, Beijing)
		for d := a; !d.After(b); d = d.AddDate(0, 0, 1) {
			out = append(out, Day{Date: d.Format("2006-01-02"), Kind: kind, Name: name, Source: Source2026})
		}
	}
	add(Holiday, "元旦", "2026-01-01", "2026-01-03")
	add(Workday, "元旦调休", "2026-01-04", "2026-01-04")
	add(Holiday, "春节", "2026-02-15", "2026-02-23")
	add(Workday, "春节调休", "2026-02-14", "2026-02-14")
	add(Workday, "春节调休", "2026-02-28", "2026-02-28")
	add(Holiday, "清明节", "2026-04-04", "2026-04-06")
	add(Holiday, "劳动节", "2026-05-01", "2026-05-05")
	add(Workday, "劳动节调休", "2026-05-09", "2026-05-09")
	add(Holiday, "端午节", "2026-06-19", "2026-06-21")
	add(Holiday, "中秋节", "2026-09-25", "2026-09-27")
	add(Holiday, "国庆节", "2026-10-01", "2026-10-07")
	add(Workday, "国庆节调休", "2026-09-20", "2026-09-20")
	add(Workday, "国庆节调休", "2026-10-10", "2026-10-10")
	return out
}

// Calendar answers working-day questions from a set of special days.
type Calendar struct {
	days map[string]Day
}

// New returns a calendar of the given special days; later ones override
// earlier ones on the same date.
func New(days ...[]Day) *Calendar {
	c := &Calendar{days: map[string]Day{}}
	for _, list := range days {
		for _, d := range list {
			c.days[d.Date] = d
		}
	}
	return c
}

// IsWorkday reports whether the Beijing date of t is a working day.
func (c *Calendar) IsWorkday(t time.Time) bool {
	t = t.In(Beijing)
	if d, ok := c.days[t.Format("2006-01-02")]; ok {
		return d.Kind == Workday
	}
	return t.Weekday() != time.Saturday && t.Weekday() != time.Sunday
}

// AddWorkdays returns the end (24:00 Beijing time) of the n-th working day
// of a period starting at from, the day of from counting when it is a
// working day: a 公示 of 5 working days published on a Friday ends at the
// end of the next Thursday.
func (c *Calendar) AddWorkdays(from time.Time, n int) time.Time {
	d := from.In(Beijing)
	d = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, Beijing)
	for count := 0; ; d = d.AddDate(0, 0, 1) {
		if c.IsWorkday(d) {
			count++
			if count >= n {
				return d.AddDate(0, 0, 1).UTC()
			}
		}
	}
}

// Workdays counts the working days in [from, to).
func (c *Calendar) Workdays(from, to time.Time) int {
	n := 0
	d := from.In(Beijing)
	d = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, Beijing)
	for ; d.Before(to); d = d.AddDate(0, 0, 1) {
		if c.IsWorkday(d) {
			n++
		}
	}
	return n
}

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns the calendar table's migrations.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "calendar", FS: sub}
}

// Load reads the administrators' days and returns a calendar of the
// shipped days overridden by them.
func Load(ctx context.Context, d *db.DB) (*Calendar, error) {
	rows, err := d.Query(ctx, `SELECT day, kind, name, source FROM calendar_days ORDER BY day`)
	if err != nil {
		return nil, fmt.Errorf("calendar: load: %w", err)
	}
	defer rows.Close()
	var own []Day
	for rows.Next() {
		var x Day
		if err := rows.Scan(&x.Date, &x.Kind, &x.Name, &x.Source); err != nil {
			return nil, fmt.Errorf("calendar: load: %w", err)
		}
		own = append(own, x)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return New(Shipped(), own), nil
}

// Source reads the calendar from the database each time it is asked, so
// days administrators enter count at once on every node.
type Source struct{ DB *db.DB }

// AddWorkdays is Calendar.AddWorkdays on the calendar as now entered.
func (s Source) AddWorkdays(ctx context.Context, from time.Time, n int) (time.Time, error) {
	c, err := Load(ctx, s.DB)
	if err != nil {
		return time.Time{}, err
	}
	return c.AddWorkdays(from, n), nil
}

// Fixed answers from a calendar held in memory (tests, tools).
type Fixed struct{ C *Calendar }

// AddWorkdays is Calendar.AddWorkdays.
func (f Fixed) AddWorkdays(_ context.Context, from time.Time, n int) (time.Time, error) {
	return f.C.AddWorkdays(from, n), nil
}
