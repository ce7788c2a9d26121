package venue

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

// Input is a venue as its form gives it.
type Input struct {
	OrgID      int64
	Kind       string
	Name       string
	Level      string
	RegionCode string
	Township   string
	Address    string
	Lng, Lat   *float64
	Hours      string
	Capacity   int
	Contact    string
	Six        map[string]bool
}

func (s *Store) check(in *Input) error {
	var es valid.Errors
	for _, p := range []*string{&in.Name, &in.Township, &in.Address, &in.Hours, &in.Contact, &in.RegionCode} {
		*p = strings.TrimSpace(*p)
	}
	if in.Name == "" {
		es.Add("name", "venue.err.name")
	}
	for f, v := range map[string]string{"name": in.Name, "township": in.Township, "address": in.Address, "hours": in.Hours, "contact": in.Contact} {
		if utf8.RuneCountInString(v) > 200 {
			es.Add(f, "venue.err.too_long", 200)
		}
	}
	if !contains(Kinds(), in.Kind) {
		es.Add("kind", "venue.err.kind")
	}
	if in.Level != "" && !contains(Levels(), in.Level) {
		es.Add("level", "venue.err.level")
	}
	if in.RegionCode != "" && s.regions != nil && !s.regions.ValidCode(in.RegionCode) {
		es.Add("region_code", "venue.err.region")
	}
	if (in.Lng == nil) != (in.Lat == nil) {
		es.Add("lat", "venue.err.coords_pair")
	}
	if in.Lng != nil && !(*in.Lng >= 73 && *in.Lng <= 136) { // NaN too
		es.Add("lng", "venue.err.lng")
	}
	if in.Lat != nil && !(*in.Lat >= 3 && *in.Lat <= 54) {
		es.Add("lat", "venue.err.lat")
	}
	if in.Capacity < 0 || in.Capacity > 1000000 {
		es.Add("capacity", "venue.err.capacity")
	}
	return es.Err()
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (in Input) summary() map[string]any {
	m := map[string]any{"name": in.Name, "kind": in.Kind, "level": in.Level, "region_code": in.RegionCode, "township": in.Township,
		"address": in.Address, "hours": in.Hours, "capacity": in.Capacity, "contact": in.Contact}
	if in.Lng != nil {
		m["lng"], m["lat"] = *in.Lng, *in.Lat
	}
	for _, it := range SixItems() {
		m["six_"+it] = in.Six[it]
	}
	return m
}

// Create adds a venue of in.OrgID.
func (s *Store) Create(ctx context.Context, in Input) (Venue, error) {
	if err := s.check(&in); err != nil {
		return Venue{}, err
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := lookupOrg(ctx, tx, in.OrgID)
		if err != nil {
			return err
		}
		id = tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO venues (id, org_id, kind, name, level, region_code, township, address, lng, lat, hours, capacity,
			contact, status, has_place, has_terminal, has_network, has_activity, has_staff, has_sign, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'kept', ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, o.ID, in.Kind, in.Name, in.Level, in.RegionCode, in.Township, in.Address, in.Lng, in.Lat, in.Hours, in.Capacity, in.Contact,
			b2i(in.Six["place"]), b2i(in.Six["terminal"]), b2i(in.Six["network"]), b2i(in.Six["activity"]), b2i(in.Six["staff"]), b2i(in.Six["sign"]),
			now, now); err != nil {
			return fmt.Errorf("venue: create: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: o.ID, OrgPath: o.Path, Action: "venue.create", Target: fmt.Sprintf("venue:%d", id), After: in.summary()})
	})
	if err != nil {
		return Venue{}, err
	}
	return s.Get(ctx, id)
}

// Update changes a venue's details; its org stays.
func (s *Store) Update(ctx context.Context, id int64, in Input) error {
	if err := s.check(&in); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		old, path, err := s.getVenue(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE venues SET kind = ?, name = ?, level = ?, region_code = ?, township = ?, address = ?, lng = ?, lat = ?,
			hours = ?, capacity = ?, contact = ?, has_place = ?, has_terminal = ?, has_network = ?, has_activity = ?, has_staff = ?, has_sign = ?,
			updated_at = ? WHERE id = ?`, in.Kind, in.Name, in.Level, in.RegionCode, in.Township, in.Address, in.Lng, in.Lat, in.Hours, in.Capacity,
			in.Contact, b2i(in.Six["place"]), b2i(in.Six["terminal"]), b2i(in.Six["network"]), b2i(in.Six["activity"]), b2i(in.Six["staff"]),
			b2i(in.Six["sign"]), db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("venue: update: %w", err)
		}
		before := Input{Kind: old.Kind, Name: old.Name, Level: old.Level, RegionCode: old.RegionCode, Township: old.Township, Address: old.Address,
			Lng: old.Lng, Lat: old.Lat, Hours: old.Hours, Capacity: old.Capacity, Contact: old.Contact, Six: old.Six}
		return audit.Append(ctx, tx, audit.Entry{OrgID: old.OrgID, OrgPath: path, Action: "venue.update", Target: fmt.Sprintf("venue:%d", id),
			Before: before.summary(), After: in.summary()})
	})
}

func lookupOrg(ctx context.Context, tx *db.Tx, id int64) (org.Ref, error) {
	o, err := org.Lookup(ctx, tx, id)
	var nf *org.NotFoundError
	if errors.As(err, &nf) {
		return o, valid.New("org_id", "venue.err.org")
	}
	return o, err
}
