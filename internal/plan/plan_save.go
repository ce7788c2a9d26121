package plan

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

// Save stores an ingested document as a draft plan of org, all in one
// transaction.
// The source document's bytes (data) are kept with the plan.
func (s *Store) Save(ctx context.Context, orgID int64, doc *Doc, sourceName, sourceText string, data []byte) (int64, error) {
	title := strings.TrimSpace(doc.Title)
	if title == "" || utf8.RuneCountInString(title) > 200 {
		return 0, valid.New("file", "plan.err.no_title")
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := org.Lookup(ctx, tx, orgID)
		if errors.Is(err, db.ErrNotFound) {
			return valid.New("org_id", "plan.err.org")
		} else if err != nil {
			return fmt.Errorf("plan: save: %w", err)
		}
		path := o.Path
		id = tx.NewID()
		issuer := ""
		if doc.Issuer != nil {
			issuer = *doc.Issuer
		}
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO plans (id, org_id, title, issuer, start_year, end_year, status, source_name, source_text,
			source_data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)`, id, orgID, title, issuer,
			intOr0(doc.Period.Start), intOr0(doc.Period.End), sourceName, sourceText, data, now, now); err != nil {
			return fmt.Errorf("plan: save: %w", err)
		}
		ord := 0
		var walk func(parent any, prefix []string, secs []*Section) error
		walk = func(parent any, prefix []string, secs []*Section) error {
			for _, sec := range secs {
				p := append(append([]string{}, prefix...), sec.Number)
				sid := tx.NewID()
				ord++
				if _, err := tx.Exec(ctx, `INSERT INTO plan_sections (id, plan_id, parent_id, path, number, title, level, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
					sid, id, parent, strings.Join(p, "/"), sec.Number, sec.Title, sec.Level, ord); err != nil {
					return fmt.Errorf("plan: save section: %w", err)
				}
				if err := walk(sid, p, sec.Children); err != nil {
					return err
				}
			}
			return nil
		}
		if err := walk(nil, nil, doc.Sections); err != nil {
			return err
		}
		for i, ind := range doc.Targets() {
			var bv any
			by := 0
			if ind.Baseline != nil {
				bv, by = ind.Baseline.Value, ind.Baseline.Year
			}
			per := ""
			if ind.Per != nil {
				per = *ind.Per
			}
			if _, err := tx.Exec(ctx, `INSERT INTO plan_indicators (id, plan_id, section_path, text, metric, comparator, value, low, high,
				unit, per, deadline_year, baseline_value, baseline_year, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				tx.NewID(), id, strings.Join(ind.Section, "/"), ind.Text, ind.Metric, ind.Comparator, nullFloat(ind.Value),
				nullFloat(ind.Low), nullFloat(ind.High), ind.Unit, per, intOr0(ind.DeadlineYear), bv, by, i); err != nil {
				return fmt.Errorf("plan: save indicator: %w", err)
			}
		}
		n := 0
		for _, r := range doc.Responsibilities {
			for _, set := range []struct {
				role  string
				names []string
			}{{"lead", r.Lead}, {"cooperate", r.Cooperate}} {
				for _, name := range set.names {
					n++
					if _, err := tx.Exec(ctx, `INSERT INTO plan_units (id, plan_id, section_path, role, name, ord) VALUES (?, ?, ?, ?, ?, ?)`,
						tx.NewID(), id, strings.Join(r.Section, "/"), set.role, name, n); err != nil {
						return fmt.Errorf("plan: save unit: %w", err)
					}
				}
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.ingest", Target: "plan:" + strconv.FormatInt(id, 10),
			After: map[string]any{"title": title, "sections": ord, "indicators": len(doc.Targets())}})
	})
	return id, err
}
