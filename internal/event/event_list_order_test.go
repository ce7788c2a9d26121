package event_test

import (
	"context"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/event"
)

// TestListByOrgInPinyinOrder: the list sorted by organiser reads orgs in
// pinyin order (滁州 chú before 攀枝花 pān, which code points put after),
// from the orgs' kept key (D270), on both databases.
func TestListByOrgInPinyinOrder(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		start := time.Now().Add(24 * time.Hour).Truncate(time.Minute)
		for _, orgID := range []int64{es.City.ID, es.Peer.ID} {
			if _, err := es.Events.Create(ctx, event.Input{OrgID: orgID, Title: "科普讲座", Kind: event.KindLecture,
				Capacity: 10, StartsAt: start, EndsAt: start.Add(time.Hour), Place: "报告厅"}); err != nil {
				t.Fatal(err)
			}
		}
		for _, desc := range []bool{false, true} {
			list, total, err := es.Events.List(ctx, event.Filter{Scope: access.Everywhere(), Sort: "org", Desc: desc})
			if err != nil || total != 2 || len(list) != 2 {
				t.Fatalf("list: %d of %d, %v", len(list), total, err)
			}
			first, second := es.Peer.ID, es.City.ID
			if desc {
				first, second = second, first
			}
			if list[0].OrgID != first || list[1].OrgID != second {
				t.Errorf("desc %v: orgs %d, %d; want %d, %d", desc, list[0].OrgID, list[1].OrgID, first, second)
			}
		}
	})
}
