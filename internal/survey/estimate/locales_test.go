package estimate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"kexie/internal/web"
)

// Every key is in both catalogs and every key the code uses is in them.
func TestCatalogsComplete(t *testing.T) {
	c, err := web.NewCatalogs(Locales())
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Missing(); len(m) > 0 {
		t.Errorf("keys missing: %v", m)
	}
	var zh map[string]string
	b, _ := os.ReadFile("locales/zh-CN.json")
	if err := json.Unmarshal(b, &zh); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.go")
	key := regexp.MustCompile(`"(estimate\.err\.[a-z0-9_]+)"`)
	for _, f := range files {
		if filepath.Ext(f) == ".go" && len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			if _, ok := zh[m[1]]; !ok {
				t.Errorf("%s: %s not in the catalog", f, m[1])
			}
		}
	}
}
