package stats

import (
	"io/fs"
	"testing"

	"kexie/internal/web/webtest"
)

// Every key of the module is in both catalogs.
func TestCatalogsComplete(t *testing.T) {
	loc, err := fs.Sub(files, "locales")
	if err != nil {
		t.Fatal(err)
	}
	webtest.CheckCatalogs(t, loc, webtest.CatalogUse{})
}
