package people_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// ID numbers given at once are held to the limits: of 20 attempts at once
// by one account, IDAttemptsPerUser count; of 40 by different accounts from
// one address, IDAttemptsPerAddr. On PostgreSQL each counted before any
// other had written, and most went through (race review 51).
func TestIDAttemptsAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		passed := func(errs []error) int {
			n := dbtest.Went(t, errs, func(err error) bool { return fieldKey(err) == "id_number:people.err.id_attempts" })
			return n
		}
		if n := passed(dbtest.AtOnce(20, func(int) error { return f.s.CountIDAttempt(ctx, 9, "10.0.0.1") })); n != people.IDAttemptsPerUser {
			t.Errorf("%d attempts of one account at once passed, want %d", n, people.IDAttemptsPerUser)
		}
		if n := passed(dbtest.AtOnce(40, func(i int) error { return f.s.CountIDAttempt(ctx, int64(100+i), "10.0.0.2") })); n != people.IDAttemptsPerAddr {
			t.Errorf("%d attempts from one address at once passed, want %d", n, people.IDAttemptsPerAddr)
		}
	})
}

// Two registrants claim one held record; staff confirming and refusing
// both claims at once link it to one account only. On PostgreSQL both
// confirmations found the record unlinked: the second overwrote the
// first's link after deleting its registrant's profile (race review 51).
func TestClaimsAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		heldID := idNumber("51040219850312201")
		held, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "王强", IDNumber: heldID, Employer: "攀钢"})
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range []int64{801, 802} {
			if _, err := f.s.CreateOwn(ctx, u, people.Input{OrgID: f.peer.ID, Name: "王强", IDNumber: heldID, Phone: "13812345678"}, true); err != nil {
				t.Fatal(err)
			}
		}
		cs, err := f.s.Claims(ctx, access.Subtrees(f.city.Path))
		if err != nil || len(cs) != 2 {
			t.Fatalf("claims: %+v %v", cs, err)
		}
		errs := dbtest.AtOnce(8, func(i int) error {
			if i%4 == 3 {
				return f.s.RefuseClaim(ctx, cs[i%2].ID, 1)
			}
			return f.s.ConfirmClaim(ctx, cs[i%2].ID, 1)
		})
		for _, err := range errs {
			if err != nil && fieldKey(err) != ":people.err.claim_done" && fieldKey(err) != ":people.err.claim_linked" {
				t.Errorf("unexpected: %v", err)
			}
		}
		var confirmed, refused int
		if err := d.QueryRow(ctx, `SELECT COUNT(CASE WHEN action = 'person.claim_confirm' THEN 1 END),
			COUNT(CASE WHEN action = 'person.claim_refuse' THEN 1 END) FROM audit_log`).Scan(&confirmed, &refused); err != nil {
			t.Fatal(err)
		}
		var linked int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM person_claims WHERE person_id = ? AND status = 'confirmed'`, held.ID).Scan(&linked); err != nil {
			t.Fatal(err)
		}
		if confirmed != 1 || linked != 1 || confirmed+refused > 2 {
			t.Errorf("%d confirmations (%d claims confirmed) and %d refusals of two claims to one record, want 1 confirmed", confirmed, linked, refused)
		}
	})
}

// A holder's deletion requests at once leave one pending: on PostgreSQL
// each found none pending and each was saved (race review 51).
func TestDeletionRequestsAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		if _, err := f.s.CreateOwn(ctx, 9, people.Input{OrgID: f.city.ID, Name: "赵敏"}, true); err != nil {
			t.Fatal(err)
		}
		for _, err := range dbtest.AtOnce(10, func(int) error { return f.s.RequestDeletion(ctx, 9, "") }) {
			if err != nil && fieldKey(err) != ":people.err.deletion_pending" {
				t.Errorf("unexpected: %v", err)
			}
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM deletion_requests WHERE status = 'pending'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("%d deletion requests pending after 10 at once, want 1", n)
		}
	})
}

// One person added at once to one organization's members and to one expert
// pool: one membership and one pool place, the others told so (or told it
// was already done), never a raw database error. On PostgreSQL the second
// of each passed the check and failed on the unique key (race review 51).
func TestMembershipsAndPoolsAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "王强", Employer: "攀钢"})
		if err != nil {
			t.Fatal(err)
		}
		added := dbtest.Went(t, dbtest.AtOnce(10, func(int) error {
			_, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: p.ID, OrgID: f.city.ID, Grade: "member", Status: "active"})
			return err
		}), func(err error) bool { return fieldKey(err) == "org_code:people.err.member_twice" })
		if added != 1 {
			t.Errorf("%d memberships added at once, want 1", added)
		}
		pool, err := f.s.CreatePool(ctx, f.city.ID, "青年人才托举专家库", "")
		if err != nil {
			t.Fatal(err)
		}
		places := make([]int, 10)
		for i, err := range dbtest.AtOnce(10, func(i int) error {
			var err error
			places[i], err = f.s.AddToPool(ctx, pool.ID, []int64{p.ID})
			return err
		}) {
			if err != nil {
				t.Errorf("pool: unexpected %v", err)
			}
			added += places[i]
		}
		if added != 2 {
			t.Errorf("%d pool places added at once, want 1", added-1)
		}
	})
}

// Items of one person added at once each keep their title in the person's
// search terms (each wrote back the terms it had read, so only one title
// stayed searchable), and the same item is recorded once however often it
// is sent.
func TestItemsAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", Expertise: "冶金"})
		if err != nil {
			t.Fatal(err)
		}
		titles := []string{"钒钛磁铁矿综合利用", "高炉渣提钛", "攀西稀土选冶", "钛白粉清洁生产", "钒电池储能"}
		for _, err := range dbtest.AtOnce(len(titles), func(i int) error {
			_, err := f.s.AddItem(ctx, people.Item{PersonID: p.ID, Kind: "project", Title: titles[i], Year: 2024})
			return err
		}) {
			if err != nil {
				t.Fatal(err)
			}
		}
		for _, title := range titles {
			if r, err := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: title, UseDatabase: true}); err != nil || r.Total != 1 {
				t.Errorf("%q not found (%v): lost from the person's search terms", title, err)
			}
		}
		ok := dbtest.Went(t, dbtest.AtOnce(10, func(int) error {
			_, err := f.s.AddItem(ctx, people.Item{PersonID: p.ID, Kind: "patent", Title: "一种高钛型高炉渣提钛方法", Year: 2019})
			return err
		}), func(err error) bool { return fieldKey(err) == "title:people.err.item_dup" })
		if _, err := f.s.AddItem(ctx, people.Item{PersonID: p.ID, Kind: "patent", Title: "一种高钛型高炉渣提钛方法", Year: 2019}); fieldKey(err) != "title:people.err.item_dup" {
			t.Errorf("added again later: %v", err)
		}
		items, err := f.s.Items(ctx, p.ID)
		if err != nil || ok != 1 || len(items) != len(titles)+1 {
			t.Errorf("%d of 10 went through, %d items %v; want 1 and %d", ok, len(items), err, len(titles)+1)
		}
		if _, err := f.s.AddItem(ctx, people.Item{PersonID: 1, Kind: "patent", Title: "无此人"}); fieldKey(err) != ":people.err.person" {
			t.Errorf("no such person: %v", err)
		}
	})
}
