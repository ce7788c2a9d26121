package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// YouthCategory is the talent category given by age rather than by hand.
const YouthCategory = "青年科技人才"

const youthSetting = "people.youth_age"

// DefaultYouthAge is the age under which a sci-tech worker counts as young
// unless an administrator sets another limit (plans use 35 or 40).
const DefaultYouthAge = 35

// YouthAge returns the configured age limit.
func (s *Store) YouthAge(ctx context.Context) (int, error) {
	var v string
	err := s.db.QueryRow(ctx, `SELECT value FROM settings WHERE key = ?`, youthSetting).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultYouthAge, nil
	}
	if err != nil {
		return 0, fmt.Errorf("people: youth age: %w", err)
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return DefaultYouthAge, nil
	}
	return n, nil
}

// SetYouthAge changes the age limit of the youth category (25–50). The
// limit it already has changes nothing and is not audited again.
func (s *Store) SetYouthAge(ctx context.Context, age int) error {
	if age < 25 || age > 50 {
		return valid.New("age", "people.err.youth_age")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// Saves at once wait for each other: each deleted the row the other
		// had just written, found nothing, and failed on the key with a raw
		// database error (integrity review 52). Now the last one wins.
		if err := tx.LockKey(ctx, youthSetting); err != nil {
			return err
		}
		var was string
		err := tx.QueryRow(ctx, `SELECT value FROM settings WHERE key = ?`, youthSetting).Scan(&was)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("people: youth age: %w", err)
		}
		if was == strconv.Itoa(age) {
			return nil
		}
		if _, err := tx.Exec(ctx, `DELETE FROM settings WHERE key = ?`, youthSetting); err != nil {
			return fmt.Errorf("people: youth age: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)`, youthSetting, strconv.Itoa(age), db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("people: youth age: %w", err)
		}
		var before any
		if n, err := strconv.Atoi(was); err == nil {
			before = map[string]int{"age": n}
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "setting.youth_age", Target: "settings", Before: before, After: map[string]int{"age": age}})
	})
}

// youthCutoff is the birth year after which someone counts as young at
// now: the age they reach this year is under age. Only the birth year is
// kept in clear (D43), so ages count by calendar year, as 青年 rules
// written "1990年1月1日以后出生" do.
func youthCutoff(age int, now time.Time) int {
	return now.Year() - age
}

// withYouth adds the youth category to a person's categories when their
// birth year (0: unknown) makes them young, for facets.
func withYouth(cats string, year, cutoff int) string {
	if year == 0 || year <= cutoff || strings.Contains(cats, YouthCategory) {
		return cats
	}
	if cats == "" {
		return YouthCategory
	}
	return cats + "、" + YouthCategory
}
