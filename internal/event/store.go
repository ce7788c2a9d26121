package event

import (
	"context"
	"embed"
	"io/fs"
	"sort"

	"kexie/internal/access"
	"kexie/internal/db"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the module's tables.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationsFS, "migrations")
	return db.Migrations{Module: "event", FS: sub}
}

// Venues names the venues events take place at; the venue module gives
// one, and a nil Venues shows none.
type Venues interface {
	VenueNames(ctx context.Context, ids []int64) (map[int64]string, error)
	// InService reports whether the venue id exists and is in service
	// (public, so any org's event may be held there).
	InService(ctx context.Context, id int64) (bool, error)
	// VenuesIn names the venues in service inside scope, for the form.
	VenuesIn(ctx context.Context, scope access.Scope) (map[int64]string, error)
}

// Store holds events, tickets and scans. Its exported methods are the
// transaction boundaries.
type Store struct {
	db     *db.DB
	venues Venues
}

// NewStore returns the store over d.
func NewStore(d *db.DB) *Store { return &Store{db: d} }

// UseVenues names events' venues through v.
func (s *Store) UseVenues(v Venues) { s.venues = v }

// DB is the store's database, for the commands that read it directly.
func (s *Store) DB() *db.DB { return s.db }

// VenueChoice is a venue offered on the event form.
type VenueChoice struct {
	ID   int64
	Name string
}

// VenueChoices are the venues in scope an event may be held at, by name.
func (s *Store) VenueChoices(ctx context.Context, scope access.Scope) ([]VenueChoice, error) {
	if s.venues == nil || scope.None() {
		return nil, nil
	}
	m, err := s.venues.VenuesIn(ctx, scope)
	if err != nil {
		return nil, err
	}
	out := make([]VenueChoice, 0, len(m))
	for id, n := range m {
		out = append(out, VenueChoice{ID: id, Name: n})
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Name < out[j].Name || (out[i].Name == out[j].Name && out[i].ID < out[j].ID)
	})
	return out, nil
}
