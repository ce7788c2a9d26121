package app

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// storeImportsWeb lists the files of the module in dir that hold store code
// (named store*.go, or declaring a method on *Store outside resolve*.go,
// where route resolvers live) and import net/http or kexie/internal/web.
func storeImportsWeb(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	for _, name := range names {
		base := filepath.Base(name)
		if strings.HasSuffix(base, "_test.go") || strings.HasPrefix(base, "resolve") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		store := strings.HasPrefix(base, "store") || strings.Contains(string(src), "\nfunc (s *Store) ")
		if !store {
			continue
		}
		for _, is := range f.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			if p == "net/http" || p == "kexie/internal/web" {
				bad = append(bad, base+" imports "+p)
			}
		}
	}
	sort.Strings(bad)
	return bad
}

// TestStoresDoNotImportWeb keeps a module's store code (the SQL and the
// transaction boundaries) free of HTTP: a store method takes values, returns
// the module's typed errors, and the handler maps them. Modules are added to
// the list once their stores are clean.
func TestStoresDoNotImportWeb(t *testing.T) {
	for _, module := range []string{"org", "plan", "people", "kepu", "event", "venue", "notify"} {
		for _, b := range storeImportsWeb(t, filepath.Join("..", module)) {
			t.Errorf("internal/%s: store code %s", module, b)
		}
	}
}
