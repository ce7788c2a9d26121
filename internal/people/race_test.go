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

// Profile edits at once with items added to the person keep every item's
// title in the person's search terms: an edit read the items without the
// person's row lock, then wrote back terms without the item AddItem was
// adding (integrity review 52 left it).
func TestEditsWithItemsAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", Expertise: "冶金"})
		if err != nil {
			t.Fatal(err)
		}
		titles := []string{"钒钛磁铁矿综合利用", "高炉渣提钛", "攀西稀土选冶", "钛白粉清洁生产", "钒电池储能"}
		ok := dbtest.Went(t, dbtest.AtOnce(2*len(titles), func(i int) error {
			if i%2 == 0 {
				_, err := f.s.AddItem(ctx, people.Item{PersonID: p.ID, Kind: "project", Title: titles[i/2], Year: 2024})
				return err
			}
			_, err := f.s.Update(ctx, p.ID, people.Input{Name: "张伟", Expertise: "冶金", Title: "高级工程师"})
			return err
		}), func(error) bool { return false })
		if ok != 2*len(titles) {
			t.Errorf("%d of %d went through", ok, 2*len(titles))
		}
		for _, title := range titles {
			if r, err := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: title, UseDatabase: true}); err != nil || r.Total != 1 {
				t.Errorf("%q not found (%v): an edit at once dropped it from the person's search terms", title, err)
			}
		}
	})
}

// A registrant's profile edits at once, each giving for the first time an
// ID number another record holds, all get the same answer and file one
// claim: each found the number unset and filed its own, so staff decided
// the same claim several times (refusing one cleared the number while its
// copies stayed pending). A claim the same as one still pending is not
// filed again.
func TestClaimFiledOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		heldID := idNumber("51040219850312201")
		held, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "王强", IDNumber: heldID, Employer: "攀钢"})
		if err != nil {
			t.Fatal(err)
		}
		own, err := f.s.CreateOwn(ctx, 801, people.Input{OrgID: f.peer.ID, Name: "王强", Phone: "13812345678"}, true)
		if err != nil {
			t.Fatal(err)
		}
		ok := dbtest.Went(t, dbtest.AtOnce(10, func(int) error {
			_, err := f.s.UpdateOwn(ctx, 801, people.Input{Name: "王强", IDNumber: heldID, Phone: "13812345678"})
			return err
		}), func(error) bool { return false })
		var claims, filed int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM person_claims WHERE person_id = ? AND claimant_id = ? AND status = 'pending'`,
			held.ID, own.ID).Scan(&claims); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'person.claim'`).Scan(&filed); err != nil {
			t.Fatal(err)
		}
		if ok != 10 || claims != 1 || filed != 1 {
			t.Errorf("%d of 10 edits went through, %d pending claims, %d audited; want 10, 1, 1", ok, claims, filed)
		}
		if got, err := f.s.Get(ctx, own.ID); err != nil || got.IDMasked == "" {
			t.Errorf("the profile lost the number it was given: %+v %v", got, err)
		}

		// A copy of the claim filed before this check: refusing one clears
		// the number from the profile while the copy stays pending; the
		// number given again files no third claim beside the copy.
		var first int64
		if err := d.QueryRow(ctx, `SELECT id FROM person_claims WHERE person_id = ?`, held.ID).Scan(&first); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `INSERT INTO person_claims (id, person_id, claimant_id, user_id, status, created_at)
			SELECT id + 1, person_id, claimant_id, user_id, status, created_at FROM person_claims WHERE id = ?`, first); err != nil {
			t.Fatal(err)
		}
		if err := f.s.RefuseClaim(ctx, first, 1); err != nil {
			t.Fatal(err)
		}
		if got, err := f.s.Get(ctx, own.ID); err != nil || got.IDMasked != "" {
			t.Fatalf("the refusal left the number: %+v %v", got, err)
		}
		if _, err := f.s.UpdateOwn(ctx, 801, people.Input{Name: "王强", IDNumber: heldID, Phone: "13812345678"}); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM person_claims WHERE person_id = ? AND status = 'pending'`, held.ID).Scan(&claims); err != nil {
			t.Fatal(err)
		}
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'person.claim'`).Scan(&filed); err != nil {
			t.Fatal(err)
		}
		if claims != 1 || filed != 1 {
			t.Errorf("the number given again beside a pending copy: %d pending claims, %d audited; want 1, 1", claims, filed)
		}
	})
}

// The youth age limit saved several times at once is saved, each save
// answered without an error: each deleted the row another had just
// written and failed on the key with a raw database error. Saving the
// limit it already has is not audited again.
func TestYouthAgeAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ages := []int{30, 40, 45}
		if ok := dbtest.Went(t, dbtest.AtOnce(12, func(i int) error { return f.s.SetYouthAge(ctx, ages[i%3]) }),
			func(error) bool { return false }); ok != 12 {
			t.Errorf("%d of 12 saves went through", ok)
		}
		var rows int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM settings WHERE key = 'people.youth_age'`).Scan(&rows); err != nil || rows != 1 {
			t.Errorf("%d settings rows (%v), want 1", rows, err)
		}
		got, err := f.s.YouthAge(ctx)
		if err != nil || (got != 30 && got != 40 && got != 45) {
			t.Errorf("youth age %d (%v), want one of %v", got, err, ages)
		}
		var audited int
		count := func() int {
			t.Helper()
			if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'setting.youth_age'`).Scan(&audited); err != nil {
				t.Fatal(err)
			}
			return audited
		}
		before := count()
		if err := f.s.SetYouthAge(ctx, got); err != nil || count() != before {
			t.Errorf("the same limit again: %v, %d audit entries, want %d", err, audited, before)
		}
		if err := f.s.SetYouthAge(ctx, 50); err != nil || count() != before+1 {
			t.Errorf("a new limit: %v, %d audit entries, want %d", err, audited, before+1)
		}
	})
}
