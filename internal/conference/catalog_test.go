package conference

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
	webtest.CheckCatalogs(t, loc, webtest.CatalogUse{Dynamic: map[string][]string{
		"conference.reason.": {ReasonBad, ReasonFuture, ReasonUnknown, ReasonOtherConf, ReasonClosed, ReasonSummarized, ReasonDays, ReasonIn},
		// The scanner's messages for a scan that counted or was in before.
		"conference.js.": {"accepted", "duplicate"},
	}})
}
