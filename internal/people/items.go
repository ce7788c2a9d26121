package people

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// ItemKinds are the kinds of honours and achievements kept for a person.
var ItemKinds = []string{"honour", "award", "paper", "patent", "project", "standard"}

// Item is one honour or achievement.
type Item struct {
	ID       int64
	PersonID int64
	Kind     string
	Title    string
	Year     int
	Detail   string
}

// AddItem records an honour or achievement and adds its title to the
// person's search terms, in one transaction.
func (s *Store) AddItem(ctx context.Context, it Item) (Item, error) {
	var errs valid.Errors
	it.Title, it.Detail = strings.TrimSpace(it.Title), strings.TrimSpace(it.Detail)
	if !oneOf(it.Kind, ItemKinds) {
		errs.Add("kind", "people.err.item_kind")
	}
	if n := utf8.RuneCountInString(it.Title); n == 0 || n > 200 {
		errs.Add("title", "people.err.item_title")
	}
	if it.Year != 0 && (it.Year < 1950 || it.Year > s.db.Now().Year()+1) {
		errs.Add("year", "people.err.item_year")
	}
	if utf8.RuneCountInString(it.Detail) > 500 {
		errs.Add("detail", "people.err.too_long", 500)
	}
	if err := errs.Err(); err != nil {
		return it, err
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		// The person's row lock first: the search terms are read and
		// written back below (two items at once each wrote the old terms
		// with only its own title, losing the other's), and the same item
		// is recorded once (integrity review 52).
		if err := tx.LockRow(ctx, "people", it.PersonID); err != nil {
			if errors.Is(err, db.ErrNotFound) {
				return valid.New("", "people.err.person")
			}
			return err
		}
		var old, orgPath string
		var orgID int64
		if err := tx.QueryRow(ctx, `SELECT p.search_text, o.id, o.path FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`,
			it.PersonID).Scan(&old, &orgID, &orgPath); err != nil {
			return valid.New("", "people.err.person")
		}
		var same int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM person_items WHERE person_id = ? AND kind = ? AND title = ? AND year = ?`,
			it.PersonID, it.Kind, it.Title, it.Year).Scan(&same); err != nil {
			return fmt.Errorf("people: add item: %w", err)
		}
		if same > 0 {
			return valid.New("title", "people.err.item_dup")
		}
		it.ID = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO person_items (id, person_id, kind, title, year, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			it.ID, it.PersonID, it.Kind, it.Title, it.Year, it.Detail, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("people: add item: %w", err)
		}
		terms := mergeTerms(old, it.Title)
		if _, err := tx.Exec(ctx, `UPDATE people SET search_text = ? WHERE id = ?`, terms, it.PersonID); err != nil {
			return err
		}
		if err := reindex(ctx, tx, it.PersonID, old, terms); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: orgPath, Action: "person.item", Target: target(it.PersonID),
			After: map[string]any{"kind": it.Kind, "title": it.Title, "year": it.Year}})
	})
	return it, err
}

// Items lists a person's honours and achievements, newest first.
func (s *Store) Items(ctx context.Context, personID int64) ([]Item, error) {
	rows, err := s.db.Query(ctx, `SELECT id, person_id, kind, title, year, detail FROM person_items WHERE person_id = ? ORDER BY year DESC, id`, personID)
	if err != nil {
		return nil, fmt.Errorf("people: items: %w", err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.PersonID, &it.Kind, &it.Title, &it.Year, &it.Detail); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// itemTitles are the titles of a person's items, for their search terms.
func itemTitles(ctx context.Context, tx *db.Tx, personID int64) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT title FROM person_items WHERE person_id = ?`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
