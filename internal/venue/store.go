package venue

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"kexie/internal/db"
	"kexie/internal/std"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Migrations are the module's tables.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationsFS, "migrations")
	return db.Migrations{Module: "venue", FS: sub}
}

// Store holds venues, their evidence, reviews and visitor counts. Its
// exported methods are the transaction boundaries.
type Store struct {
	db       *db.DB
	regions  *std.RegionTable
	outlines *Outlines // region boundaries the operator supplied, or nil
}

// NewStore returns the store over d; regions names region codes.
func NewStore(d *db.DB, regions *std.RegionTable) *Store { return &Store{db: d, regions: regions} }

// NotFoundError is a venue or file that does not exist.
type NotFoundError struct{ What string }

func (e *NotFoundError) Error() string { return "venue: no such " + e.What }

// Unwrap makes it a db.ErrNotFound.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }

const venueCols = `v.id, v.org_id, o.name, v.kind, v.name, v.level, v.region_code, v.township, v.address, v.lng, v.lat,
	v.hours, v.capacity, v.contact, v.status, v.has_place, v.has_terminal, v.has_network, v.has_activity, v.has_staff, v.has_sign,
	COALESCE((SELECT x.visitors FROM venue_visitors x WHERE x.venue_id = v.id ORDER BY x.year DESC LIMIT 1), 0), v.created_at`

func (s *Store) scanVenue(sc interface{ Scan(...any) error }, v *Venue, extra ...any) error {
	var lng, lat sql.NullFloat64
	var six [6]int
	var created int64
	dst := []any{&v.ID, &v.OrgID, &v.OrgName, &v.Kind, &v.Name, &v.Level, &v.RegionCode, &v.Township, &v.Address, &lng, &lat,
		&v.Hours, &v.Capacity, &v.Contact, &v.Status, &six[0], &six[1], &six[2], &six[3], &six[4], &six[5], &v.Visitors, &created}
	if err := sc.Scan(append(dst, extra...)...); err != nil {
		return err
	}
	if lng.Valid && lat.Valid {
		v.Lng, v.Lat = &lng.Float64, &lat.Float64
	}
	v.Six = map[string]bool{}
	for i, item := range SixItems() {
		v.Six[item] = six[i] == 1
	}
	v.CreatedAt = db.Time(created)
	if s.regions != nil && v.RegionCode != "" {
		v.RegionName = s.regions.FullName(v.RegionCode)
	}
	return nil
}

// getVenue reads one venue and its org's path.
func (s *Store) getVenue(ctx context.Context, q db.Q, id int64) (Venue, string, error) {
	var v Venue
	var path string
	err := s.scanVenue(q.QueryRow(ctx, `SELECT `+venueCols+`, o.path FROM venues v JOIN orgs o ON o.id = v.org_id WHERE v.id = ?`, id), &v, &path)
	if errors.Is(err, sql.ErrNoRows) {
		return Venue{}, "", &NotFoundError{What: "venue"}
	}
	if err != nil {
		return Venue{}, "", fmt.Errorf("venue: get %d: %w", id, err)
	}
	return v, path, nil
}

// Get returns one venue. The caller has checked access (or shows it to
// the public only when it is not removed).
func (s *Store) Get(ctx context.Context, id int64) (Venue, error) {
	v, _, err := s.getVenue(ctx, s.db, id)
	return v, err
}

// VenueNames names venues by id, for the event module.
func (s *Store) VenueNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		args := make([]any, len(chunk))
		marks := make([]byte, 0, 2*len(chunk))
		for i, id := range chunk {
			args[i] = id
			if i > 0 {
				marks = append(marks, ',')
			}
			marks = append(marks, '?')
		}
		rows, err := s.db.Query(ctx, `SELECT id, name FROM venues WHERE id IN (`+string(marks)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("venue: names: %w", err)
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = name
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// InService reports whether venue id exists and is in service (not
// removed), for the event module: a venue in service is public (the /v
// pages list every org's), so any org's event may be held there; a removed
// (摘牌) one is answered as one that does not exist.
func (s *Store) InService(ctx context.Context, id int64) (bool, error) {
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM venues WHERE id = ? AND status <> 'removed'`, id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("venue: in service %d: %w", id, err)
	}
	return n > 0, nil
}

// InServiceNamed returns the one venue in service (not removed) named
// exactly name, for the event form's venue typed without scripts; a
// *NotFoundError when none or several are, so a removed venue is answered
// as one that does not exist.
func (s *Store) InServiceNamed(ctx context.Context, name string) (int64, error) {
	rows, err := s.db.Query(ctx, `SELECT id FROM venues WHERE name = ? AND status <> 'removed' LIMIT 2`, strings.TrimSpace(name))
	if err != nil {
		return 0, fmt.Errorf("venue: named: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, fmt.Errorf("venue: named: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("venue: named: %w", err)
	}
	if len(ids) != 1 {
		return 0, &NotFoundError{What: "venue"}
	}
	return ids[0], nil
}
