package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEventCommands runs the scripted commands on the demo: the JSON keys
// other tools read, a device batch with a replay, a double scan, a broken
// line and a clock far ahead, and the attendance that counts each once.
func TestEventCommands(t *testing.T) {
	data := t.TempDir()
	if code, out := kexie(t, data, "", "demo"); code != 0 {
		t.Fatalf("demo: %s", out)
	}
	code, out := kexie(t, data, "", "event", "list", "--json")
	var list struct {
		Events []struct {
			ID       string `json:"id"`
			Title    string `json:"title"`
			Capacity int    `json:"capacity"`
		} `json:"events"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list.Events) < 20 {
		t.Fatalf("event list: %d %.300s", code, out)
	}
	var big, small string
	for _, e := range list.Events {
		if e.Capacity >= 2000 {
			big = e.ID
		}
		if strings.Contains(e.Title, "院士专家科普报告会") {
			small = e.ID // upcoming, nobody checked in yet
		}
	}
	if big == "" || small == "" {
		t.Fatalf("no big or upcoming event in %v", list.Events)
	}
	var tickets struct {
		Tickets []struct {
			Code string `json:"code"`
		} `json:"tickets"`
	}
	code, out = kexie(t, data, "", "event", "tickets", big, "--json")
	if code != 0 || json.Unmarshal([]byte(out), &tickets) != nil || len(tickets.Tickets) != 2000 {
		t.Fatalf("tickets of the main event: %d, %d tickets", code, len(tickets.Tickets))
	}
	// The upcoming event has only the demo member's ticket and nobody in yet.
	var upcoming struct {
		Tickets []struct {
			Code string `json:"code"`
		} `json:"tickets"`
	}
	if code, out = kexie(t, data, "", "event", "tickets", small, "--json"); code != 0 || json.Unmarshal([]byte(out), &upcoming) != nil || len(upcoming.Tickets) != 1 {
		t.Fatalf("tickets of the upcoming event: %d %q", code, out)
	}
	if code, out := kexie(t, data, "", "event", "attendance", small, "--json"); code != 0 || strings.TrimSpace(out) != `{"checked_in":0,"walk_ins":0}` {
		t.Fatalf("attendance before: %d %q", code, out)
	}
	now := time.Now().UTC()
	code0 := tickets.Tickets[0].Code
	lines := []string{
		fmt.Sprintf(`{"ticket":%q,"device":"cli","nonce":"1","at":%q}`, code0, now.Format(time.RFC3339)),
		fmt.Sprintf(`{"ticket":%q,"device":"cli","nonce":"2","at":%q}`, code0, now.Format(time.RFC3339)),
		`{"ticket":`,
		fmt.Sprintf(`{"ticket":%q,"device":"cli","nonce":"3","at":%q}`, tickets.Tickets[1].Code, now.Add(72*time.Hour).Format(time.RFC3339)),
	}
	file := filepath.Join(t.TempDir(), "batch.jsonl")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := attendance(t, data, big)
	code, out = kexie(t, data, "", "event", "sync", file, "--json")
	want := `{"accepted":%d,"duplicates":%d,"rejected":[{"line":3,"reason":"bad_scan"},{"line":4,"reason":"clock_future"}]}`
	// The demo checked most of the main event in already: the first ticket
	// may count now or be a duplicate.
	if code != 0 || (strings.TrimSpace(out) != fmt.Sprintf(want, 1, 1) && strings.TrimSpace(out) != fmt.Sprintf(want, 0, 2)) {
		t.Fatalf("sync: %d %q", code, out)
	}
	first := attendance(t, data, big)
	code, out = kexie(t, data, "", "event", "sync", file, "--json")
	if code != 0 || strings.TrimSpace(out) != fmt.Sprintf(want, 0, 2) {
		t.Errorf("replayed sync: %d %q", code, out)
	}
	if again := attendance(t, data, big); fmt.Sprint(again) != fmt.Sprint(first) || first["checked_in"] > before["checked_in"]+1 {
		t.Errorf("attendance %v → %v → %v", before, first, again)
	}
	if code, _ := kexie(t, data, "", "event", "attendance", "12345", "--json"); code == 0 {
		t.Error("attendance of no such event: exit 0")
	}
	if code, _ := kexie(t, data, "", "event", "tickets"); code != 2 {
		t.Errorf("tickets without EVENT: exit %d, want 2", code)
	}
}

func attendance(t *testing.T, data, id string) map[string]int {
	t.Helper()
	code, out := kexie(t, data, "", "event", "attendance", id, "--json")
	var m map[string]int
	if code != 0 || json.Unmarshal([]byte(out), &m) != nil || len(m) != 2 {
		t.Fatalf("attendance: %d %q", code, out)
	}
	return m
}
