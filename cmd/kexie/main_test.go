package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// kexie runs the command in-process with a private data directory.
func kexie(t *testing.T, data, stdin string, args ...string) (int, string) {
	t.Helper()
	var out bytes.Buffer
	env := map[string]string{"KEXIE_DATA": data, "KEXIE_LOG_LEVEL": "error"}
	code := run(context.Background(), args, &out, &out, strings.NewReader(stdin), func(k string) string { return env[k] })
	return code, out.String()
}

func TestCLI(t *testing.T) {
	data := t.TempDir()
	if code, out := kexie(t, data, "", "version"); code != 0 || !strings.HasPrefix(out, "kexie ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, _ := kexie(t, data, "", "frobnicate"); code != 2 {
		t.Errorf("unknown command exit %d, want 2", code)
	}
	if code, out := kexie(t, data, "", "migrate", "up"); code != 0 {
		t.Fatalf("migrate up: %s", out)
	}
	code, out := kexie(t, data, "", "migrate", "status")
	if code != 0 || !strings.Contains(out, "0 pending") {
		t.Errorf("migrate status: %q", out)
	}
	// Users need an org: bootstrap makes the root.
	if code, out := kexie(t, data, "weak\n", "user", "create", "zhang", "--org", "ROOT", "--role", "org_staff"); code == 0 || !strings.Contains(out, "password.too_short") {
		t.Errorf("weak password accepted: %d %q", code, out)
	}
	if code, out := kexie(t, data, "", "audit", "verify"); code != 0 || !strings.Contains(out, "intact") {
		t.Errorf("audit verify on a fresh database: %d %q", code, out)
	}

	// Backup, then restore: refused over data without --force.
	backup := filepath.Join(t.TempDir(), "b.db")
	if code, out := kexie(t, data, "", "backup", backup); code != 0 {
		t.Fatalf("backup: %s", out)
	}
	if code, out := kexie(t, data, "", "restore", backup); code == 0 || !strings.Contains(out, "not empty") {
		t.Errorf("restore over data: %d %q", code, out)
	}
	if code, out := kexie(t, data, "", "restore", backup, "--force"); code != 0 {
		t.Errorf("forced restore: %d %q", code, out)
	}
	fresh := t.TempDir()
	if code, out := kexie(t, fresh, "", "restore", backup); code != 0 {
		t.Errorf("restore into an empty data directory: %d %q", code, out)
	}
	if code, out := kexie(t, fresh, "", "audit", "verify"); code != 0 {
		t.Errorf("verify restored copy: %q", out)
	}
}
