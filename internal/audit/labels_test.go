package audit_test

import (
	"testing"

	"kexie/internal/web/webtest"
)

// The audit log's own catalog labels no action: each module names the
// actions it writes in its own catalog.
func TestNoLabelsOfOtherModules(t *testing.T) {
	if got := webtest.AuditLabels(t, "."); len(got) != 0 {
		t.Errorf("the audit package writes actions %v", got)
	}
}
