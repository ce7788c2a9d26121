package org

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Status is whether an org is disabled, and how many orgs of its subtree
// (itself left out) are still enabled.
type Status struct {
	DisabledAt     time.Time // zero: enabled
	EnabledBelow   int
	ParentDisabled bool
}

// Disabled reports whether the org is disabled.
func (s Status) Disabled() bool { return !s.DisabledAt.IsZero() }

// Status reads the disabled state of the org with id.
func (s *Store) Status(ctx context.Context, id int64) (Status, error) { return status(ctx, s.db, id) }

func status(ctx context.Context, q db.Q, id int64) (Status, error) {
	var st Status
	var at, parentAt int64
	o, err := get(ctx, q, "id", id)
	if err != nil {
		return st, err
	}
	c, a := db.PrefixMatch(q, "path", o.Path)
	if err := q.QueryRow(ctx, `SELECT (SELECT disabled_at FROM orgs WHERE id = ?), COALESCE((SELECT disabled_at FROM orgs WHERE id = ?), 0),
		(SELECT COUNT(*) FROM orgs WHERE `+c+` AND id <> ? AND disabled_at = 0)`, id, o.ParentID, a, id).Scan(&at, &parentAt, &st.EnabledBelow); err != nil {
		return st, fmt.Errorf("org: status %d: %w", id, err)
	}
	if at != 0 {
		st.DisabledAt = db.Time(at)
	}
	st.ParentDisabled = parentAt != 0
	return st, nil
}

// Disable stops the org with id: it leaves pickers and new-record choices
// and the roles held on it stop working, while its records stay. The root
// is never disabled. An org with enabled orgs below is disabled only with
// withSubtree, and then its whole subtree with it.
func (s *Store) Disable(ctx context.Context, id int64, withSubtree bool) (int, error) {
	n := 0
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockTree(ctx, tx); err != nil {
			return err
		}
		o, err := get(ctx, tx, "id", id)
		if err != nil {
			return err
		}
		if o.ParentID == 0 {
			return valid.New("", "org.err.disable_root")
		}
		st, err := status(ctx, tx, id)
		if err != nil {
			return err
		}
		if st.Disabled() {
			return valid.New("", "org.err.already_disabled")
		}
		if st.EnabledBelow > 0 && !withSubtree {
			return valid.New("confirm", "org.err.disable_children", st.EnabledBelow)
		}
		c, a := db.PrefixMatch(tx, "path", o.Path)
		res, err := tx.Exec(ctx, `UPDATE orgs SET disabled_at = ?, updated_at = ? WHERE `+c+` AND disabled_at = 0`,
			db.Millis(tx.Now), db.Millis(tx.Now), a)
		if err != nil {
			return fmt.Errorf("org: disable %d: %w", id, err)
		}
		rows, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("org: disable %d: %w", id, err)
		}
		n = int(rows)
		return audit.Append(ctx, tx, audit.Entry{OrgID: id, OrgPath: o.Path, Action: "org.disable", Target: "org:" + strconv.FormatInt(id, 10),
			After: map[string]any{"orgs": n}})
	})
	return n, err
}

// Enable lets a disabled org be used again; the orgs below it stay as
// they are (each is enabled on its own). Its parent must be enabled.
func (s *Store) Enable(ctx context.Context, id int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockTree(ctx, tx); err != nil {
			return err
		}
		o, err := get(ctx, tx, "id", id)
		if err != nil {
			return err
		}
		st, err := status(ctx, tx, id)
		if err != nil {
			return err
		}
		if !st.Disabled() {
			return valid.New("", "org.err.not_disabled")
		}
		if st.ParentDisabled {
			return valid.New("", "org.err.parent_disabled")
		}
		if _, err := tx.Exec(ctx, `UPDATE orgs SET disabled_at = 0, updated_at = ? WHERE id = ?`, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("org: enable %d: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: id, OrgPath: o.Path, Action: "org.enable", Target: "org:" + strconv.FormatInt(id, 10)})
	})
}
