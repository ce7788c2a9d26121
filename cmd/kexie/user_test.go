package main

import (
	"regexp"
	"strings"
	"testing"
)

func TestUserReset2FAAndAuditVerify(t *testing.T) {
	data := t.TempDir()
	if code, out := kexie(t, data, "Kexie-2026-secret\n", "user", "create", "zhang", "--email", "Zhang@example.org"); code != 0 {
		t.Fatalf("create: %d %q", code, out)
	}
	for _, who := range []string{"zhang@example.org", "zhang"} {
		if code, out := kexie(t, data, "", "user", "reset-2fa", who); code != 0 || !strings.Contains(out, "zhang") {
			t.Errorf("reset-2fa %s: %d %q", who, code, out)
		}
	}
	if code, out := kexie(t, data, "", "user", "reset-2fa", "nobody@example.org"); code == 0 {
		t.Errorf("reset-2fa of an unknown email: %d %q", code, out)
	}
	code, out := kexie(t, data, "", "audit", "verify")
	if code != 0 || !strings.Contains(out, "problems omitted: 0") || !strings.Contains(out, "intact") {
		t.Fatalf("audit verify: %d %q", code, out)
	}
	m := regexp.MustCompile(`head: record (\d+), hash ([0-9a-f]{64})\nrecords checked: (\d+)\n`).FindStringSubmatch(out)
	if m == nil || m[1] != m[3] || m[1] == "0" {
		t.Errorf("audit verify output lacks head and count: %q", out)
	}
}
