package db

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestExpandTypes(t *testing.T) {
	tests := []struct {
		in, sqlite, postgres string
	}{
		{"CREATE TABLE f (data {{blob}} NOT NULL)", "CREATE TABLE f (data BLOB NOT NULL)", "CREATE TABLE f (data BYTEA NOT NULL)"},
		{"CREATE TABLE c (seq {{serial_pk}}, a {{blob}})", "CREATE TABLE c (seq INTEGER PRIMARY KEY AUTOINCREMENT, a BLOB)",
			"CREATE TABLE c (seq BIGSERIAL PRIMARY KEY, a BYTEA)"},
		{"no placeholders", "no placeholders", "no placeholders"},
	}
	for _, tt := range tests {
		for d, want := range map[Dialect]string{SQLite: tt.sqlite, Postgres: tt.postgres} {
			if got, err := expandTypes(tt.in, d); err != nil || got != want {
				t.Errorf("expandTypes(%q, %s) = %q, %v; want %q", tt.in, d, got, err, want)
			}
		}
	}
	for _, bad := range []string{"x {{blub}}", "x {{blob"} {
		if _, err := expandTypes(bad, SQLite); err == nil {
			t.Errorf("expandTypes(%q) accepted", bad)
		}
	}
	// A typo in a shared migration fails when the set is read; a dialect
	// file is taken literally.
	set := Migrations{Module: "t", FS: fstest.MapFS{"001_a.sql": {Data: []byte("CREATE TABLE a (b {{bolb}})")}}}
	if _, err := set.list(SQLite); err == nil || !strings.Contains(err.Error(), "bolb") {
		t.Errorf("unknown placeholder: %v", err)
	}
}

// The shared files that replaced a pair of dialect files differing only in
// a type render, for each database, exactly the SQL of the files they
// replaced (kept in testdata/merged). schema_migrations records versions,
// not file contents, so databases that applied the old files skip these
// versions and fresh ones get the same schema.
func TestMergedMigrationsUnchanged(t *testing.T) {
	for _, tt := range []struct {
		module, dir string
		version     int
		old         string
	}{
		{"plan", "../plan/migrations", 2, "plan_002_tracking"},
		{"people", "../people/migrations", 6, "people_006_changes"},
	} {
		for _, d := range []Dialect{SQLite, Postgres} {
			steps, err := Migrations{Module: tt.module, FS: os.DirFS(tt.dir)}.list(d)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata", "merged", tt.old+"."+string(d)+".sql"))
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, st := range steps {
				if st.Version == tt.version {
					found = true
					if st.sql != string(want) {
						t.Errorf("%s %03d on %s differs from the file it replaced:\n%s", tt.module, tt.version, d, st.sql)
					}
				}
			}
			if !found {
				t.Errorf("%s: no version %d", tt.module, tt.version)
			}
		}
	}
}

// Dialect files hold only statements that really differ: a pair that
// would be the same file once the types of dialectType are written as
// placeholders must be one shared file.
func TestDialectFilesReallyDiffer(t *testing.T) {
	pairs, err := filepath.Glob("../*/migrations/*.sqlite.sql")
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) == 0 {
		t.Fatal("no dialect migration files found")
	}
	norm := func(s string) string {
		for _, name := range []string{"serial_pk", "blob"} {
			for _, d := range []Dialect{SQLite, Postgres} {
				typ, _ := dialectType(name, d)
				s = strings.ReplaceAll(s, typ, "{{"+name+"}}")
			}
		}
		return s
	}
	for _, lite := range pairs {
		pg := strings.TrimSuffix(lite, ".sqlite.sql") + ".postgres.sql"
		a, err := os.ReadFile(lite)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(pg)
		if err != nil {
			t.Errorf("%s has no PostgreSQL twin: %v", lite, err)
			continue
		}
		if norm(string(a)) == norm(string(b)) {
			t.Errorf("%s and its PostgreSQL twin differ only in types: write one shared file with {{…}} placeholders", lite)
		}
	}
}
