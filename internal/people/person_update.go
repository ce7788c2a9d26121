package people

import (
	"context"
	"fmt"

	"kexie/internal/access"

	"kexie/internal/db"
	"kexie/internal/valid"
)

// Update changes a person's fields. The ID number cannot change once set
// (it identifies the person); give it here only to set it the first time.
func (s *Store) Update(ctx context.Context, id int64, in Input) (Person, error) {
	in.OrgID = 0
	return s.update(ctx, id, in, 0, access.Scope{})
}

// UpdateOwn changes the profile a user account owns. An ID number set the
// first time that another record already holds is kept without its blind
// index and filed as a claim, never refused (see self_claim.go).
func (s *Store) UpdateOwn(ctx context.Context, userID int64, in Input) (Person, error) {
	own, err := s.OwnProfile(ctx, userID)
	if err != nil {
		return own, err
	}
	in.OrgID = 0
	return s.update(ctx, own.ID, in, userID, access.Scope{})
}

// update changes person id; owner is the account editing its own profile
// (0: staff). A staff edit moves the person to org in.OrgID when it is set
// and lies in move (see Edit); otherwise the person stays where they are.
func (s *Store) update(ctx context.Context, id int64, in Input, owner int64, move access.Scope) (Person, error) {
	old, err := s.Get(ctx, id)
	if err != nil {
		return old, err
	}
	if old.Deleted() {
		return old, fmt.Errorf("people: update %d: %w", id, db.ErrNotFound)
	}
	if in.OrgID == 0 || owner != 0 {
		in.OrgID = old.OrgID
	}
	if in.EmployerOrgID != 0 && in.EmployerOrgID == old.EmployerOrgID {
		in.EmployerScope = access.Everywhere() // the link already recorded stays, whoever edits
	}
	keepID := old.IDSealed != ""
	if keepID {
		in.IDNumber = ""
	}
	table, err := s.Disciplines(ctx)
	if err != nil {
		return old, err
	}
	r, errs := s.validate(in, table)
	if err := errs.Err(); err != nil {
		return old, err
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		// The person's row lock first, as AddItem takes it: the search
		// terms are read and written back below with the items' titles,
		// and an item added at once lost its title from them (integrity
		// review 52); two edits at once of a profile without an ID number
		// both found it unset, both wrote one and both filed a claim.
		if err := tx.LockRow(ctx, "people", id); err != nil {
			return err
		}
		var oldTerms, sealed string
		var deleted int64
		if err := tx.QueryRow(ctx, `SELECT search_text, id_enc, deleted_at FROM people WHERE id = ?`, id).Scan(&oldTerms, &sealed, &deleted); err != nil {
			return fmt.Errorf("people: update %d: %w", id, err)
		}
		if deleted != 0 {
			return fmt.Errorf("people: update %d: %w", id, db.ErrNotFound)
		}
		if sealed != "" {
			keepID = true // set meanwhile by an edit at once: it stays, as one set before
		}
		newPath, err := moveTarget(ctx, tx, old, r.OrgID, move)
		if err != nil {
			return err
		}
		if err := employerOrg(ctx, tx, &r); err != nil {
			return err
		}
		titles, err := itemTitles(ctx, tx, id)
		if err != nil {
			return err
		}
		terms := mergeTerms(r.terms(), titles...)
		q := `UPDATE people SET search_text = ?, name = ?, phone_enc = ?, phone_index = ?, phone_masked = ?, email = ?, employer = ?,
			employer_org_id = ?, employer_uscc = ?, title_level = ?, title = ?, education = ?, degree = ?, discipline = ?,
			disciplines2 = ?, expertise = ?, region_code = ?, categories = ?, org_id = ?, updated_at = ?`
		args := []any{terms, r.Name, r.phSealed, nullable(r.phIndex), r.phMasked, r.Email, r.Employer, nullableID(r.EmployerOrgID),
			r.EmployerUSCC, r.TitleLevel, r.Title, r.Education, r.Degree, r.Discipline, r.stored2(), r.Expertise, r.RegionCode,
			r.Categories, r.OrgID, db.Millis(tx.Now)}
		var held int64
		if !keepID && r.IDNumber != "" {
			if owner != 0 {
				if held, err = heldBy(ctx, tx, r.idIndex, id); err != nil {
					return err
				}
				if held != 0 {
					r.idIndex = ""
				}
			}
			q += `, id_enc = ?, id_index = ?, id_masked = ?, gender = ?, birth_year = ?`
			args = append(args, r.idSealed, nullable(r.idIndex), r.idMasked, r.gender, r.birthYear)
		}
		_, err = tx.Exec(ctx, q+` WHERE id = ?`, append(args, id)...)
		if db.IsUniqueViolation(err) {
			return valid.New("id_number", "people.err.duplicate")
		}
		if err != nil {
			return fmt.Errorf("people: update %d: %w", id, err)
		}
		if err := reindex(ctx, tx, id, oldTerms, terms); err != nil {
			return err
		}
		if held != 0 {
			if err := fileClaim(ctx, tx, held, id, owner); err != nil {
				return err
			}
		}
		return auditEdit(ctx, tx, old, r, !keepID && r.IDNumber != "", newPath)
	})
	if err != nil {
		return old, err
	}
	return s.Get(ctx, id)
}
