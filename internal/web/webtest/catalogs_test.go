package webtest_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"kexie/internal/web/webtest"
)

// recorder keeps what a check reports instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Errorf(format string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, a...))
}

// CheckCatalogs finds a key twice in a file, a key missing from one language, a literal key and
// a built key missing from the catalog, and takes audit actions, job kinds
// and what NotKey excuses. (The literals come from testdata/thing.html.)
func TestCheckCatalogs(t *testing.T) {
	locales := fstest.MapFS{
		"zh-CN.json": {Data: []byte(`{"thing.a": "甲", "thing.state.open": "开", "audit.act.thing.make": "创建", "jobs.kind.thing.sweep": "清理", "thing.a": "甲"}`)},
		"en.json":    {Data: []byte(`{"thing.a": "A", "thing.a.one": "one A", "thing.state.open": "open", "audit.act.thing.make": "Create", "jobs.kind.thing.sweep": "Sweep", "thing.extra": "x"}`)},
	}
	r := &recorder{TB: t}
	webtest.CheckCatalogs(r, locales, webtest.CatalogUse{
		Key:       regexp.MustCompile(`"(thing\.[a-z0-9_.]*[a-z0-9])"`),
		Templates: []string{"testdata/*.html"},
		NotKey:    func(k string) bool { return k == "thing.view" },
		Dynamic:   map[string][]string{"thing.state.": {"open", "shut"}},
	})
	got := strings.Join(r.errs, "\n")
	for _, want := range []string{"zh-CN.json: key thing.a stands twice", "zh-CN: thing.extra", "thing.title not in the catalog", "thing.state.shut not in the catalog"} {
		if !strings.Contains(got, want) {
			t.Errorf("no report of %q in:\n%s", want, got)
		}
	}
	for _, not := range []string{"thing.a.one", "thing.make", "thing.sweep", "thing.view", "thing.state.open"} {
		if strings.Contains(got, not+" ") || strings.HasSuffix(got, not) {
			t.Errorf("%s reported:\n%s", not, got)
		}
	}
	if len(r.errs) != 4 {
		t.Errorf("got %d reports, want 4:\n%s", len(r.errs), got)
	}
}
