package org

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// placement is what the audit log keeps of a move.
type placement struct {
	ParentID int64  `json:"parent_id"`
	Path     string `json:"path"`
	Subtree  int64  `json:"subtree,omitempty"` // orgs re-pathed, the moved one included
}

// Move puts the org with id, and its whole subtree, under newParentID, in
// one transaction with one UPDATE of every descendant's path and depth.
// Moving the root, or moving an org under itself or one of its descendants,
// is refused with a field error on "parent_id" and changes nothing.
func (s *Store) Move(ctx context.Context, id, newParentID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockTree(ctx, tx); err != nil {
			return err
		}
		o, err := get(ctx, tx, "id", id)
		if err != nil {
			return err
		}
		if o.ParentID == 0 {
			return valid.New("parent_id", "org.err.move_root")
		}
		np, err := get(ctx, tx, "id", newParentID)
		if errors.Is(err, db.ErrNotFound) {
			return valid.New("parent_id", "org.err.parent_missing")
		}
		if err != nil {
			return err
		}
		if strings.HasPrefix(np.Path, o.Path) {
			return valid.New("parent_id", "org.err.move_into_descendant")
		}
		if np.ID == o.ParentID {
			return nil
		}
		newPath := np.Path + strconv.FormatInt(o.ID, 10) + "/"
		delta := np.Depth + 1 - o.Depth
		// substr is 1-based: keep what follows the old prefix. The casts let
		// PostgreSQL type the parameters of || and substr.
		cond, arg := db.PrefixMatch(tx, "path", o.Path)
		res, err := tx.Exec(ctx, `UPDATE orgs SET path = CAST(? AS TEXT) || substr(path, CAST(? AS INTEGER)),
			depth = depth + ?, updated_at = ? WHERE `+cond,
			newPath, len(o.Path)+1, delta, db.Millis(tx.Now), arg)
		if err != nil {
			return fmt.Errorf("org: move %d: re-path subtree: %w", id, err)
		}
		moved, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("org: move %d: re-path subtree: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE orgs SET parent_id = ? WHERE id = ?`, np.ID, id); err != nil {
			return fmt.Errorf("org: move %d: set parent: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE orgs SET child_count = child_count + CASE WHEN id = ? THEN 1 ELSE -1 END
			WHERE id IN (?, ?)`, np.ID, np.ID, o.ParentID); err != nil {
			return fmt.Errorf("org: move %d: recount children: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: id, OrgPath: newPath, Action: "org.move",
			Target: "org:" + strconv.FormatInt(id, 10),
			Before: placement{ParentID: o.ParentID, Path: o.Path},
			After:  placement{ParentID: np.ID, Path: newPath, Subtree: moved}})
	})
}
