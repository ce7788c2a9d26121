package notify_test

import (
	"os"
	"testing"

	"kexie/internal/web/webtest"
)

func TestAuditLabels(t *testing.T) { webtest.AuditLabels(t, ".") }

// Both catalogs hold the same keys (English may add a ".one" plural form).
func TestCatalogsComplete(t *testing.T) {
	webtest.CheckCatalogs(t, os.DirFS("locales"), webtest.CatalogUse{})
}
