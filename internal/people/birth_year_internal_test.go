package people

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

// migrationsBefore is the people migrations up to (not including) version.
func migrationsBefore(t *testing.T, version string) db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return dbtest.Before(t, db.Migrations{Module: "people", FS: sub}, version)
}

// A database written before migration 013 holds full birth dates in clear
// beside masks that hide exactly them. After the upgrade no row, no column
// and (on SQLite) no byte of the database file holds one; the birth year
// and the region-only mask remain.
func TestMigrationDropsBirthDates(t *testing.T) {
	ctx := context.Background()
	before := []db.Migrations{audit.Migrations(), org.Migrations(), migrationsBefore(t, "013")}
	dates := []string{"1985-03-12", "1990-11-27", "1962-07-04", "1970-01-01"}
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			var d *db.DB
			if dialect == "sqlite" {
				d = dbtest.OpenSQLite(t, before...)
			} else {
				d = dbtest.OpenPostgres(t, before...)
			}
			root, err := org.NewStore(d, std.Regions()).Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince})
			if err != nil {
				t.Fatal(err)
			}
			orgID := root.ID
			for i, date := range dates[:3] {
				first := "510402" + strings.ReplaceAll(date, "-", "") + "20" + string(rune('1'+i))
				id := first + string(std.CitizenIDCheckDigit(first))
				if _, err := d.Exec(ctx, `INSERT INTO people (id, org_id, name, gender, birth_date, id_masked, created_at, updated_at)
					VALUES (?, ?, ?, 'm', ?, ?, 0, 0)`, int64(i+1), orgID, "人员"+string(rune('甲'+i)), date, id[:6]+"********"+id[14:]); err != nil {
					t.Fatal(err)
				}
			}
			// Enough rows for many pages, so that rewritten rows move and
			// leave freed space behind.
			for i := 0; i < 3000; i++ {
				if _, err := d.Exec(ctx, `INSERT INTO people (id, org_id, name, gender, birth_date, id_masked, created_at, updated_at)
					VALUES (?, ?, '某', 'f', '1970-01-01', '', 0, 0)`, int64(100+i), orgID); err != nil {
					t.Fatal(err)
				}
			}
			if err := d.Migrate(ctx, audit.Migrations(), org.Migrations(), Migrations()); err != nil {
				t.Fatal(err)
			}
			rows, err := d.Query(ctx, `SELECT * FROM people ORDER BY id`)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			var dump strings.Builder
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				for i, v := range vals {
					dump.WriteString(cols[i] + "=")
					if b, ok := v.([]byte); ok {
						dump.Write(b)
					} else if v != nil {
						fmt.Fprint(&dump, v)
					}
					dump.WriteString(" ")
				}
				dump.WriteString("\n")
			}
			rows.Close()
			for _, c := range cols {
				if c == "birth_date" {
					t.Error("people still has a birth_date column")
				}
			}
			for _, date := range dates {
				if strings.Contains(dump.String(), date) || strings.Contains(dump.String(), strings.ReplaceAll(date, "-", "")) {
					t.Errorf("a row still holds %s:\n%s", date, dump.String())
				}
			}
			rows, err = d.Query(ctx, `SELECT birth_year, id_masked FROM people WHERE id < 100 ORDER BY id`)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for rows.Next() {
				var y int
				var m string
				if err := rows.Scan(&y, &m); err != nil {
					t.Fatal(err)
				}
				got = append(got, fmt.Sprint(y, " ", m))
			}
			rows.Close()
			if want := "1985 510402************,1990 510402************,1962 510402************"; strings.Join(got, ",") != want {
				t.Errorf("got %q, want %q", strings.Join(got, ","), want)
			}
			if dialect != "sqlite" {
				return
			}
			if _, err := d.Exec(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
				t.Fatal(err)
			}
			files, _ := filepath.Glob(d.Path() + "*")
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				for _, date := range dates {
					if bytes.Contains(b, []byte(date)) {
						t.Errorf("%s still holds the bytes of %s", filepath.Base(f), date)
					}
				}
			}
		})
	}
}
