package event

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"kexie/internal/web/webtest"
)

// Every key is in both catalogs, every literal key the code and templates
// use is in them, and so is every status word of a member's ticket list.
func TestCatalogsComplete(t *testing.T) {
	loc, err := fs.Sub(files, "locales")
	if err != nil {
		t.Fatal(err)
	}
	webtest.CheckCatalogs(t, loc, webtest.CatalogUse{
		Key:       regexp.MustCompile(`"(event\.[a-z0-9_.]*[a-z0-9])"`),
		Templates: []string{"templates/event/*.html"},
		NotKey: func(k string) bool {
			perm := k == "event.view" || k == "event.edit" || k == "event.checkin"
			source := strings.HasPrefix(k, "event.held") || strings.HasPrefix(k, "event.reach") // measure sources' keys
			return perm || source
		},
		Dynamic: map[string][]string{
			"event.mine.state.": MineStates(),
			"event.status.":     {Confirmed, Waiting, Cancelled, CheckedInState},
			"event.kind.":       Kinds(),
		},
	})
}
