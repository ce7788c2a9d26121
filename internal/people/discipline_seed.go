package people

import (
	"context"
	"fmt"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/std"
)

// ensureDisciplines loads the embedded GB/T 13745-2009 table (internal/std,
// origin in std/gen/disciplines/README.md) when the discipline table is
// empty: a fresh install and the demo have a working picker and checked
// disciplines without any import. Once this node has seen the table
// non-empty it does not look again; an administrator's import replaces
// the table and is never overwritten. Nodes seeding at once are harmless:
// each insert skips a code already there.
func (s *Store) ensureDisciplines(ctx context.Context) error {
	if s.disciplinesLoaded.Load() {
		return nil
	}
	var n int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM disciplines`).Scan(&n); err != nil {
		return fmt.Errorf("people: disciplines: %w", err)
	}
	if n > 0 {
		s.disciplinesLoaded.Store(true)
		return nil
	}
	list := std.Disciplines()
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM disciplines`).Scan(&n); err != nil || n > 0 {
			return err
		}
		initials := std.InitialsMemo{}
		for start := 0; start < len(list); start += 500 {
			part := list[start:min(start+500, len(list))]
			q := `INSERT INTO disciplines (code, name, parent, level, initials) VALUES `
			args := make([]any, 0, 5*len(part))
			for i, d := range part {
				if i > 0 {
					q += ", "
				}
				q += "(?, ?, ?, ?, ?)"
				args = append(args, d.Code, d.Name, d.Parent, d.Level, initials.Of(d.Name).String())
			}
			if _, err := tx.Exec(ctx, q+` ON CONFLICT (code) DO NOTHING`, args...); err != nil {
				return err
			}
		}
		return audit.Append(ctx, tx, audit.Entry{Action: "std.disciplines", Target: "disciplines",
			After: map[string]any{"entries": len(list), "source": "GB/T 13745-2009 (embedded)"}})
	})
	if err != nil {
		return fmt.Errorf("people: load discipline table: %w", err)
	}
	s.disciplinesLoaded.Store(true)
	return nil
}
