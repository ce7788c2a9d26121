package dbtest

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"kexie/internal/db"
)

// Before is m's migrations numbered below version ("007"): a database
// migrated with it is one written before that migration, for a test that
// upgrades it (the rows an old version kept, then the rest of m).
func Before(t testing.TB, m db.Migrations, version string) db.Migrations {
	t.Helper()
	files := fstest.MapFS{}
	err := fs.WalkDir(m.FS, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || p >= version {
			return err
		}
		b, err := fs.ReadFile(m.FS, p)
		files[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return db.Migrations{Module: m.Module, FS: files}
}
