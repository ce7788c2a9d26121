package plan

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

// ownKexie matches how a plan names the 科协 that issues it.
var ownKexie = regexp.MustCompile(`^[省市县区州盟旗]科协$`)

// UnitChoice is what staff decide for a unit name the document gives:
// link it to an existing org, create it under the plan's org with the type
// they choose, or leave it unlinked.
type UnitChoice struct {
	Name  string
	OrgID int64    // an existing org in the plan org's subtree
	New   bool     // create an org of this name
	Type  org.Type // of the new org (NewUnitTypes; empty: GuessUnitType)
}

// UnitName is a distinct unit name of a plan with its link and the orgs of
// the same name that it could be linked to.
type UnitName struct {
	Name       string
	OrgID      int64
	OrgName    string
	Sections   int
	Candidates []org.Org
	Guess      org.Type // the type proposed should it be created
}

// UnitNames lists the distinct unit names of a plan, with the orgs of the
// plan org's subtree whose name or short name equals them.
func (s *Store) UnitNames(ctx context.Context, planID int64) ([]UnitName, error) {
	var own org.Org
	if err := s.db.QueryRow(ctx, `SELECT o.id, o.name, o.short_name, o.path FROM plans p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`,
		planID).Scan(&own.ID, &own.Name, &own.ShortName, &own.Path); err != nil {
		return nil, fmt.Errorf("plan %d: %w", planID, db.ErrNotFound)
	}
	orgPath := own.Path
	rows, err := s.db.Query(ctx, `SELECT u.name, COALESCE(MAX(u.org_id), 0), COALESCE(MAX(o.name), ''), COUNT(*), MIN(u.ord)
		FROM plan_units u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.plan_id = ? GROUP BY u.name ORDER BY MIN(u.ord)`, planID)
	if err != nil {
		return nil, fmt.Errorf("plan: unit names: %w", err)
	}
	var out []UnitName
	for rows.Next() {
		var u UnitName
		var ord int
		if err := rows.Scan(&u.Name, &u.OrgID, &u.OrgName, &u.Sections, &ord); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	// Orgs of the subtree with one of these names, in one query.
	names := make([]any, 0, 2*len(out)+1)
	marks := make([]string, len(out))
	for i, u := range out {
		names = append(names, u.Name)
		marks[i] = "?"
	}
	for _, u := range out {
		names = append(names, u.Name)
	}
	cond, args := db.ScopeCond(s.db, "path", access.Subtrees(orgPath))
	q := `SELECT id, name, short_name, path FROM orgs WHERE (name IN (` + strings.Join(marks, ",") + `) OR short_name IN (` +
		strings.Join(marks, ",") + `)) AND ` + cond + ` ORDER BY path`
	crow, err := s.db.Query(ctx, q, append(names, args...)...)
	if err != nil {
		return nil, fmt.Errorf("plan: unit candidates: %w", err)
	}
	defer crow.Close()
	at := map[string]int{}
	for i, u := range out {
		at[u.Name] = i
		out[i].Guess = GuessUnitType(u.Name)
	}
	// "省科协", "市科协", "县科协": the plan's own 科协.
	for i, u := range out {
		if ownKexie.MatchString(u.Name) {
			out[i].Candidates = append(out[i].Candidates, own)
		}
	}
	for crow.Next() {
		var o org.Org
		if err := crow.Scan(&o.ID, &o.Name, &o.ShortName, &o.Path); err != nil {
			return nil, err
		}
		for _, n := range []string{o.Name, o.ShortName} {
			if i, ok := at[n]; ok && n != "" && (len(out[i].Candidates) == 0 || out[i].Candidates[0].ID != o.ID) {
				out[i].Candidates = append(out[i].Candidates, o)
				break
			}
		}
	}
	return out, crow.Err()
}

// LinkUnits applies staff's choices for a plan's unit names in one
// transaction: new government departments are created under the plan's org,
// every unit row of a name gets its org, and each indicator not yet
// assigned goes to the first lead unit of its nearest section that has one.
// It returns how many orgs were created.
func (s *Store) LinkUnits(ctx context.Context, planID int64, choices []UnitChoice) (created int, err error) {
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		created = 0
		status, orgID, path, _, _, err := planState(ctx, tx, planID)
		if err != nil {
			return err
		}
		if status == "closed" {
			return valid.New("", "plan.err.closed")
		}
		for _, c := range choices {
			id := c.OrgID
			switch {
			case c.New:
				typ := c.Type
				if typ == "" {
					typ = GuessUnitType(c.Name)
				} else if !newUnitType(typ) {
					return valid.New("unit", "plan.err.unit_type", c.Name)
				}
				// No code: the org store makes a readable one (510100-BM-03).
				o, err := s.orgs.CreateTx(ctx, tx, org.Input{ParentID: orgID, Name: c.Name, Type: typ,
					Note: "plan " + strconv.FormatInt(planID, 10)})
				if err != nil {
					return err
				}
				id = o.ID
				created++
			case id != 0:
				if in, err := inSubtree(ctx, tx, id, path); err != nil {
					return err
				} else if !in {
					return valid.New("unit", "plan.err.unit_outside", c.Name)
				}
			}
			var link any
			if id != 0 {
				link = id
			}
			if _, err := tx.Exec(ctx, `UPDATE plan_units SET org_id = ? WHERE plan_id = ? AND name = ?`, link, planID, c.Name); err != nil {
				return fmt.Errorf("plan: link unit: %w", err)
			}
		}
		n, err := autoAssign(ctx, tx, planID)
		if err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.units_link", Target: target(planID),
			After: map[string]any{"choices": len(choices), "created": created, "assigned": n}})
	})
	return created, err
}
