package notify_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"kexie/internal/web/webtest"
)

func TestAuditLabels(t *testing.T) { webtest.AuditLabels(t, ".") }

// Both catalogs hold the same keys (English may add a ".one" plural form).
func TestCatalogsComplete(t *testing.T) {
	read := func(name string) map[string]string {
		b, err := os.ReadFile("locales/" + name)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	zh, en := read("zh-CN.json"), read("en.json")
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("en lacks %s", k)
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok && !strings.HasSuffix(k, ".one") {
			t.Errorf("zh-CN lacks %s", k)
		}
	}
}
