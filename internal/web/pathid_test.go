package web_test

import (
	"errors"
	"net/http/httptest"
	"testing"

	"kexie/internal/db/dbtest"
	"kexie/internal/web"
)

func TestPathID(t *testing.T) {
	for v, ok := range map[string]bool{"7": true, "2025": true, "0": false, "-3": false, "x": false, "": false, "1e3": false} {
		r := httptest.NewRequest("GET", "/x", nil)
		r.SetPathValue("id", v)
		id, err := web.PathID(r, "id")
		if ok != (err == nil) || (!ok && !errors.Is(err, web.ErrNotFound)) || (ok && id <= 0) {
			t.Errorf("PathID(%q) = %d, %v", v, id, err)
		}
	}
}

// A row resolver tells a missing row (not found) from a database failure
// (an error, a 500): before, the event and venue resolvers answered 404
// to both.
func TestRowResolver(t *testing.T) {
	d := dbtest.OpenSQLite(t)
	get := func(query, id string) error {
		r := httptest.NewRequest("GET", "/x/"+id, nil)
		r.SetPathValue("id", id)
		res, err := web.RowResolver(d, "id", query)(r)
		if err == nil && (res.OrgID != 7 || res.OrgPath != "/1/7/") {
			t.Errorf("resource %+v", res)
		}
		return err
	}
	const q = `SELECT 7, '/1/7/' WHERE ? = 42`
	if err := get(q, "42"); err != nil {
		t.Errorf("found: %v", err)
	}
	if err := get(q, "43"); !errors.Is(err, web.ErrNotFound) {
		t.Errorf("missing row: %v", err)
	}
	if err := get(q, "abc"); !errors.Is(err, web.ErrNotFound) {
		t.Errorf("malformed ID: %v", err)
	}
	if err := get(`SELECT o.id, o.path FROM no_such_table o WHERE o.id = ?`, "42"); err == nil || errors.Is(err, web.ErrNotFound) {
		t.Errorf("a database failure reads as %v", err)
	}
}
