package society_test

import (
	"testing"

	"kexie/internal/web/webtest"
)

func TestAuditLabels(t *testing.T) {
	if got := webtest.AuditLabels(t, "."); len(got) < 15 {
		t.Errorf("found %d audit actions: %v", len(got), got)
	}
}
