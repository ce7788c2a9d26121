package app

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
	"kexie/internal/notify"
)

// A published 科普 item becomes one push message of the publishing org,
// aimed at the item's audience and, for an emergency item, the emergency
// topic; publishing it again (a correction) sends nothing more.
func TestKepuPublishPushes(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ta := newTestApp(t, d.DSN())
		ctx := context.Background()
		p := kepuPusher{ta.Notify}
		it := kepu.Item{ID: 4242, OrgID: ta.city.ID, Title: "暴雨来临前后怎样保护自己", Summary: "防汛避险要点",
			Lang: "zh-CN", Audience: "elderly", EmergencyID: 7}
		for range 2 {
			if err := p.Publish(ctx, it); err != nil {
				t.Fatal(err)
			}
		}
		msgs, n, err := ta.Notify.Messages(ctx, notify.MessageFilter{Scope: access.Everywhere(), Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 || len(msgs) != 1 {
			t.Fatalf("%d messages after publishing twice, want 1", n)
		}
		m := msgs[0]
		if m.Key != "kepu:4242" || m.OrgID != ta.city.ID || m.Link != kepu.ItemPath(4242) || m.Title != it.Title {
			t.Errorf("message %+v", m)
		}
		if len(m.Audiences) != 1 || m.Audiences[0] != "elderly" || len(m.Topics) != 1 || m.Topics[0] != "emergency" {
			t.Errorf("audiences %v topics %v, want [elderly] [emergency]", m.Audiences, m.Topics)
		}
		// The peer city sees nothing of it.
		peer, _, err := ta.Notify.Messages(ctx, notify.MessageFilter{Scope: access.Subtrees(ta.peer.Path), Limit: 10})
		if err != nil || len(peer) != 0 {
			t.Fatalf("peer city sees %d messages, %v", len(peer), err)
		}
	})
}
