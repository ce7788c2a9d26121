package webtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"kexie/internal/audit"
	"kexie/internal/web"
)

// auditAction matches the action of an audit entry a module writes
// (audit.Entry{…, Action: "org.create", …}): a literal, or a literal prefix
// the code completes ("plan.progress_" + next).
var auditAction = regexp.MustCompile(`Action:\s*"([a-z0-9_.]+)"(\s*\+)?`)

// auditEntries are the bodies of the audit entries text writes: each
// Entry{…} literal to its closing brace.
func auditEntries(text string) []string {
	var out []string
	for at := 0; ; {
		i := strings.Index(text[at:], "Entry{")
		if i < 0 {
			return out
		}
		at += i + len("Entry")
		out = append(out, braced(text[at:]))
	}
}

// AuditActions lists the actions the Go files of dir (tests aside) write to
// the audit log; an action ending in "*" is a prefix completed at run time.
func AuditActions(t testing.TB, dir string) []string {
	t.Helper()
	seen := map[string]bool{}
	for _, src := range sources(t, dir) {
		for _, body := range auditEntries(src.text) {
			if m := auditAction.FindStringSubmatch(body); m != nil {
				a := m[1]
				if m[2] != "" {
					a += "*"
				}
				seen[a] = true
			}
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
	auditFieldLabels(t, dir)
	return actions
}

var (
	auditEntryAction = regexp.MustCompile(`Action:\s*"([a-z0-9_]+)[a-z0-9_.]*"`)
	auditEntryKind   = regexp.MustCompile(`Target:\s*(?:fmt\.Sprintf\(\s*)?"([a-z_]+):`)
	auditEntryMap    = regexp.MustCompile(`(?:Before|After):\s*map\[string\]any\{`)
	auditMapKey      = regexp.MustCompile(`"([A-Za-z0-9_]+)":`)
)

// auditFieldLabels checks that every field an audit entry of dir's Go
// files records in a literal Before or After map has a label the audit
// viewer finds (audit.FieldKeys) in some module's catalog, in every
// language — else the viewer shows the raw field name ("accepted",
// "minutes"). Entries built elsewhere (a helper's map) are not seen.
func auditFieldLabels(t testing.TB, dir string) {
	t.Helper()
	type field struct{ file, prefix, kind, name string }
	var fields []field
	for _, src := range sources(t, dir) {
		for _, body := range auditEntries(src.text) {
			m := auditEntryAction.FindStringSubmatch(body)
			if m == nil {
				continue
			}
			kind := ""
			if k := auditEntryKind.FindStringSubmatch(body); k != nil {
				kind = k[1]
			}
			for _, loc := range auditEntryMap.FindAllStringIndex(body, -1) {
				lit := braced(body[loc[1]-1:])
				for _, km := range auditMapKey.FindAllStringSubmatch(lit, -1) {
					fields = append(fields, field{filepath.Base(src.name), m[1], kind, km[1]})
				}
			}
		}
	}
	if len(fields) == 0 {
		return
	}
	catalogs, err := filepath.Glob(filepath.Join(dir, "..", "*", "locales"))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range web.Languages() {
		all := map[string]bool{}
		for _, c := range catalogs {
			b, err := os.ReadFile(filepath.Join(c, lang+".json"))
			if err != nil {
				continue
			}
			var cat map[string]string
			if err := json.Unmarshal(b, &cat); err != nil {
				t.Fatalf("%s/%s: %v", c, lang, err)
			}
			for k := range cat {
				all[k] = true
			}
		}
		for _, f := range fields {
			keys := audit.FieldKeys(f.prefix, f.kind, f.name)
			found := false
			for _, k := range keys {
				found = found || all[k]
			}
			if !found {
				t.Errorf("%s: an audit entry of %s records field %q, which no %s catalog labels (the viewer would show it raw; add one of %v)",
					f.file, f.prefix, f.name, lang, keys)
			}
		}
	}
}

// braced is the text of s from its first "{" to the brace that closes it
// (all of s when none does).
func braced(s string) string {
	start := strings.IndexByte(s, '{')
	if start < 0 {
		return ""
	}
	depth := 0
	for i := start; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return s[start : i+1]
			}
		}
	}
	return s[start:]
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
