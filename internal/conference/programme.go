package conference

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"kexie/internal/db"
	"kexie/internal/valid"
)

// MaxProgramme bounds a conference's programme committee.
const MaxProgramme = 30

// Person is a user as the module names them.
type Person struct {
	UserID int64
	Name   string
}

// Users finds an enabled account by user name (db.ErrNotFound for none);
// package app asks the accounts.
type Users func(ctx context.Context, username string) (Person, error)

// AddProgramme names the user called username to the programme committee
// of a conference not yet summarized or cancelled: they may then accept
// or reject its papers (never their own).
func (s *Store) AddProgramme(ctx context.Context, confID int64, username string, by Actor) error {
	username = strings.TrimSpace(username)
	if username == "" || len(username) > 64 || s.cfg.Users == nil {
		return valid.New("username", "conference.err.user")
	}
	p, err := s.cfg.Users(ctx, username)
	if errors.Is(err, db.ErrNotFound) {
		return valid.New("username", "conference.err.user")
	} else if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockConf(ctx, tx, confID); err != nil {
			return err
		}
		c, err := getConf(ctx, tx, confID)
		if err != nil {
			return err
		}
		if c.Status == Done || c.Status == Cancelled {
			return valid.New("", "conference.err.status")
		}
		var n, dup int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*), COUNT(CASE WHEN user_id = ? THEN 1 END) FROM conference_programme WHERE conf_id = ?`,
			p.UserID, confID).Scan(&n, &dup); err != nil {
			return fmt.Errorf("conference: programme of %d: %w", confID, err)
		}
		switch {
		case dup > 0:
			return valid.New("username", "conference.err.programme_dup")
		case n >= MaxProgramme:
			return valid.New("username", "conference.err.programme_full", MaxProgramme)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO conference_programme (conf_id, user_id, name, added_at) VALUES (?, ?, ?, ?)`,
			confID, p.UserID, p.Name, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("conference: programme of %d: %w", confID, err)
		}
		return auditAppend(ctx, tx, c, "conference.programme_add", nil, map[string]any{"member": p.Name})
	})
}

// RemoveProgramme takes userID off a conference's programme committee.
func (s *Store) RemoveProgramme(ctx context.Context, confID, userID int64, by Actor) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		c, err := getConf(ctx, tx, confID)
		if err != nil {
			return err
		}
		var name string
		if err := tx.QueryRow(ctx, `SELECT name FROM conference_programme WHERE conf_id = ? AND user_id = ?`, confID, userID).Scan(&name); err != nil {
			return &NotFoundError{"programme member", userID}
		}
		if _, err := tx.Exec(ctx, `DELETE FROM conference_programme WHERE conf_id = ? AND user_id = ?`, confID, userID); err != nil {
			return fmt.Errorf("conference: programme of %d: %w", confID, err)
		}
		return auditAppend(ctx, tx, c, "conference.programme_remove", map[string]any{"member": name}, nil)
	})
}

// Programme lists a conference's programme committee in the order named.
func (s *Store) Programme(ctx context.Context, confID int64) ([]Person, error) {
	rows, err := s.db.Query(ctx, `SELECT user_id, name FROM conference_programme WHERE conf_id = ? ORDER BY added_at, user_id`, confID)
	if err != nil {
		return nil, fmt.Errorf("conference: programme of %d: %w", confID, err)
	}
	defer rows.Close()
	var out []Person
	for rows.Next() {
		var p Person
		if err := rows.Scan(&p.UserID, &p.Name); err != nil {
			return nil, fmt.Errorf("conference: programme of %d: %w", confID, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// OnProgramme reports whether userID is on a conference's programme committee.
func (s *Store) OnProgramme(ctx context.Context, confID, userID int64) (bool, error) {
	if userID == 0 {
		return false, nil
	}
	var n int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM conference_programme WHERE conf_id = ? AND user_id = ?`, confID, userID).Scan(&n); err != nil {
		return false, fmt.Errorf("conference: programme of %d: %w", confID, err)
	}
	return n > 0, nil
}

// Reviewing lists the conferences userID reviews papers for, the latest first.
func (s *Store) Reviewing(ctx context.Context, userID int64) ([]Conference, error) {
	if userID == 0 {
		return nil, nil
	}
	return s.query(ctx, `SELECT `+confCols+confFrom+` WHERE c.id IN (SELECT conf_id FROM conference_programme WHERE user_id = ?)
		ORDER BY c.starts_on DESC, c.id DESC LIMIT 100`, userID)
}
