package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Store reads and writes orgs. Its exported methods are transaction
// boundaries; every change appends an audit record in the same transaction.
type Store struct {
	db       *db.DB
	regions  Regions
	initials sync.Map // org name → its pinyin initials (org_search.go)
	cache    orgCache // rows read at one org counter, served by Views (org_view.go)
}

// NewStore returns a store on d that checks region codes against regions.
func NewStore(d *db.DB, regions Regions) *Store { return &Store{db: d, regions: regions} }

// Regions returns the region table the store validates against.
func (s *Store) Regions() Regions { return s.regions }

const (
	cols  = `id, COALESCE(parent_id, 0), path, depth, code, name, short_name, type, region_code, note, created_at, updated_at, child_count`
	colsO = `o.id, COALESCE(o.parent_id, 0), o.path, o.depth, o.code, o.name, o.short_name, o.type, o.region_code, o.note, o.created_at, o.updated_at, o.child_count`
)

func scanOrg(row db.Scanner, extra ...any) (Org, error) {
	var o Org
	var typ string
	var created, updated int64
	dest := append([]any{&o.ID, &o.ParentID, &o.Path, &o.Depth, &o.Code, &o.Name, &o.ShortName, &typ, &o.RegionCode,
		&o.Note, &created, &updated, &o.ChildCount}, extra...)
	if err := row.Scan(dest...); err != nil {
		return o, err
	}
	o.Type, o.CreatedAt, o.UpdatedAt = Type(typ), db.Time(created), db.Time(updated)
	return o, nil
}

// get reads the one org where col = arg; "missing" wraps db.ErrNotFound.
func get(ctx context.Context, q db.Q, col string, arg any) (Org, error) {
	o, err := scanOrg(q.QueryRow(ctx, `SELECT `+cols+` FROM orgs WHERE `+col+` = ?`, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return o, fmt.Errorf("org: get %s %v: %w", col, arg, db.ErrNotFound)
	}
	if err != nil {
		return o, fmt.Errorf("org: get %s %v: %w", col, arg, err)
	}
	return o, nil
}

// Get returns the org with id.
func (s *Store) Get(ctx context.Context, id int64) (Org, error) { return get(ctx, s.db, "id", id) }

// GetByCode returns the org with code (codes are kept in upper case, so
// "pzh" finds "PZH").
func (s *Store) GetByCode(ctx context.Context, code string) (Org, error) {
	return get(ctx, s.db, "code", normCode(code))
}

func normCode(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// Root returns the root org.
func (s *Store) Root(ctx context.Context) (Org, error) {
	o, err := scanOrg(s.db.QueryRow(ctx, `SELECT `+cols+` FROM orgs WHERE parent_id IS NULL`))
	if errors.Is(err, sql.ErrNoRows) {
		return o, fmt.Errorf("org: get root: %w", db.ErrNotFound)
	}
	if err != nil {
		return o, fmt.Errorf("org: get root: %w", err)
	}
	return o, nil
}

var codeRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,40}$`)

// validate checks in's fields; parent is needed only for new orgs.
func (s *Store) validate(ctx context.Context, q db.Q, in *Input, selfID int64) (valid.Errors, error) {
	var errs valid.Errors
	in.Name, in.Code = strings.TrimSpace(in.Name), normCode(in.Code)
	in.ShortName, in.RegionCode = strings.TrimSpace(in.ShortName), strings.TrimSpace(in.RegionCode)
	switch n := utf8.RuneCountInString(in.Name); {
	case n == 0:
		errs.Add("name", "org.err.name_required")
	case n > 100:
		errs.Add("name", "org.err.name_long", 100)
	}
	if utf8.RuneCountInString(in.ShortName) > 40 {
		errs.Add("short_name", "org.err.name_long", 40)
	}
	switch {
	case in.Code == "":
		errs.Add("code", "org.err.code_required")
	case !codeRE.MatchString(in.Code):
		errs.Add("code", "org.err.code_format")
	default:
		var other int64
		switch err := q.QueryRow(ctx, `SELECT id FROM orgs WHERE code = ?`, in.Code).Scan(&other); {
		case err == nil && other != selfID:
			errs.Add("code", "org.err.code_taken", in.Code)
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return nil, fmt.Errorf("org: check code %s: %w", in.Code, err)
		}
	}
	if !in.Type.Valid() {
		errs.Add("type", "org.err.type")
	}
	if in.RegionCode != "" && (s.regions == nil || !s.regions.ValidCode(in.RegionCode)) {
		errs.Add("region_code", "org.err.region_unknown", in.RegionCode)
	}
	if utf8.RuneCountInString(in.Note) > 2000 {
		errs.Add("note", "org.err.note_long")
	}
	return errs, nil
}

// snapshot is what the audit log keeps of an org.
type snapshot struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	ShortName string `json:"short_name,omitempty"`
	Type      Type   `json:"type"`
	Region    string `json:"region,omitempty"`
	Path      string `json:"path"`
}

func snap(o Org) snapshot {
	return snapshot{Code: o.Code, Name: o.Name, ShortName: o.ShortName, Type: o.Type, Region: o.RegionCode, Path: o.Path}
}

// lockTree serializes every change to the tree's shape (create, move) for
// the rest of tx by locking the root row. Without it, on PostgreSQL (READ
// COMMITTED), a move's one re-path UPDATE would miss a child inserted at the
// same time under the old path, and two crossing moves could form a cycle.
// SQLite needs nothing: its one writer already runs transactions one by one.
// Shape changes are rare, and every audited write queues on the audit head anyway.
func lockTree(ctx context.Context, tx *db.Tx) error {
	if tx.Dialect() != db.Postgres {
		return nil
	}
	var id int64
	err := tx.QueryRow(ctx, `SELECT id FROM orgs WHERE parent_id IS NULL FOR UPDATE`).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("org: lock tree: %w", err)
	}
	return nil
}

// Create adds a child of in.ParentID (0 creates the root, which must not exist yet).
func (s *Store) Create(ctx context.Context, in Input) (Org, error) {
	var o Org
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var err error
		o, err = s.CreateTx(ctx, tx, in)
		return err
	})
	return o, err
}

// CreateTx is Create inside the caller's transaction, for modules that add
// an org as part of a larger change (a plan naming a new department).
func (s *Store) CreateTx(ctx context.Context, tx *db.Tx, in Input) (Org, error) {
	var o Org
	err := func() error {
		// Lock before reading the parent's path, so a concurrent move
		// cannot leave the new org under a path that no longer exists.
		if err := lockTree(ctx, tx); err != nil {
			return err
		}
		if strings.TrimSpace(in.Code) == "" && in.Type.Valid() {
			code, err := s.newCode(ctx, tx, in)
			if err != nil {
				return err
			}
			in.Code = code
		}
		errs, err := s.validate(ctx, tx, &in, 0)
		if err != nil {
			return err
		}
		parent := Org{Path: "/"}
		if in.ParentID == 0 {
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM orgs WHERE parent_id IS NULL`).Scan(&n); err != nil {
				return fmt.Errorf("org: count roots: %w", err)
			}
			if n > 0 {
				errs.Add("parent_id", "org.err.parent_required")
			}
		} else {
			var err error
			if parent, err = get(ctx, tx, "id", in.ParentID); errors.Is(err, db.ErrNotFound) {
				errs.Add("parent_id", "org.err.parent_missing")
			} else if err != nil {
				return err
			}
		}
		if err := errs.Err(); err != nil {
			return err
		}
		id := tx.NewID()
		o = Org{ID: id, ParentID: in.ParentID, Path: parent.Path + strconv.FormatInt(id, 10) + "/", Code: in.Code,
			Name: in.Name, ShortName: in.ShortName, Type: in.Type, RegionCode: in.RegionCode, Note: in.Note,
			CreatedAt: tx.Now, UpdatedAt: tx.Now}
		o.Depth = strings.Count(o.Path, "/") - 2
		var parentID any
		if in.ParentID != 0 {
			parentID = in.ParentID
		}
		_, err = tx.Exec(ctx, `INSERT INTO orgs (id, parent_id, path, depth, code, name, short_name, type, region_code, note,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			o.ID, parentID, o.Path, o.Depth, o.Code, o.Name, o.ShortName, string(o.Type), o.RegionCode, o.Note,
			db.Millis(tx.Now), db.Millis(tx.Now))
		switch {
		case db.IsUniqueViolation(err) && in.ParentID == 0:
			// Two nodes creating the root at once (index orgs_one_root).
			return valid.New("parent_id", "org.err.parent_required")
		case db.IsUniqueViolation(err):
			return valid.New("code", "org.err.code_taken", in.Code)
		case err != nil:
			return fmt.Errorf("org: insert %s: %w", in.Code, err)
		}
		if in.ParentID != 0 {
			if _, err := tx.Exec(ctx, `UPDATE orgs SET child_count = child_count + 1 WHERE id = ?`, in.ParentID); err != nil {
				return fmt.Errorf("org: count child of %d: %w", in.ParentID, err)
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: o.ID, OrgPath: o.Path, Action: "org.create",
			Target: "org:" + strconv.FormatInt(o.ID, 10), After: snap(o)})
	}()
	return o, err
}

// EnsureRoot creates the root org on a fresh database; created is false
// when a root already exists (then it is returned unchanged). Several app
// nodes may call it at once on first start: the losers return the winner's root.
func (s *Store) EnsureRoot(ctx context.Context, name, code string, typ Type) (o Org, created bool, err error) {
	o, err = s.Root(ctx)
	if err == nil {
		return o, false, nil
	}
	if !errors.Is(err, db.ErrNotFound) {
		return o, false, err
	}
	o, err = s.Create(ctx, Input{Name: name, Code: code, Type: typ})
	if _, invalid := valid.As(err); invalid {
		if root, rerr := s.Root(ctx); rerr == nil {
			return root, false, nil
		}
	}
	if err != nil {
		return o, false, fmt.Errorf("org: ensure root: %w", err)
	}
	return o, true, nil
}

// Update changes an org's own fields (not its place in the tree).
func (s *Store) Update(ctx context.Context, id int64, in Input) (Org, error) {
	var o Org
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		old, err := get(ctx, tx, "id", id)
		if err != nil {
			return err
		}
		errs, err := s.validate(ctx, tx, &in, id)
		if err != nil {
			return err
		}
		if err := errs.Err(); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE orgs SET code = ?, name = ?, short_name = ?, type = ?, region_code = ?, note = ?,
			updated_at = ? WHERE id = ?`, in.Code, in.Name, in.ShortName, string(in.Type), in.RegionCode, in.Note, db.Millis(tx.Now), id)
		if db.IsUniqueViolation(err) {
			return valid.New("code", "org.err.code_taken", in.Code)
		}
		if err != nil {
			return fmt.Errorf("org: update %d: %w", id, err)
		}
		o = old
		o.Code, o.Name, o.ShortName, o.Type, o.RegionCode, o.Note, o.UpdatedAt = in.Code, in.Name, in.ShortName, in.Type, in.RegionCode, in.Note, tx.Now
		return audit.Append(ctx, tx, audit.Entry{OrgID: id, OrgPath: o.Path, Action: "org.update",
			Target: "org:" + strconv.FormatInt(id, 10), Before: snap(old), After: snap(o)})
	})
	return o, err
}
