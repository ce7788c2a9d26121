package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"kexie/internal/audit"
	"kexie/internal/db"
)

// birthDate is the "YYYY-MM-DD" birth date of a valid ID number ("" for
// anything else).
func birthDate(id string) string {
	if len(id) != 18 {
		return ""
	}
	return id[6:10] + "-" + id[10:12] + "-" + id[12:14]
}

// ErrNoSuchField is Reveal's answer for a field it cannot open.
var ErrNoSuchField = errors.New("people: no such sensitive field")

// Reveal decrypts one sensitive field of a person and records who saw it.
func (s *Store) Reveal(ctx context.Context, id int64, field string) (string, error) {
	p, err := s.Get(ctx, id)
	if err != nil {
		return "", err
	}
	var plain string
	switch field {
	case FieldID, FieldBirth:
		plain, err = s.keys.Open(FieldID, p.IDSealed)
		if field == FieldBirth {
			plain = birthDate(plain)
		}
	case FieldPhone:
		plain, err = s.keys.Open(FieldPhone, p.PhoneSealed)
	default:
		return "", ErrNoSuchField
	}
	if err != nil {
		return "", fmt.Errorf("people: reveal %s of %d: %w", field, id, err)
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{OrgID: p.OrgID, OrgPath: p.OrgPath, Action: "person.reveal", Target: target(id),
			After: map[string]string{"field": field}})
	})
	if err != nil {
		return "", err
	}
	return plain, nil
}

// FindByIDNumber returns the person recorded with an ID number (exact match
// through the blind index, no decryption).
func (s *Store) FindByIDNumber(ctx context.Context, number string) (Person, error) {
	idx := s.keys.Index("id_number", strings.ToUpper(strings.TrimSpace(number)))
	p, err := scan(s.db.QueryRow(ctx, `SELECT `+cols+` FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.id_index = ?`, idx))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("people: by id number: %w", db.ErrNotFound)
	}
	return p, err
}
