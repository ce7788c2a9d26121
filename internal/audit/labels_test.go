package audit_test

import (
	"reflect"
	"testing"

	"kexie/internal/audit"
	"kexie/internal/web/webtest"
)

// The audit log's own catalog labels only the action the package itself
// writes (keying an existing chain); each module names the actions it
// writes in its own catalog.
func TestNoLabelsOfOtherModules(t *testing.T) {
	if got := webtest.AuditLabels(t, "."); !reflect.DeepEqual(got, []string{audit.KeyedAction}) {
		t.Errorf("the audit package writes actions %v, want only %s", got, audit.KeyedAction)
	}
}
