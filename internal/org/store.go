package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// Store reads and writes orgs. Its exported methods are transaction
// boundaries; every change appends an audit record in the same transaction.
type Store struct {
	db      *db.DB
	regions Regions
}

// NewStore returns a store on d that checks region codes against regions.
func NewStore(d *db.DB, regions Regions) *Store { return &Store{db: d, regions: regions} }

// Regions returns the region table the store validates against.
func (s *Store) Regions() Regions { return s.regions }

const (
	cols  = `id, COALESCE(parent_id, 0), path, depth, code, name, short_name, type, region_code, note, created_at, updated_at, child_count`
	colsO = `o.id, COALESCE(o.parent_id, 0), o.path, o.depth, o.code, o.name, o.short_name, o.type, o.region_code, o.note, o.created_at, o.updated_at, o.child_count`
)

func scanOrg(row interface{ Scan(...any) error }, extra ...any) (Org, error) {
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

func get(ctx context.Context, q db.Q, where string, arg any) (Org, error) {
	o, err := scanOrg(q.QueryRow(ctx, `SELECT `+cols+` FROM orgs WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return o, fmt.Errorf("org: %v: %w", arg, db.ErrNotFound)
	}
	if err != nil {
		return o, fmt.Errorf("org: get %v: %w", arg, err)
	}
	return o, nil
}

// Get returns the org with id.
func (s *Store) Get(ctx context.Context, id int64) (Org, error) { return get(ctx, s.db, "id = ?", id) }

// GetByCode returns the org with code.
func (s *Store) GetByCode(ctx context.Context, code string) (Org, error) {
	return get(ctx, s.db, "code = ?", strings.TrimSpace(code))
}

// Root returns the root org.
func (s *Store) Root(ctx context.Context) (Org, error) {
	return get(ctx, s.db, "parent_id IS NULL AND depth = ?", 0)
}

var codeRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,40}$`)

// validate checks in's fields; parent is needed only for new orgs.
func (s *Store) validate(ctx context.Context, q db.Q, in *Input, selfID int64) valid.Errors {
	var errs valid.Errors
	in.Name, in.Code = strings.TrimSpace(in.Name), strings.ToUpper(strings.TrimSpace(in.Code))
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
		err := q.QueryRow(ctx, `SELECT id FROM orgs WHERE code = ?`, in.Code).Scan(&other)
		if err == nil && other != selfID {
			errs.Add("code", "org.err.code_taken", in.Code)
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
	return errs
}

// snapshot is what the audit log keeps of an org.
type snapshot struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Type   Type   `json:"type"`
	Region string `json:"region,omitempty"`
	Path   string `json:"path"`
}

func snap(o Org) snapshot {
	return snapshot{Code: o.Code, Name: o.Name, Type: o.Type, Region: o.RegionCode, Path: o.Path}
}

// Create adds a child of in.ParentID (0 creates the root, which must not exist yet).
func (s *Store) Create(ctx context.Context, in Input) (Org, error) {
	var o Org
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		errs := s.validate(ctx, tx, &in, 0)
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
			if parent, err = get(ctx, tx, "id = ?", in.ParentID); errors.Is(err, db.ErrNotFound) {
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
		_, err := tx.Exec(ctx, `INSERT INTO orgs (id, parent_id, path, depth, code, name, short_name, type, region_code, note,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			o.ID, parentID, o.Path, o.Depth, o.Code, o.Name, o.ShortName, string(o.Type), o.RegionCode, o.Note,
			db.Millis(tx.Now), db.Millis(tx.Now))
		if db.IsUniqueViolation(err) {
			return valid.New("code", "org.err.code_taken", in.Code)
		}
		if err != nil {
			return fmt.Errorf("org: insert: %w", err)
		}
		if in.ParentID != 0 {
			if _, err := tx.Exec(ctx, `UPDATE orgs SET child_count = child_count + 1 WHERE id = ?`, in.ParentID); err != nil {
				return fmt.Errorf("org: count child: %w", err)
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: o.ID, OrgPath: o.Path, Action: "org.create",
			Target: "org:" + strconv.FormatInt(o.ID, 10), After: snap(o)})
	})
	return o, err
}

// EnsureRoot creates the root org on a fresh database; created is false
// when a root already exists (then it is returned unchanged).
func (s *Store) EnsureRoot(ctx context.Context, name, code string, typ Type) (o Org, created bool, err error) {
	o, err = s.Root(ctx)
	if err == nil {
		return o, false, nil
	}
	if !errors.Is(err, db.ErrNotFound) {
		return o, false, err
	}
	o, err = s.Create(ctx, Input{Name: name, Code: code, Type: typ})
	return o, err == nil, err
}

// Update changes an org's own fields (not its place in the tree).
func (s *Store) Update(ctx context.Context, id int64, in Input) (Org, error) {
	var o Org
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		old, err := get(ctx, tx, "id = ?", id)
		if err != nil {
			return err
		}
		if err := s.validate(ctx, tx, &in, id).Err(); err != nil {
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

// Move puts the org with id, and its whole subtree, under newParentID, in
// one transaction with one UPDATE of every descendant's path and depth.
func (s *Store) Move(ctx context.Context, id, newParentID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := get(ctx, tx, "id = ?", id)
		if err != nil {
			return err
		}
		if o.ParentID == 0 {
			return valid.New("parent_id", "org.err.move_root")
		}
		np, err := get(ctx, tx, "id = ?", newParentID)
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
		cond, arg := db.PrefixMatch(tx, "path", o.Path)
		if _, err := tx.Exec(ctx, `UPDATE orgs SET path = CAST(? AS TEXT) || substr(path, CAST(? AS INTEGER)), depth = depth + ?, updated_at = ? WHERE `+cond,
			newPath, len(o.Path)+1, delta, db.Millis(tx.Now), arg); err != nil {
			return fmt.Errorf("org: move %d: re-path subtree: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE orgs SET parent_id = ? WHERE id = ?`, np.ID, id); err != nil {
			return fmt.Errorf("org: move %d: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE orgs SET child_count = child_count + CASE WHEN id = ? THEN 1 ELSE -1 END
			WHERE id IN (?, ?)`, np.ID, np.ID, o.ParentID); err != nil {
			return fmt.Errorf("org: move %d: recount children: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: id, OrgPath: newPath, Action: "org.move",
			Target: "org:" + strconv.FormatInt(id, 10),
			Before: map[string]any{"parent_id": o.ParentID, "path": o.Path},
			After:  map[string]any{"parent_id": np.ID, "path": newPath}})
	})
}

// Resource returns the access resource of the org with id.
func (s *Store) Resource(ctx context.Context, id int64) (access.Resource, error) {
	var path string
	err := s.db.QueryRow(ctx, `SELECT path FROM orgs WHERE id = ?`, id).Scan(&path)
	if errors.Is(err, sql.ErrNoRows) {
		return access.Resource{}, web.ErrNotFound
	}
	if err != nil {
		return access.Resource{}, fmt.Errorf("org: path of %d: %w", id, err)
	}
	return access.Resource{OrgID: id, OrgPath: path}, nil
}

// PathResolver returns a route Resource function that reads the org ID
// from the path parameter param.
func (s *Store) PathResolver(param string) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.PathValue(param), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		return s.Resource(r.Context(), id)
	}
}

// FormResolver returns a route Resource function that reads the org ID
// from the query or form field name (used when creating something under an org).
func (s *Store) FormResolver(name string) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.FormValue(name), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		return s.Resource(r.Context(), id)
	}
}
