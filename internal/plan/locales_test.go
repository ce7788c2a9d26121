package plan

import (
	"io/fs"
	"regexp"
	"testing"

	"kexie/internal/web/webtest"
)

// Every key is in both catalogs, and every literal key the code and
// templates use, and every value a dynamic key is built from, is in them.
func TestCatalogsComplete(t *testing.T) {
	loc, err := fs.Sub(files, "locales")
	if err != nil {
		t.Fatal(err)
	}
	webtest.CheckCatalogs(t, loc, webtest.CatalogUse{
		Key:       regexp.MustCompile(`"(plan\.[a-z0-9_.-]*[a-z0-9])"`),
		Templates: []string{"templates/plan/*.html"},
		NotKey:    func(k string) bool { return k == "plan.view" || k == "plan.edit" || k == "plan.report" }, // permissions
		Dynamic: map[string][]string{
			"plan.likely.":    {"likely", "uncertain", "unlikely"},
			"plan.status.":    {"draft", "published", "closed", "achieved", "on_track", "at_risk", "behind", "none"},
			"plan.e.state.":   {"submitted", "accepted", "returned", "withdrawn"},
			"plan.eval.kind.": {"midterm", "final"},
			"plan.q.":         {"0", "1", "2", "3", "4"},
			"plan.per.":       {"year", "two-years"},
			"plan.cmp.":       comparators,
		},
	})
}
