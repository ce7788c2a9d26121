package plan

import (
	"context"
	"errors"
	"strings"
	"testing"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// TestSaveOrgLookup: saving a plan for a missing org is the field error
// plan.err.org; a database failure reading the org is an error, never that.
func TestSaveOrgLookup(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, []db.Migrations{audit.Migrations(), org.Migrations(), Migrations()}, func(t *testing.T, d *db.DB) {
		orgs := org.NewStore(d, std.Regions())
		root, err := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "四川省科协", Type: org.TypeProvince})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Ingest(strings.NewReader("某市科普工作规划\n一、主要目标\n到2025年，建成15个科普基地。\n"))
		if err != nil {
			t.Fatal(err)
		}
		s := NewStore(d, orgs)
		_, err = s.Save(ctx, 42, doc, "a.txt", "", nil)
		if list, ok := valid.As(err); !ok || list[0].Key != "plan.err.org" {
			t.Errorf("save for a missing org: %v; want plan.err.org", err)
		}
		if _, err := d.Exec(ctx, `ALTER TABLE orgs RENAME TO orgs_gone`); err != nil {
			t.Fatal(err)
		}
		_, err = s.Save(ctx, root.ID, doc, "a.txt", "", nil)
		if _, ok := valid.As(err); err == nil || ok || errors.Is(err, db.ErrNotFound) {
			t.Errorf("save with the orgs table gone: %v; want a database error", err)
		}
	})
}
