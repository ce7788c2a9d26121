package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// maxReason bounds the reason given for a deletion, in characters.
const maxReason = 500

// Delete removes a person on the office's decision, for reason. It is an
// erasure, never a hidden copy (D46): every personal field is erased in
// place, their memberships, pool entries, honours and consents go, the
// search index drops them, and the row stays as a tombstone with when and
// why, so counts of past periods and the audit trail stay whole. Lists,
// search and exports leave tombstones out, and the ID number may be
// recorded again (by hand or import) as a new person.
func (s *Store) Delete(ctx context.Context, id int64, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return valid.New("reason", "people.err.reason_required")
	}
	if utf8.RuneCountInString(reason) > maxReason {
		return valid.New("reason", "people.err.reason_long", maxReason)
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		var orgID, deleted int64
		var path, orgName string
		err := tx.QueryRow(ctx, `SELECT o.id, o.path, o.name, p.deleted_at FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`, id).
			Scan(&orgID, &path, &orgName, &deleted)
		if errors.Is(err, sql.ErrNoRows) || err == nil && deleted != 0 {
			return fmt.Errorf("people: delete %d: %w", id, db.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("people: delete %d: %w", id, err)
		}
		if err := erase(ctx, tx, id, reason); err != nil {
			return err
		}
		// A pending request of the holder is answered by this deletion.
		if _, err := tx.Exec(ctx, `UPDATE deletion_requests SET status = 'done', resolved_by = ?, resolved_at = ? WHERE person_id = ? AND status = 'pending'`,
			audit.MetaFrom(ctx).ActorID, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("people: delete %d: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "person.delete", Target: target(id),
			Before: map[string]string{"org": orgName}, After: map[string]string{"reason": reason}})
	})
}

// erase blanks every personal field of person id, deletes what hangs off
// it, takes it out of the search index and marks it deleted for reason.
func erase(ctx context.Context, tx *db.Tx, id int64, reason string) error {
	var oldTerms string
	if err := tx.QueryRow(ctx, `SELECT search_text FROM people WHERE id = ?`, id).Scan(&oldTerms); err != nil {
		return fmt.Errorf("people: erase %d: %w", id, err)
	}
	if err := reindex(ctx, tx, id, oldTerms, ""); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE people SET name = '已删除', gender = '', birth_year = 0, id_enc = '', id_index = NULL,
		id_masked = '', phone_enc = '', phone_index = NULL, phone_masked = '', email = '', employer = '', employer_org_id = NULL, employer_uscc = '', title_level = '',
		title = '', education = '', degree = '', discipline = '', disciplines2 = '', expertise = '', region_code = '', categories = '',
		search_text = '', user_id = NULL, updated_at = ?, deleted_at = ?, deleted_reason = ? WHERE id = ?`,
		db.Millis(tx.Now), db.Millis(tx.Now), reason, id); err != nil {
		return fmt.Errorf("people: erase %d: %w", id, err)
	}
	for _, q := range []string{`DELETE FROM memberships WHERE person_id = ?`, `DELETE FROM consents WHERE person_id = ?`,
		`DELETE FROM person_items WHERE person_id = ?`, `DELETE FROM pool_members WHERE person_id = ?`,
		`UPDATE person_claims SET status = 'refused' WHERE person_id = ? AND status = 'pending'`} {
		if _, err := tx.Exec(ctx, q, id); err != nil {
			return fmt.Errorf("people: erase %d: %w", id, err)
		}
	}
	return nil
}

// validConfirm is the error of a deletion sent without its confirmation.
func validConfirm() error { return valid.New("confirm", "people.err.confirm_delete") }
