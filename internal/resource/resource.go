// Package resource is the 科普资源库: exhibits, posters, readings, films and
// courseware that a 科协 owns, with their licence, files, and the loans of
// physical items to other orgs (out, due, returned; overdue flagged).
//
// It must never lend an item that is out (the database holds at most one
// open loan per item), never keep a file whose content is not of an
// accepted type whatever its name says, and never list or count outside
// the caller's scope. It reads the org tree and nothing else of another
// module.
package resource

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the module's tables.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "resource", FS: sub}
}

// Kinds of resource and licences, in the order forms offer them.
var (
	Kinds    = []string{"exhibit", "poster", "reading", "film", "courseware"}
	Licences = []string{"own", "cc-by", "cc-by-nc", "licensed", "public-domain"}
)

func known(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Resource is one item of the library.
type Resource struct {
	ID               int64
	OrgID            int64
	OrgPath, OrgName string
	Kind             string
	Title, Summary   string
	Licence          string
	Physical, Public bool
	CreatedBy        int64
	CreatedAt        time.Time
	UpdatedAt        time.Time
	// The open loan of a physical item, if it is out.
	Loan *Loan
}

// Input is what a form gives to create a resource.
type Input struct {
	OrgID            int64
	Kind             string
	Title, Summary   string
	Licence          string
	Physical, Public bool
	By               int64
}

// ErrNotFound is returned for a resource, file or loan that does not exist.
var ErrNotFound = errors.New("resource: not found")

// Store reads and writes the module's tables; exported methods are
// transaction boundaries and audit every change.
type Store struct {
	db *db.DB
}

// NewStore returns the store on d.
func NewStore(d *db.DB) *Store { return &Store{db: d} }

func (in *Input) check() error {
	var es valid.Errors
	in.Title, in.Summary = strings.TrimSpace(in.Title), strings.TrimSpace(in.Summary)
	switch {
	case in.Title == "":
		es.Add("title", "resource.err.title")
	case utf8.RuneCountInString(in.Title) > 200:
		es.Add("title", "resource.err.title_long")
	}
	if utf8.RuneCountInString(in.Summary) > 2000 {
		es.Add("summary", "resource.err.summary_long")
	}
	if !known(Kinds, in.Kind) {
		es.Add("kind", "resource.err.kind")
	}
	if !known(Licences, in.Licence) {
		es.Add("licence", "resource.err.licence")
	}
	return es.Err()
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Create adds a resource owned by in.OrgID.
func (s *Store) Create(ctx context.Context, in Input) (int64, error) {
	if err := in.check(); err != nil {
		return 0, err
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		ref, err := org.Lookup(ctx, tx, in.OrgID)
		if err != nil {
			return err
		}
		id = tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO resources (id, org_id, kind, title, summary, licence, physical, public, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, in.OrgID, in.Kind, in.Title, in.Summary, in.Licence, b2i(in.Physical), b2i(in.Public),
			in.By, now, now); err != nil {
			return fmt.Errorf("resource: create: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: in.OrgID, OrgPath: ref.Path, Action: "resource.create",
			Target: "resource:" + strconv.FormatInt(id, 10), After: map[string]any{"title": in.Title, "kind": in.Kind, "licence": in.Licence}})
	})
	return id, err
}

const selectResource = `SELECT r.id, r.org_id, o.path, o.name, r.kind, r.title, r.summary, r.licence, r.physical, r.public,
	r.created_by, r.created_at, r.updated_at,
	COALESCE(l.id, 0), COALESCE(l.borrower_id, 0), COALESCE(b.name, ''), COALESCE(l.out_at, 0), COALESCE(l.due_at, 0)
	FROM resources r JOIN orgs o ON o.id = r.org_id
	LEFT JOIN resource_loans l ON l.resource_id = r.id AND l.returned_at = 0
	LEFT JOIN orgs b ON b.id = l.borrower_id`

func scanResource(sc interface{ Scan(...any) error }) (Resource, error) {
	var r Resource
	var phys, pub int
	var created, updated, loanID, borrower, out, due int64
	var bname string
	if err := sc.Scan(&r.ID, &r.OrgID, &r.OrgPath, &r.OrgName, &r.Kind, &r.Title, &r.Summary, &r.Licence, &phys, &pub,
		&r.CreatedBy, &created, &updated, &loanID, &borrower, &bname, &out, &due); err != nil {
		return r, err
	}
	r.Physical, r.Public = phys != 0, pub != 0
	r.CreatedAt, r.UpdatedAt = db.Time(created), db.Time(updated)
	if loanID != 0 {
		r.Loan = &Loan{ID: loanID, ResourceID: r.ID, BorrowerID: borrower, BorrowerName: bname, Out: db.Time(out), Due: db.Time(due)}
	}
	return r, nil
}

// Get reads one resource.
func (s *Store) Get(ctx context.Context, id int64) (Resource, error) {
	r, err := scanResource(s.db.QueryRow(ctx, selectResource+` WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	return r, err
}

// Filter narrows a list of resources.
type Filter struct {
	Scope  access.Scope // staff: the caller's scope; the public catalogue: Everywhere with Public set
	Public bool         // only items shown in the public catalogue
	Q      string
	Kind   string
	Out    string // "out": lent now, "overdue": past due, "in": not lent
	Sort   string // title, kind, created, due
	Desc   bool
	Limit  int
	Offset int
	Now    time.Time // for overdue
}

var sorts = map[string]string{"title": "pinyin(r.title)", "kind": "r.kind", "created": "r.created_at", "due": "COALESCE(l.due_at, 0)"}

// List returns resources in scope matching f, and how many there are.
func (s *Store) List(ctx context.Context, f Filter) ([]Resource, int, error) {
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := ` WHERE ` + cond
	if f.Public {
		where += ` AND r.public = 1`
	}
	if f.Q != "" {
		where += ` AND (r.title LIKE ? ESCAPE '\' OR r.summary LIKE ? ESCAPE '\')`
		q := "%" + db.LikeEscape(f.Q) + "%"
		args = append(args, q, q)
	}
	if f.Kind != "" {
		where += ` AND r.kind = ?`
		args = append(args, f.Kind)
	}
	switch f.Out {
	case "out":
		where += ` AND l.id IS NOT NULL`
	case "overdue":
		where += ` AND l.id IS NOT NULL AND l.due_at < ?`
		args = append(args, db.Millis(f.Now))
	case "in":
		where += ` AND l.id IS NULL`
	}
	var total int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM resources r JOIN orgs o ON o.id = r.org_id
		LEFT JOIN resource_loans l ON l.resource_id = r.id AND l.returned_at = 0`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("resource: count: %w", err)
	}
	col, ok := sorts[f.Sort]
	if !ok {
		col, f.Desc = "r.created_at", true
	}
	dir := " ASC"
	if f.Desc {
		dir = " DESC"
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.db.Query(ctx, selectResource+where+` ORDER BY `+col+dir+`, r.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("resource: list: %w", err)
	}
	defer rows.Close()
	var out []Resource
	for rows.Next() {
		r, err := scanResource(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, r)
	}
	return out, total, rows.Err()
}
