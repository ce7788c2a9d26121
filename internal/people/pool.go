package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Pool is a named expert pool (专家库) owned by an org.
type Pool struct {
	ID          int64
	OrgID       int64
	OrgName     string
	OrgPath     string
	Name        string
	Description string
	Members     int
}

// CreatePool adds an empty pool to an org.
func (s *Store) CreatePool(ctx context.Context, orgID int64, name, description string) (Pool, error) {
	p := Pool{OrgID: orgID, Name: strings.TrimSpace(name), Description: strings.TrimSpace(description)}
	if n := utf8.RuneCountInString(p.Name); n == 0 || n > 100 {
		return p, valid.New("name", "people.err.pool_name")
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := lookupOrg(ctx, tx, "org_id", orgID)
		if err != nil {
			return err
		}
		p.OrgName, p.OrgPath = o.Name, o.Path
		p.ID = tx.NewID()
		_, err = tx.Exec(ctx, `INSERT INTO pools (id, org_id, name, description, created_at) VALUES (?, ?, ?, ?, ?)`,
			p.ID, orgID, p.Name, p.Description, db.Millis(tx.Now))
		if db.IsUniqueViolation(err) {
			return valid.New("name", "people.err.pool_taken")
		}
		if err != nil {
			return fmt.Errorf("people: create pool: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: p.OrgPath, Action: "pool.create",
			Target: "pool:" + strconv.FormatInt(p.ID, 10), After: map[string]string{"name": p.Name}})
	})
	return p, err
}

// GetPool returns a pool with its member count.
func (s *Store) GetPool(ctx context.Context, id int64) (Pool, error) {
	var p Pool
	err := s.db.QueryRow(ctx, `SELECT k.id, k.org_id, o.name, o.path, k.name, k.description,
		(SELECT COUNT(*) FROM pool_members m WHERE m.pool_id = k.id) FROM pools k JOIN orgs o ON o.id = k.org_id WHERE k.id = ?`, id).
		Scan(&p.ID, &p.OrgID, &p.OrgName, &p.OrgPath, &p.Name, &p.Description, &p.Members)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("people: pool %d: %w", id, db.ErrNotFound)
	}
	return p, err
}

// Pools lists the pools of orgs inside scope.
func (s *Store) Pools(ctx context.Context, scope access.Scope) ([]Pool, error) {
	if scope.None() {
		return nil, nil
	}
	q := `SELECT k.id, k.org_id, o.name, o.path, k.name, k.description,
		(SELECT COUNT(*) FROM pool_members m WHERE m.pool_id = k.id) FROM pools k JOIN orgs o ON o.id = k.org_id`
	c, args := db.ScopeCond(s.db, "o.path", scope)
	q += " WHERE " + c
	rows, err := s.db.Query(ctx, q+" ORDER BY k.created_at DESC", args...)
	if err != nil {
		return nil, fmt.Errorf("people: pools: %w", err)
	}
	defer rows.Close()
	var out []Pool
	for rows.Next() {
		var p Pool
		if err := rows.Scan(&p.ID, &p.OrgID, &p.OrgName, &p.OrgPath, &p.Name, &p.Description, &p.Members); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// AddToPool adds people to a pool (those already in it are skipped) and
// returns how many were added.
func (s *Store) AddToPool(ctx context.Context, poolID int64, personIDs []int64) (int, error) {
	pool, err := s.GetPool(ctx, poolID)
	if err != nil {
		return 0, err
	}
	added := 0
	var addedIDs []int64
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		// The pool's row lock: additions at once wait for each other, so
		// the check below sees them and none fails on the primary key
		// (race review 51).
		if err := tx.LockRow(ctx, "pools", poolID); err != nil {
			return err
		}
		for _, id := range personIDs {
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM pool_members WHERE pool_id = ? AND person_id = ?`, poolID, id).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			if _, err := tx.Exec(ctx, `INSERT INTO pool_members (pool_id, person_id, added_at) VALUES (?, ?, ?)`, poolID, id, db.Millis(tx.Now)); err != nil {
				if db.IsForeignKeyViolation(err) {
					return valid.New("", "people.err.person")
				}
				return err
			}
			added++
			addedIDs = append(addedIDs, id)
		}
		if added == 0 {
			return nil
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: pool.OrgID, OrgPath: pool.OrgPath, Action: "pool.add",
			Target: "pool:" + strconv.FormatInt(poolID, 10), After: map[string]any{"added": added, "people": addedIDs}})
	})
	return added, err
}

// PoolMembers lists one page of a pool's members and the total.
func (s *Store) PoolMembers(ctx context.Context, poolID int64, limit, offset int) ([]Person, int, error) {
	// A count of its own, then the page (D266): an expert pool can hold
	// thousands of people.
	from := ` FROM pool_members m JOIN people p ON p.id = m.person_id JOIN orgs o ON o.id = p.org_id WHERE m.pool_id = ?`
	out, total, err := db.Page(ctx, s.db, db.PageQuery{
		Count:  `SELECT COUNT(*)` + from,
		Select: `SELECT ` + cols + from + ` ORDER BY p.name_key, p.id LIMIT ? OFFSET ?`,
		Args:   []any{poolID}, Limit: limit, Offset: offset,
	}, func(r db.Scanner) (Person, error) { return scan(r) })
	if err != nil {
		return nil, 0, fmt.Errorf("people: pool members: %w", err)
	}
	return out, total, nil
}
