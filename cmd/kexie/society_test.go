package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// The society commands answer with their stable JSON keys on a fresh
// database, and refuse bad arguments with exit status 2.
func TestSocietyCommands(t *testing.T) {
	data := t.TempDir()
	code, out := kexie(t, data, "", "society", "board", "--year", "2025", "--json")
	if code != 0 {
		t.Fatalf("board: %d %s", code, out)
	}
	var b map[string]any
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("board JSON %q: %v", out, err)
	}
	for _, k := range []string{"societies", "on_time", "late", "missing", "grades", "renewal_overdue"} {
		if _, ok := b[k]; !ok {
			t.Errorf("board lacks %q: %s", k, out)
		}
	}
	if g, _ := b["grades"].(map[string]any); len(g) != 4 || g["none"] == nil {
		t.Errorf("grades %v", b["grades"])
	}
	if code, out := kexie(t, data, "", "member", "card", "verify", "abcdefghijabcdefghij", "--json"); code != 0 || strings.TrimSpace(out) != `{"valid":false}` {
		t.Errorf("verify an unknown code: %d %q", code, out)
	}
	if code, out := kexie(t, data, "", "member", "cards", "--society", "NOPE", "--json"); code != 1 || !strings.Contains(out, "no society") {
		t.Errorf("cards of an unknown society: %d %q", code, out)
	}
	for _, args := range [][]string{{"society"}, {"society", "board", "--year", "99"}, {"member", "card", "verify"}, {"member", "cards"}} {
		if code, out := kexie(t, data, "", args...); code != 2 {
			t.Errorf("%v: exit %d %q, want 2", args, code, out)
		}
	}
}
