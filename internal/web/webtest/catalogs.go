package webtest

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"regexp"
	"testing"

	"kexie/internal/web"
)

// CatalogUse is what a module's code asks of its catalogs, for
// CheckCatalogs. The zero value asks nothing beyond the catalogs agreeing.
type CatalogUse struct {
	// Key matches, as its first group, a literal key in the module's Go
	// files (those in the test's folder, tests aside) and templates.
	Key *regexp.Regexp
	// Templates are glob patterns of the module's template files.
	Templates []string
	// NotKey tells a literal Key matches that is no catalog key, such as
	// a permission. (An audit action or a job kind is known without it when
	// the catalog labels it audit.act.<action> or jobs.kind.<kind>.)
	NotKey func(literal string) bool
	// Dynamic lists, by prefix, the values a key is built from at run time.
	Dynamic map[string][]string
}

// CheckCatalogs checks a module's catalogs, the folder locales holding
// zh-CN.json and en.json: no key stands twice in a file (the later would
// hide the earlier), every key is in every language (English may add a
// ".one" plural form), and every literal key use finds in the module's
// code and templates, and every key built from use.Dynamic, is in zh-CN.
func CheckCatalogs(t testing.TB, locales fs.FS, use CatalogUse) {
	t.Helper()
	for _, lang := range web.Languages() {
		b, err := fs.ReadFile(locales, lang+".json")
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range twice(t, b) {
			t.Errorf("%s.json: key %s stands twice", lang, k)
		}
	}
	c, err := web.NewCatalogs(locales)
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Missing(); len(m) > 0 {
		t.Errorf("keys missing: %v", m)
	}
	if use.Key != nil {
		for _, src := range sources(t, ".", use.Templates...) {
			for _, m := range use.Key.FindAllStringSubmatch(src.text, -1) {
				k := m[1]
				if !c.Has(k) && !c.Has("audit.act."+k) && !c.Has("jobs.kind."+k) && (use.NotKey == nil || !use.NotKey(k)) {
					t.Errorf("%s: %s not in the catalog", src.name, k)
				}
			}
		}
	}
	for prefix, vals := range use.Dynamic {
		for _, v := range vals {
			if !c.Has(prefix + v) {
				t.Errorf("%s%s not in the catalog", prefix, v)
			}
		}
	}
}

// twice lists the keys that stand more than once in a flat JSON object.
func twice(t testing.TB, b []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // {
		t.Fatal(err)
	}
	seen, out := map[string]bool{}, []string(nil)
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		if key := k.(string); seen[key] {
			out = append(out, key)
		} else {
			seen[key] = true
		}
	}
	return out
}
