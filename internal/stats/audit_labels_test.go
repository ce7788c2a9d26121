package stats_test

import (
	"testing"

	"kexie/internal/web/webtest"
)

// The module names every action it writes to the audit log in its own
// catalog, in both languages; the audit viewer shows these labels.
func TestAuditLabels(t *testing.T) {
	if got := webtest.AuditLabels(t, "."); len(got) == 0 {
		t.Error("no audit actions found in the module's source")
	}
}
