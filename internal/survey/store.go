package survey

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns the survey tables' migrations (after org's).
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "survey", FS: sub}
}

// Store reads and writes surveys and their responses.
type Store struct {
	db *db.DB
	// versions caches published definitions: a version is frozen, so a
	// cached copy never goes stale (and every node may hold its own).
	mu       sync.RWMutex
	versions map[versionKey]Definition
	// gen counts changes to what answering reads (settings, versions,
	// stations, quotas) made through this node, so its link cache drops
	// what they changed at once; other nodes' caches expire within a second.
	gen atomic.Uint64
	// targets finds the plan targets bound to the literacy rate (the plan
	// module's, wired by app); nil: none are shown.
	targets TargetFinder
}

type versionKey struct {
	survey  int64
	version int
}

// NewStore returns a store over d.
func NewStore(d *db.DB) *Store {
	return &Store{db: d, versions: map[versionKey]Definition{}}
}

// DB is the store's database (for the wiring's benchmarks and tests).
func (s *Store) DB() *db.DB { return s.db }

const surveyCols = `s.id, s.org_id, o.name, o.path, s.kind, s.title, s.token, s.draft, s.version, s.year, s.opens_at, s.closes_at,
	s.closed, s.signed_in, s.codes_only, s.quota, s.filled, s.min_seconds, s.created_by, s.created_at, s.updated_at`

func scanSurvey(sc interface{ Scan(...any) error }, extra ...any) (Survey, error) {
	var v Survey
	var draft string
	var opens, closes, created, updated int64
	var closed, signed, codes int
	err := sc.Scan(append([]any{&v.ID, &v.OrgID, &v.OrgName, &v.OrgPath, &v.Kind, &v.Title, &v.Token, &draft, &v.Version, &v.Year,
		&opens, &closes, &closed, &signed, &codes, &v.Quota, &v.Filled, &v.MinSeconds, &v.CreatedBy, &created, &updated}, extra...)...)
	if err != nil {
		return v, err
	}
	if err := json.Unmarshal([]byte(draft), &v.Draft); err != nil {
		return v, fmt.Errorf("survey %d: draft: %w", v.ID, err)
	}
	if opens != 0 {
		v.OpensAt = db.Time(opens)
	}
	if closes != 0 {
		v.ClosesAt = db.Time(closes)
	}
	v.Closed, v.SignedIn, v.CodesOnly = closed != 0, signed != 0, codes != 0
	v.CreatedAt, v.UpdatedAt = db.Time(created), db.Time(updated)
	return v, nil
}

// Get reads a survey by ID.
func (s *Store) Get(ctx context.Context, id int64) (Survey, error) {
	return getSurvey(ctx, s.db, "s.id = ?", id)
}

// ByToken reads a survey by its public token.
func (s *Store) ByToken(ctx context.Context, token string) (Survey, error) {
	return getSurvey(ctx, s.db, "s.token = ?", token)
}

func getSurvey(ctx context.Context, q db.Q, where string, arg any) (Survey, error) {
	v, err := scanSurvey(q.QueryRow(ctx, `SELECT `+surveyCols+` FROM surveys s JOIN orgs o ON o.id = s.org_id WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		id, _ := arg.(int64)
		return Survey{}, &NotFoundError{"survey", id}
	}
	if err != nil {
		return Survey{}, fmt.Errorf("survey: get: %w", err)
	}
	return v, nil
}

// Filter narrows the survey list.
type Filter struct {
	Scope         access.Scope
	Query, Kind   string
	Sort          string // created, title
	Desc          bool
	Limit, Offset int
}

// List returns the surveys of orgs in the filter's scope, newest first,
// with the count of all matches.
func (s *Store) List(ctx context.Context, f Filter) ([]Survey, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{cond}
	if f.Query != "" {
		where = append(where, "s.title LIKE ?")
		args = append(args, "%"+db.LikeEscape(f.Query)+"%")
	}
	if f.Kind != "" {
		where = append(where, "s.kind = ?")
		args = append(args, f.Kind)
	}
	order := "s.created_at"
	if f.Sort == "title" {
		order = "s.title"
	}
	if f.Desc {
		order += " DESC"
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.db.Query(ctx, `SELECT `+surveyCols+`, (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id), COUNT(*) OVER()
		FROM surveys s JOIN orgs o ON o.id = s.org_id WHERE `+strings.Join(where, " AND ")+` ORDER BY `+order+`, s.id DESC LIMIT ? OFFSET ?`,
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("survey: list: %w", err)
	}
	defer rows.Close()
	var out []Survey
	total := 0
	for rows.Next() {
		var n int
		v, err := scanSurvey(rows, &n, &total)
		if err != nil {
			return nil, 0, fmt.Errorf("survey: list: %w", err)
		}
		v.Responses = n
		out = append(out, v)
	}
	return out, total, rows.Err()
}

// Definition returns the frozen definition of a published version.
func (s *Store) Definition(ctx context.Context, surveyID int64, version int) (Definition, error) {
	k := versionKey{surveyID, version}
	s.mu.RLock()
	d, ok := s.versions[k]
	s.mu.RUnlock()
	if ok {
		return d, nil
	}
	var raw string
	err := s.db.QueryRow(ctx, `SELECT definition FROM survey_versions WHERE survey_id = ? AND version = ?`, surveyID, version).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return Definition{}, &NotFoundError{"version", int64(version)}
	}
	if err != nil {
		return Definition{}, fmt.Errorf("survey: version %d/%d: %w", surveyID, version, err)
	}
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		return Definition{}, fmt.Errorf("survey: version %d/%d: %w", surveyID, version, err)
	}
	s.mu.Lock()
	s.versions[k] = d
	s.mu.Unlock()
	return d, nil
}

// VersionInfo is one published version.
type VersionInfo struct {
	Version     int
	PublishedAt time.Time
	Questions   int
	Responses   int
}

// Versions lists a survey's published versions, newest first.
func (s *Store) Versions(ctx context.Context, surveyID int64) ([]VersionInfo, error) {
	rows, err := s.db.Query(ctx, `SELECT v.version, v.published_at, v.definition,
		(SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = v.survey_id AND r.version = v.version)
		FROM survey_versions v WHERE v.survey_id = ? ORDER BY v.version DESC`, surveyID)
	if err != nil {
		return nil, fmt.Errorf("survey: versions: %w", err)
	}
	defer rows.Close()
	var out []VersionInfo
	for rows.Next() {
		var v VersionInfo
		var at int64
		var raw string
		if err := rows.Scan(&v.Version, &at, &raw, &v.Responses); err != nil {
			return nil, fmt.Errorf("survey: versions: %w", err)
		}
		var d Definition
		if err := json.Unmarshal([]byte(raw), &d); err == nil {
			v.Questions = len(d.Questions())
		}
		v.PublishedAt = db.Time(at)
		out = append(out, v)
	}
	return out, rows.Err()
}

// newToken is a random token for links and resume cookies (20 characters
// of base32, 100 bits).
func newToken() string {
	b := make([]byte, 13)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))[:20]
}
