package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
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
	// Tables but no organizations yet: the import says what to run first.
	people := filepath.Join(t.TempDir(), "p.csv")
	if err := os.WriteFile(people, []byte("姓名\n张三\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out := kexie(t, data, "", "people", "import", people); code == 0 || !strings.Contains(out, "kexie serve") || strings.Contains(out, "get root") {
		t.Errorf("people import before any org: %d %q", code, out)
	}
	code, out := kexie(t, data, "", "migrate", "status")
	if code != 0 || !strings.Contains(out, "0 pending") {
		t.Errorf("migrate status: %q", out)
	}
	if code, out := kexie(t, data, "weak\n", "user", "create", "zhang"); code == 0 || !strings.Contains(out, "password.too_short") {
		t.Errorf("weak password accepted: %d %q", code, out)
	}
	// A mistyped org is refused before the user is created.
	if code, out := kexie(t, data, "Long-Enough-Pass-2026\n", "user", "create", "wang", "--org", "NOPE", "--role", "org_staff"); code == 0 || !strings.Contains(out, "NOPE") {
		t.Errorf("unknown org: %d %q", code, out)
	}
	if code, out := kexie(t, data, "Long-Enough-Pass-2026\n", "user", "create", "wang"); code != 0 || !strings.Contains(out, "created user wang") {
		t.Errorf("the refused create left the user behind: %d %q", code, out)
	}
	if code, out := kexie(t, data, "", "audit", "verify"); code != 0 || !strings.Contains(out, "intact") {
		t.Errorf("audit verify on a fresh database: %d %q", code, out)
	}

	// Backup, then restore: refused over data without --force.
	backup := filepath.Join(t.TempDir(), "b.db")
	if code, out := kexie(t, data, "", "backup", backup); code != 0 {
		t.Fatalf("backup: %s", out)
	}
	// The backup, the data directory and the database are private (0600/0700).
	for p, want := range map[string]os.FileMode{backup: 0o600, data: 0o700, filepath.Join(data, "kexie.db"): 0o600,
		filepath.Join(data, "keys"): 0o700, filepath.Join(data, "keys", "secret.key"): 0o600} {
		if st, err := os.Stat(p); err != nil {
			t.Error(err)
		} else if st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, st.Mode().Perm(), want)
		}
	}
	if code, out := kexie(t, data, "", "restore", backup); code == 0 || !strings.Contains(out, "not empty") {
		t.Errorf("restore over data: %d %q", code, out)
	}
	if code, out := kexie(t, data, "", "restore", backup, "--force"); code != 0 {
		t.Errorf("forced restore: %d %q", code, out)
	}
	// Restored beside another secret key, the chain does not verify: its
	// hashes are keyed. With the original key copied over, it does.
	other := t.TempDir()
	if code, out := kexie(t, other, "", "restore", backup); code != 0 {
		t.Errorf("restore into an empty data directory: %d %q", code, out)
	}
	if code, out := kexie(t, other, "", "audit", "verify"); code == 0 || !strings.Contains(out, "MAC") {
		t.Errorf("verify restored copy under another key: %d %q", code, out)
	}
	fresh := t.TempDir()
	key, err := os.ReadFile(filepath.Join(data, "keys", "secret.key"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(fresh, "keys"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fresh, "keys", "secret.key"), key, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out := kexie(t, fresh, "", "restore", backup); code != 0 {
		t.Errorf("restore into an empty data directory: %d %q", code, out)
	}
	if code, out := kexie(t, fresh, "", "audit", "verify"); code != 0 || !strings.Contains(out, "head: record") {
		t.Errorf("verify restored copy: %q", out)
	}
}

// Flags may stand before, between or after a command's positional
// arguments; a missing or doubled FILE is a usage error (exit 2).
func TestArgumentOrder(t *testing.T) {
	data := t.TempDir()
	table := filepath.Join(t.TempDir(), "d.csv")
	if err := os.WriteFile(table, []byte("代码,名称\n110,数学\n11014,代数学\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"people", "disciplines", "import", table},
		{"people", "disciplines", "import", "--data", data, table},
		{"people", "disciplines", "import", table, "--data", data},
	} {
		if code, out := kexie(t, data, "", args...); code != 0 || !strings.Contains(out, "imported 2 disciplines") {
			t.Errorf("%q: %d %q", args, code, out)
		}
	}
	for _, args := range [][]string{
		{"people", "disciplines", "import"},
		{"people", "disciplines", "import", table, table},
		{"people", "import", "--json"},
		{"backup"},
	} {
		if code, out := kexie(t, data, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2: %q", args, code, out)
		}
	}
	doc := filepath.Join(t.TempDir(), "plan.txt")
	if err := os.WriteFile(doc, []byte("某市科普事业发展规划（2024—2028年）\n一、主要目标\n到2028年，公民具备科学素质的比例达到15%。\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"plan", "ingest", "--json", doc}, {"plan", "ingest", doc, "--json"}} {
		if code, out := kexie(t, data, "", args...); code != 0 || !strings.Contains(out, `"start": 2024`) {
			t.Errorf("%q: %d %.200q", args, code, out)
		}
	}
	if pos, err := parseArgs(flag.NewFlagSet("x", flag.ContinueOnError), []string{"a", "b", "--", "-c"}); err != nil || !slices.Equal(pos, []string{"a", "b", "-c"}) {
		t.Errorf("parseArgs: %q %v", pos, err)
	}
}
