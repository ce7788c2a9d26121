package event

import (
	"context"
	"embed"
	"io/fs"

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
	// InServiceNamed returns the one venue in service named exactly name
	// (the venue field typed without scripts), an error wrapping
	// db.ErrNotFound when none or several are.
	InServiceNamed(ctx context.Context, name string) (int64, error)
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
