package society

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// GetProfile returns the society's profile (an empty one if none is kept yet).
func (s *Store) GetProfile(ctx context.Context, orgID int64) (Profile, error) {
	p := Profile{OrgID: orgID}
	var founded, updated int64
	var party int
	err := s.db.QueryRow(ctx, `SELECT uscc, registrar, supervisor, host_unit, founded_on, staff_full, staff_part, party_org,
		party_members, updated_at FROM society_profiles WHERE org_id = ?`, orgID).Scan(&p.USCC, &p.Registrar, &p.Supervisor,
		&p.HostUnit, &founded, &p.StaffFull, &p.StaffPart, &party, &p.PartyMembers, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return p, nil
	}
	if err != nil {
		return p, fmt.Errorf("society: profile %d: %w", orgID, err)
	}
	p.FoundedOn, p.UpdatedAt, p.PartyOrg = tm(founded), tm(updated), party == 1
	return p, nil
}

// CheckProfile validates a profile; the USCC is normalized in place.
func CheckProfile(p *Profile) valid.Errors {
	var errs valid.Errors
	p.USCC = strings.TrimSpace(p.USCC)
	if p.USCC != "" {
		code, err := std.CheckUSCC(p.USCC)
		var ue *std.USCCError
		switch {
		case errors.As(err, &ue) && ue.Code == "uscc.check":
			errs.Add("uscc", "society.err.uscc_check", string(std.USCCCheckChar(strings.ToUpper(p.USCC))))
		case err != nil:
			errs.Add("uscc", "society.err.uscc_format")
		default:
			p.USCC = code
		}
	}
	for f, v := range map[string]*string{"registrar": &p.Registrar, "supervisor": &p.Supervisor, "host_unit": &p.HostUnit} {
		*v = strings.TrimSpace(*v)
		if utf8.RuneCountInString(*v) > 100 {
			errs.Add(f, "society.err.long", 100)
		}
	}
	if p.StaffFull < 0 || p.StaffPart < 0 || p.PartyMembers < 0 {
		errs.Add("staff_full", "society.err.negative")
	}
	return errs
}

// SaveProfile replaces the society's profile after checking it.
func (s *Store) SaveProfile(ctx context.Context, p Profile) (Profile, error) {
	if errs := CheckProfile(&p); len(errs) > 0 {
		return p, errs
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		// The society's lock: two saves at once each deleted nothing and
		// inserted, and all but one failed on the key with a raw database
		// error (integrity review 52); the audit's "before" is the profile
		// the save replaces.
		if err := lockSociety(ctx, tx, p.OrgID); err != nil {
			return err
		}
		soc, err := society(ctx, tx, p.OrgID)
		if err != nil {
			return err
		}
		before, err := s.GetProfile(ctx, p.OrgID)
		if err != nil {
			return err
		}
		party := 0
		if p.PartyOrg {
			party = 1
		}
		if _, err := tx.Exec(ctx, `DELETE FROM society_profiles WHERE org_id = ?`, p.OrgID); err != nil {
			return fmt.Errorf("society: save profile %d: %w", p.OrgID, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO society_profiles (org_id, uscc, registrar, supervisor, host_unit, founded_on,
			staff_full, staff_part, party_org, party_members, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.OrgID, p.USCC, p.Registrar, p.Supervisor, p.HostUnit, ms(p.FoundedOn), p.StaffFull, p.StaffPart, party,
			p.PartyMembers, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("society: save profile %d: %w", p.OrgID, err)
		}
		p.UpdatedAt = tx.Now
		return record(ctx, tx, soc, audit.Entry{Action: "society.profile", Target: tgt("society", soc.ID)}, profileSnap(before), profileSnap(p))
	})
	return p, err
}

func profileSnap(p Profile) map[string]any {
	return map[string]any{"uscc": p.USCC, "registrar": p.Registrar, "supervisor": p.Supervisor, "host_unit": p.HostUnit,
		"staff_full": p.StaffFull, "staff_part": p.StaffPart, "party_org": p.PartyOrg, "party_members": p.PartyMembers}
}

// AddFact records an office bearer, staff member, branch, representative
// office, charter version or government function taken on.
func (s *Store) AddFact(ctx context.Context, f Fact) (Fact, error) {
	var errs valid.Errors
	f.Name, f.Role, f.Detail = strings.TrimSpace(f.Name), strings.TrimSpace(f.Role), strings.TrimSpace(f.Detail)
	if !oneOf(f.Kind, FactKinds) {
		errs.Add("kind", "society.err.kind")
	}
	if f.Name == "" {
		errs.Add("name", "society.err.required")
	} else if utf8.RuneCountInString(f.Name) > 100 {
		errs.Add("name", "society.err.long", 100)
	}
	if utf8.RuneCountInString(f.Detail) > 2000 {
		errs.Add("detail", "society.err.long", 2000)
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		errs.Add("to", "society.err.period")
	}
	if len(errs) > 0 {
		return f, errs
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		// The society's lock, then one record of a fact (kind, name, role
		// and start): a second click listed the office bearer or branch
		// twice (integrity review 52).
		if err := lockSociety(ctx, tx, f.OrgID); err != nil {
			return err
		}
		soc, err := society(ctx, tx, f.OrgID)
		if err != nil {
			return err
		}
		var same int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM society_facts WHERE org_id = ? AND kind = ? AND name = ? AND role = ? AND from_on = ?`,
			f.OrgID, f.Kind, f.Name, f.Role, ms(f.From)).Scan(&same); err != nil {
			return fmt.Errorf("society: add fact: %w", err)
		}
		if same > 0 {
			return valid.New("name", "society.err.fact_dup")
		}
		f.ID = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO society_facts (id, org_id, kind, name, role, detail, from_on, to_on, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, f.ID, f.OrgID, f.Kind, f.Name, f.Role, f.Detail, ms(f.From), ms(f.To),
			db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("society: add fact: %w", err)
		}
		return record(ctx, tx, soc, audit.Entry{Action: "society.fact_add", Target: tgt("society", soc.ID)}, nil,
			map[string]any{"kind": f.Kind, "name": f.Name, "role": f.Role})
	})
	return f, err
}

// Facts lists a society's facts of every kind, oldest first within a kind.
func (s *Store) Facts(ctx context.Context, orgID int64) ([]Fact, error) {
	rows, err := s.db.Query(ctx, `SELECT id, org_id, kind, name, role, detail, from_on, to_on FROM society_facts
		WHERE org_id = ? ORDER BY kind, from_on, id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("society: facts %d: %w", orgID, err)
	}
	defer rows.Close()
	var out []Fact
	for rows.Next() {
		var f Fact
		var from, to int64
		if err := rows.Scan(&f.ID, &f.OrgID, &f.Kind, &f.Name, &f.Role, &f.Detail, &from, &to); err != nil {
			return nil, err
		}
		f.From, f.To = tm(from), tm(to)
		out = append(out, f)
	}
	return out, rows.Err()
}

func oneOf(v string, set []string) bool {
	for _, x := range set {
		if v == x {
			return true
		}
	}
	return false
}

// day parses a yyyy-mm-dd date in loc ("" is the zero time).
func day(v string, loc *time.Location) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, true
	}
	t, err := time.ParseInLocation("2006-01-02", v, loc)
	return t.UTC(), err == nil
}
