package demo_test

import (
	"context"
	"crypto/sha256"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/demo"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/std"
	"kexie/internal/voice"
)

// TestDemoVoice: the demo's 建言与诉求 are in every status, some past their
// time limit, over several cities, on both databases.
func TestDemoVoice(t *testing.T) {
	ctx := context.Background()
	sets := []db.Migrations{audit.Migrations(), org.Migrations(), people.Migrations(), calendar.Migrations(), voice.Migrations()}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		if _, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}}); err != nil {
			t.Fatal(err)
		}
		vs := voice.NewStore(d, voice.Config{Keys: keys, Days: calendar.Source{DB: d}})
		res, err := demo.Voice(ctx, vs, orgs, 7)
		if err != nil {
			t.Fatal(err)
		}
		if res.Items < 40 {
			t.Errorf("%d items", res.Items)
		}
		for _, st := range voice.Statuses {
			if res.ByStatus[st] == 0 {
				t.Errorf("no item %s: %v", st, res.ByStatus)
			}
		}
		n, err := vs.OverdueCount(ctx, access.Everywhere(), 0)
		if err != nil || n == 0 {
			t.Errorf("overdue %d, %v", n, err)
		}
		list, _, err := vs.List(ctx, voice.Filter{Scope: access.Everywhere(), Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		orgsSeen, reopened, kinds := map[int64]bool{}, 0, map[voice.Kind]int{}
		for _, it := range list {
			orgsSeen[it.OrgID] = true
			kinds[it.Kind]++
			// What proposes (建议…) is a 建言; what asks or complains (拖欠
			// 绩效工资, 何时发放) a 诉求.
			want := voice.Request
			if strings.HasPrefix(it.Title, "建议") || strings.HasSuffix(it.Title, "建议") || strings.HasPrefix(it.Body, "建议") {
				want = voice.Suggestion
			}
			if it.Kind != want {
				t.Errorf("%q filed as %s", it.Title, it.Kind)
			}
			if it.Reopened {
				reopened++
			}
		}
		if kinds[voice.Request] == 0 || kinds[voice.Suggestion] == 0 {
			t.Errorf("kinds %v", kinds)
		}
		if len(orgsSeen) < 4 || reopened == 0 {
			t.Errorf("%d orgs, %d reopened", len(orgsSeen), reopened)
		}
	})
}
