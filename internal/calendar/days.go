package calendar

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// MaxRange is the most days one entry may span (a holiday with its
// weekends; a longer range is a typing slip).
const MaxRange = 31

// Set records administrators' special days (holidays or make-up working
// days), replacing what was entered for those dates, and audits them as
// one change with what each date held before. Bad days are refused and
// nothing is saved.
func Set(ctx context.Context, d *db.DB, days []Day) error {
	var errs valid.Errors
	for _, x := range days {
		if _, err := time.Parse("2006-01-02", x.Date); err != nil {
			errs.Add("from", "calendar.err.date")
		}
		if x.Kind != Holiday && x.Kind != Workday {
			errs.Add("kind", "calendar.err.kind")
		}
		if n := utf8.RuneCountInString(x.Name); n == 0 || n > 30 {
			errs.Add("name", "calendar.err.name")
		}
		if utf8.RuneCountInString(x.Source) > 200 {
			errs.Add("source", "calendar.err.source")
		}
		if len(errs) > 0 {
			return errs
		}
	}
	return d.Tx(ctx, func(tx *db.Tx) error {
		before := map[string]string{}
		for _, x := range days {
			var kind, name string
			err := tx.QueryRow(ctx, `SELECT kind, name FROM calendar_days WHERE day = ?`, x.Date).Scan(&kind, &name)
			if err == nil {
				before[x.Date] = kind + " " + name
			}
			if _, err := tx.Exec(ctx, `DELETE FROM calendar_days WHERE day = ?`, x.Date); err != nil {
				return fmt.Errorf("calendar: set %s: %w", x.Date, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO calendar_days (day, kind, name, source, updated_at) VALUES (?, ?, ?, ?, ?)`,
				x.Date, x.Kind, x.Name, x.Source, db.Millis(tx.Now)); err != nil {
				return fmt.Errorf("calendar: set %s: %w", x.Date, err)
			}
		}
		after := map[string]string{}
		for _, x := range days {
			after[x.Date] = x.Kind + " " + x.Name
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "calendar.set", Target: "calendar:" + yearOf(days), Before: before, After: after})
	})
}

func yearOf(days []Day) string {
	if len(days) == 0 || len(days[0].Date) < 4 {
		return ""
	}
	return days[0].Date[:4]
}

// Range lists the days from..to (YYYY-MM-DD, inclusive) as one kind of
// special day, for Set.
func Range(from, to, kind, name, source string) ([]Day, error) {
	a, err1 := time.ParseInLocation("2006-01-02", strings.TrimSpace(from), Beijing)
	b, err2 := time.ParseInLocation("2006-01-02", strings.TrimSpace(to), Beijing)
	switch {
	case err1 != nil:
		return nil, valid.New("from", "calendar.err.date")
	case strings.TrimSpace(to) == "":
		b = a
	case err2 != nil:
		return nil, valid.New("to", "calendar.err.date")
	}
	if b.Before(a) || b.Sub(a) >= MaxRange*24*time.Hour {
		return nil, valid.New("to", "calendar.err.range", MaxRange)
	}
	var out []Day
	for d := a; !d.After(b); d = d.AddDate(0, 0, 1) {
		out = append(out, Day{Date: d.Format("2006-01-02"), Kind: kind, Name: strings.TrimSpace(name), Source: strings.TrimSpace(source)})
	}
	return out, nil
}

// Remove deletes an administrator's entry for date (a shipped day then
// counts again), audited. Removing a date with no entry is an error.
func Remove(ctx context.Context, d *db.DB, date string) error {
	return d.Tx(ctx, func(tx *db.Tx) error {
		var kind, name string
		if err := tx.QueryRow(ctx, `SELECT kind, name FROM calendar_days WHERE day = ?`, date).Scan(&kind, &name); err != nil {
			return valid.New("day", "calendar.err.not_entered")
		}
		if _, err := tx.Exec(ctx, `DELETE FROM calendar_days WHERE day = ?`, date); err != nil {
			return fmt.Errorf("calendar: remove %s: %w", date, err)
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "calendar.remove", Target: "calendar:" + date[:min(4, len(date))],
			Before: map[string]string{date: kind + " " + name}})
	})
}

// Entry is one special day of a year as the admin page shows it.
type Entry struct {
	Day
	Entered bool // by administrators (else shipped with the binary)
	Shipped bool // the binary ships a day for this date (an entry overrides it)
}

// Year lists the special days of a year: the shipped ones and the
// administrators', theirs winning on the same date, in date order.
func Year(ctx context.Context, d *db.DB, year int) ([]Entry, error) {
	prefix := fmt.Sprintf("%04d-", year)
	by := map[string]*Entry{}
	for _, x := range Shipped() {
		if strings.HasPrefix(x.Date, prefix) {
			by[x.Date] = &Entry{Day: x, Shipped: true}
		}
	}
	rows, err := d.Query(ctx, `SELECT day, kind, name, source FROM calendar_days WHERE day >= ? AND day < ? ORDER BY day`,
		prefix+"01-01", fmt.Sprintf("%04d-01-01", year+1))
	if err != nil {
		return nil, fmt.Errorf("calendar: year %d: %w", year, err)
	}
	defer rows.Close()
	for rows.Next() {
		var x Day
		if err := rows.Scan(&x.Date, &x.Kind, &x.Name, &x.Source); err != nil {
			return nil, fmt.Errorf("calendar: year %d: %w", year, err)
		}
		e := &Entry{Day: x, Entered: true}
		if old, ok := by[x.Date]; ok {
			e.Shipped = old.Shipped
		}
		by[x.Date] = e
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(by))
	for _, e := range by {
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out, nil
}
