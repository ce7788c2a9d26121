package webtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"kexie/internal/web"
)

// auditAction matches the action of an audit entry a module writes
// (audit.Entry{…, Action: "org.create", …}): a literal, or a literal prefix
// the code completes ("plan.progress_" + next).
var auditAction = regexp.MustCompile(`Entry\{[^{}]*?Action:\s*"([a-z0-9_.]+)"(\s*\+)?`)

// AuditActions lists the actions the Go files of dir (tests aside) write to
// the audit log; an action ending in "*" is a prefix completed at run time.
func AuditActions(t testing.TB, dir string) []string {
	t.Helper()
	seen := map[string]bool{}
	for _, src := range sources(t, dir) {
		for _, m := range auditAction.FindAllStringSubmatch(src.text, -1) {
			a := m[1]
			if m[2] != "" {
				a += "*"
			}
			seen[a] = true
		}
	}
	out := make([]string, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// AuditLabels checks that the module in dir names, in its own catalog
// (dir/locales) and in every language, each action it writes to the audit
// log — the audit viewer shows the label "audit.act.<action>" from the
// module's catalog — and that the catalog has no label for an action the
// module never writes. It returns the actions found.
func AuditLabels(t testing.TB, dir string) []string {
	t.Helper()
	actions := AuditActions(t, dir)
	for _, lang := range web.Languages() {
		b, err := os.ReadFile(filepath.Join(dir, "locales", lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var cat map[string]string
		if err := json.Unmarshal(b, &cat); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		used := map[string]bool{}
		for _, a := range actions {
			found := false
			for k := range cat {
				if k == "audit.act."+a || strings.HasSuffix(a, "*") && strings.HasPrefix(k, "audit.act."+strings.TrimSuffix(a, "*")) {
					found, used[k] = true, true
				}
			}
			if !found {
				t.Errorf("%s catalog of %s has no label audit.act.%s", lang, dir, a)
			}
		}
		for k := range cat {
			if strings.HasPrefix(k, "audit.act.") && !used[k] {
				t.Errorf("%s catalog of %s labels %s, an action the module never writes", lang, dir, k)
			}
		}
	}
	return actions
}

// source is a file of a module and its text.
type source struct{ name, text string }

// sources reads the Go files of dir, tests aside, then the files patterns
// match (relative to the test's folder), in order.
func sources(t testing.TB, dir string, patterns ...string) []source {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range patterns {
		more, err := filepath.Glob(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, more...)
	}
	var out []source
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, source{f, string(b)})
	}
	return out
}
