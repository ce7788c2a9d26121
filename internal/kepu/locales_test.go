package kepu

import (
	"io/fs"
	"testing"

	"kexie/internal/web"
)

// Every key of the module is in both catalogs.
func TestCatalogsComplete(t *testing.T) {
	loc, err := fs.Sub(files, "locales")
	if err != nil {
		t.Fatal(err)
	}
	c, err := web.NewCatalogs(loc)
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Missing(); len(m) > 0 {
		t.Errorf("keys missing: %v", m)
	}
}
