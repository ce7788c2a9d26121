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
	"kexie/internal/pii"
	"kexie/internal/search"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// validate checks in and seals its sensitive fields. Discipline codes are
// checked against table, the imported GB/T 13745 (empty: shape only).
func (s *Store) validate(in Input, table map[string]Discipline) (row, valid.Errors) {
	var errs valid.Errors
	r := row{Input: in}
	r.Name = strings.TrimSpace(in.Name)
	if n := utf8.RuneCountInString(r.Name); n == 0 || n > 50 {
		errs.Add("name", "people.err.name")
	}
	if r.IDNumber = strings.TrimSpace(in.IDNumber); r.IDNumber != "" {
		id, err := std.ParseCitizenID(r.IDNumber, s.db.Now())
		var ie *std.IDError
		if errors.As(err, &ie) {
			errs.Add("id_number", "people.err."+strings.ReplaceAll(ie.Code, ".", "_"))
		} else {
			r.IDNumber = id.Number
			r.birthYear = id.Birth.Year()
			r.gender = Female
			if id.Male {
				r.gender = Male
			}
		}
	}
	if r.Phone = strings.TrimSpace(in.Phone); r.Phone != "" {
		m, ok := std.NormalizeMobile(r.Phone)
		if !ok {
			errs.Add("phone", "people.err.phone")
		}
		r.Phone = m
	}
	if r.Email = strings.TrimSpace(in.Email); r.Email != "" && !valid.Email(r.Email) {
		errs.Add("email", "people.err.email", r.Email)
	}
	if r.RegionCode = strings.TrimSpace(in.RegionCode); r.RegionCode != "" && !std.Regions().ValidCode(r.RegionCode) {
		errs.Add("region_code", "people.err.region", r.RegionCode)
	}
	if r.TitleLevel = strings.TrimSpace(in.TitleLevel); r.TitleLevel != "" {
		ok := false
		for _, l := range TitleLevels() {
			ok = ok || l == r.TitleLevel
		}
		if !ok {
			errs.Add("title_level", "people.err.title_level")
		}
	}
	r.Employer, r.Title, r.Education = strings.TrimSpace(in.Employer), strings.TrimSpace(in.Title), strings.TrimSpace(in.Education)
	r.Degree, r.Discipline, r.Expertise = strings.TrimSpace(in.Degree), strings.TrimSpace(in.Discipline), strings.TrimSpace(in.Expertise)
	r.Categories = strings.TrimSpace(in.Categories)
	for field, v := range map[string]string{"employer": r.Employer, "title": r.Title, "education": r.Education,
		"degree": r.Degree, "discipline": r.Discipline, "categories": r.Categories} {
		if utf8.RuneCountInString(v) > 100 {
			errs.Add(field, "people.err.too_long", 100)
		}
	}
	if utf8.RuneCountInString(in.Expertise) > 500 {
		errs.Add("expertise", "people.err.too_long", 500)
	}
	checkEmployer(&r, &errs)
	checkDisciplines(&r, table, &errs)
	if len(errs) > 0 {
		return r, errs
	}
	var err error
	if r.idSealed, err = s.keys.Seal("id_number", r.IDNumber); err != nil {
		errs.Add("", "error.internal")
	}
	if r.phSealed, err = s.keys.Seal("phone", r.Phone); err != nil {
		errs.Add("", "error.internal")
	}
	r.idIndex, r.phIndex = s.keys.Index("id_number", r.IDNumber), s.keys.Index("phone", r.Phone)
	r.idMasked, r.phMasked = pii.MaskID(r.IDNumber), pii.MaskPhone(r.Phone)
	return r, errs
}

// nullableID is an optional reference: 0 is NULL.
func nullableID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Create adds a person to org in.OrgID. A person whose ID number is already
// recorded is refused with a field error.
func (s *Store) Create(ctx context.Context, in Input) (Person, error) { return s.create(ctx, in, nil) }

// ownFunc is a self-registration's part of the transaction that creates its
// profile (id): held is the person already recorded with the same ID number
// (0: none), in which case the profile was written without the blind index
// and is not refused — the registrant must not learn which (see self_claim.go).
type ownFunc func(tx *db.Tx, id, held int64) error

// create adds a person; own, when set, makes it a self-registration.
func (s *Store) create(ctx context.Context, in Input, own ownFunc) (Person, error) {
	table, err := s.Disciplines(ctx)
	if err != nil {
		return Person{}, err
	}
	r, errs := s.validate(in, table)
	if err := errs.Err(); err != nil {
		return Person{}, err
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		path, err := orgPath(ctx, tx, r.OrgID)
		if err != nil {
			return err
		}
		if err := employerOrg(ctx, tx, &r); err != nil {
			return err
		}
		held, err := heldBy(ctx, tx, r.idIndex, 0)
		if err != nil {
			return err
		}
		if held != 0 {
			if own == nil {
				return valid.New("id_number", "people.err.duplicate")
			}
			r.idIndex = ""
		}
		id = tx.NewID()
		r.id = id
		if err := s.insert(ctx, tx, r); err != nil {
			return err
		}
		// The audit summary carries masked values only.
		if err := audit.Append(ctx, tx, audit.Entry{OrgID: r.OrgID, OrgPath: path, Action: "person.create", Target: target(id),
			After: map[string]string{"name": r.Name, "id_number": r.idMasked, "phone": r.phMasked, "employer": r.Employer,
				"employer_uscc": r.EmployerUSCC, "employer_org_id": idText(r.EmployerOrgID)}}); err != nil {
			return err
		}
		if own != nil {
			return own(tx, id, held)
		}
		return nil
	})
	if err != nil {
		return Person{}, err
	}
	return s.Get(ctx, id)
}

// heldBy returns the person other than self recorded with the blind index
// idx (0: none, or no index given).
func heldBy(ctx context.Context, tx *db.Tx, idx string, self int64) (int64, error) {
	if idx == "" {
		return 0, nil
	}
	var held int64
	err := tx.QueryRow(ctx, `SELECT id FROM people WHERE id_index = ? AND id <> ?`, idx, self).Scan(&held)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("people: check duplicate: %w", err)
	}
	return held, nil
}

// insert writes a validated row in tx (no audit: the caller records it).
func (s *Store) insert(ctx context.Context, tx *db.Tx, r row) error {
	if r.id == 0 {
		r.id = tx.NewID()
	}
	now := db.Millis(tx.Now)
	terms := r.terms()
	_, err := tx.Exec(ctx, `INSERT INTO people (id, org_id, name, gender, birth_year, id_enc, id_index, id_masked, phone_enc,
		phone_index, phone_masked, email, employer, title_level, title, education, degree, discipline, disciplines2, expertise,
		region_code, categories, employer_org_id, employer_uscc, search_text, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.id, r.OrgID, r.Name, r.gender, r.birthYear, r.idSealed, nullable(r.idIndex), r.idMasked, r.phSealed, nullable(r.phIndex),
		r.phMasked, r.Email, r.Employer, r.TitleLevel, r.Title, r.Education, r.Degree, r.Discipline, r.stored2(), r.Expertise,
		r.RegionCode, r.Categories, nullableID(r.EmployerOrgID), r.EmployerUSCC, terms, now, now)
	if db.IsUniqueViolation(err) {
		return valid.New("id_number", "people.err.duplicate")
	}
	if err != nil {
		return fmt.Errorf("people: insert: %w", err)
	}
	return reindex(ctx, tx, r.id, "", terms)
}

// mergeTerms adds the terms of more text to a person's terms.
func mergeTerms(old string, more ...string) string {
	return search.Terms(append([]string{old}, more...)...)
}

// terms are the search terms of a row.
func (r row) terms() string {
	return search.Terms(r.Name, r.Employer, r.Expertise, r.Title, r.Categories, r.Discipline, strings.Join(r.Disciplines2, " "))
}

// stored2 is the row's people.disciplines2.
func (r row) stored2() string { return strings.Join(r.Disciplines2, ",") }

// reindex keeps the full-text index in step with people.search_text in the
// caller's transaction: PostgreSQL's generated tsvector follows by itself;
// SQLite's contentless FTS5 table needs the old terms deleted and the new
// ones inserted.
func reindex(ctx context.Context, tx *db.Tx, id int64, old, terms string) error {
	if _, err := tx.Exec(ctx, `INSERT INTO people_changes (person_id, at) VALUES (?, ?)`, id, db.Millis(tx.Now)); err != nil {
		return fmt.Errorf("people: log change of %d: %w", id, err)
	}
	if tx.Dialect() != db.SQLite || old == terms {
		return nil
	}
	if old != "" {
		if _, err := tx.Exec(ctx, `INSERT INTO people_fts (people_fts, rowid, terms) VALUES ('delete', ?, ?)`, id, old); err != nil {
			return fmt.Errorf("people: unindex %d: %w", id, err)
		}
	}
	if terms != "" {
		if _, err := tx.Exec(ctx, `INSERT INTO people_fts (rowid, terms) VALUES (?, ?)`, id, terms); err != nil {
			return fmt.Errorf("people: index %d: %w", id, err)
		}
	}
	return nil
}
