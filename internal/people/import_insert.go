package people

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"kexie/internal/db"
	"kexie/internal/valid"
)

// insertMany inserts new people with multi-row INSERTs, with their search
// index entries and change-log rows, in tx (SQLite). The file has no
// employer USCC or org link: those columns take their defaults.
func insertMany(ctx context.Context, tx *db.Tx, ps []pending) error {
	const chunk = 100 // 25 parameters a row stays far below SQLite's limit
	now := db.Millis(tx.Now)
	for start := 0; start < len(ps); start += chunk {
		part := ps[start:min(len(ps), start+chunk)]
		var vals, fts, log []string
		var args, ftsArgs, logArgs []any
		for _, p := range part {
			r := p.r
			vals = append(vals, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			args = append(args, r.id, r.OrgID, r.Name, r.gender, r.birthYear, r.idSealed, nullable(r.idIndex), r.idMasked, r.phSealed,
				nullable(r.phIndex), r.phMasked, r.Email, r.Employer, r.TitleLevel, r.Title, r.Education, r.Degree, r.Discipline,
				r.stored2(), r.Expertise, r.RegionCode, r.Categories, p.terms, now, now)
			fts, ftsArgs = append(fts, "(?, ?)"), append(ftsArgs, r.id, p.terms)
			log, logArgs = append(log, "(?, ?)"), append(logArgs, r.id, now)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO people (id, org_id, name, gender, birth_year, id_enc, id_index, id_masked, phone_enc,
			phone_index, phone_masked, email, employer, title_level, title, education, degree, discipline, disciplines2, expertise,
			region_code, categories, search_text, created_at, updated_at) VALUES `+strings.Join(vals, ","), args...); err != nil {
			if db.IsUniqueViolation(err) {
				return valid.New("id_number", "people.err.duplicate")
			}
			return fmt.Errorf("people: insert batch: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO people_fts (rowid, terms) VALUES `+strings.Join(fts, ","), ftsArgs...); err != nil {
			return fmt.Errorf("people: index batch: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO people_changes (person_id, at) VALUES `+strings.Join(log, ","), logArgs...); err != nil {
			return fmt.Errorf("people: log batch: %w", err)
		}
	}
	return nil
}

// insertArrays inserts new people on PostgreSQL with one statement a batch:
// each column travels as one array parameter (binary encoded by pgx) and
// unnest turns them back into rows, so a thousand rows cost one round trip
// and one parse. The generated tsvector and its GIN index follow by
// themselves; the change log gets its rows in a second statement. As in
// insertMany, the employer's USCC and org link take their defaults.
func insertArrays(ctx context.Context, tx *db.Tx, ps []pending) error {
	if len(ps) == 0 {
		return nil
	}
	now := db.Millis(tx.Now)
	ids, orgs := make([]int64, len(ps)), make([]int64, len(ps))
	var text [21][]string
	for i := range text {
		text[i] = make([]string, len(ps))
	}
	for i, p := range ps {
		r := p.r
		ids[i], orgs[i] = r.id, r.OrgID
		for j, v := range [21]string{r.Name, r.gender, strconv.Itoa(r.birthYear), r.idSealed, r.idIndex, r.idMasked, r.phSealed, r.phIndex, r.phMasked,
			r.Email, r.Employer, r.TitleLevel, r.Title, r.Education, r.Degree, r.Discipline, r.stored2(), r.Expertise, r.RegionCode,
			r.Categories, p.terms} {
			text[j][i] = v
		}
	}
	args := []any{now, now, ids, orgs}
	for _, c := range text {
		args = append(args, c)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO people (id, org_id, name, gender, birth_year, id_enc, id_index, id_masked, phone_enc,
		phone_index, phone_masked, email, employer, title_level, title, education, degree, discipline, disciplines2, expertise,
		region_code, categories, search_text, created_at, updated_at)
		SELECT id, org_id, name, gender, birth::integer, id_enc, NULLIF(id_index, ''), id_masked, phone_enc, NULLIF(phone_index, ''),
			phone_masked, email, employer, title_level, title, education, degree, discipline, disciplines2, expertise, region_code,
			categories, terms, ?::bigint, ?::bigint
		FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			?::text[], ?::text[], ?::text[], ?::text[])
		AS u(id, org_id, name, gender, birth, id_enc, id_index, id_masked, phone_enc, phone_index, phone_masked, email,
			employer, title_level, title, education, degree, discipline, disciplines2, expertise, region_code, categories, terms)`,
		args...); err != nil {
		if db.IsUniqueViolation(err) {
			return valid.New("id_number", "people.err.duplicate")
		}
		return fmt.Errorf("people: insert batch: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO people_changes (person_id, at) SELECT unnest(?::bigint[]), ?`, ids, now); err != nil {
		return fmt.Errorf("people: log batch: %w", err)
	}
	return nil
}
