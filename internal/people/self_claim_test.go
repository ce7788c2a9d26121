package people_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// ownView is what a registrant can see of their own profile.
func ownView(t *testing.T, s *people.Store, user int64) people.Person {
	t.Helper()
	p, err := s.OwnProfile(context.Background(), user)
	if err != nil {
		t.Fatalf("own profile of %d: %v", user, err)
	}
	p.ID, p.CreatedAt, p.UpdatedAt, p.IDSealed, p.PhoneSealed = 0, p.CreatedAt.Truncate(0), p.UpdatedAt.Truncate(0), "", ""
	return p
}

// A registrant giving an ID number another record holds is answered as one
// giving a new number; a claim goes to the staff of the org owning the
// record, who confirm (the account is linked to the record) or refuse.
func TestClaims(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		heldID, freeID := idNumber("51040219850312201"), idNumber("51040219850312203")
		held, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "王强", IDNumber: heldID, Employer: "攀钢"})
		if err != nil {
			t.Fatal(err)
		}
		form := func(id string) people.Input {
			return people.Input{OrgID: f.peer.ID, Name: "王强", IDNumber: id, Phone: "13812345678", Employer: "滁州学院"}
		}
		const claimant, newcomer = 801, 802
		if _, err := f.s.CreateOwn(ctx, claimant, form(heldID), true); err != nil {
			t.Fatalf("held number: %v", err)
		}
		if _, err := f.s.CreateOwn(ctx, newcomer, form(freeID), true); err != nil {
			t.Fatalf("free number: %v", err)
		}
		a, b := ownView(t, f.s, claimant), ownView(t, f.s, newcomer)
		a.CreatedAt, a.UpdatedAt = b.CreatedAt, b.UpdatedAt
		if a.IDMasked != b.IDMasked || a.BirthYear != b.BirthYear || a.Gender != b.Gender || a.Name != b.Name || a.OrgName != b.OrgName {
			t.Errorf("the registrants see different profiles:\n%+v\n%+v", a, b)
		}
		ea, _ := f.s.ExportOwn(ctx, claimant)
		if ea.IDNumber != heldID {
			t.Errorf("the claimant's own data lacks the number given: %q", ea.IDNumber)
		}
		if p, err := f.s.FindByIDNumber(ctx, heldID); err != nil || p.ID != held.ID {
			t.Errorf("the held number finds %v %v, want the held record", p.ID, err)
		}

		cs, err := f.s.Claims(ctx, access.Subtrees(f.city.Path))
		if err != nil || len(cs) != 1 || cs[0].PersonID != held.ID || cs[0].Claimant != "王强" || cs[0].Status != "pending" {
			t.Fatalf("city claims: %+v %v", cs, err)
		}
		for name, scope := range map[string]access.Scope{"peer": access.Subtrees(f.peer.Path), "none": {}} {
			if got, err := f.s.Claims(ctx, scope); err != nil || len(got) != 0 {
				t.Errorf("%s scope sees claims: %+v %v", name, got, err)
			}
		}
		if got, _ := f.s.Claims(ctx, access.Everywhere()); len(got) != 1 {
			t.Errorf("everywhere: %d claims", len(got))
		}

		// The registrant never confirms their own claim.
		if err := f.s.ConfirmClaim(ctx, cs[0].ID, claimant); fieldKey(err) != ":people.err.own_claim" {
			t.Fatalf("the claimant confirmed their own claim: %v", err)
		}
		if err := f.s.ConfirmClaim(ctx, cs[0].ID, 1); err != nil {
			t.Fatal(err)
		}
		own, err := f.s.OwnProfile(ctx, claimant)
		if err != nil || own.ID != held.ID || own.Employer != "攀钢" {
			t.Fatalf("after confirming, the account owns %+v %v", own, err)
		}
		if e, err := f.s.ExportOwn(ctx, claimant); err != nil || len(e.Consents) != 1 || e.IDNumber != heldID {
			t.Errorf("the consent did not follow the account: %+v %v", e, err)
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Subtrees(f.peer.Path)}); n != 1 {
			t.Errorf("the claimant's own profile was not removed: %d people in the peer city", n)
		}
		if err := f.s.ConfirmClaim(ctx, cs[0].ID, 1); fieldKey(err) != ":people.err.claim_done" {
			t.Errorf("second confirmation: %v", err)
		}

		// A claim made by setting the number later on an existing profile;
		// the record is linked now, so a refusal clears the number given.
		const third = 803
		if _, err := f.s.CreateOwn(ctx, third, people.Input{OrgID: f.peer.ID, Name: "王强"}, true); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.UpdateOwn(ctx, third, people.Input{Name: "王强", IDNumber: heldID}); err != nil {
			t.Fatalf("setting a held number: %v", err)
		}
		if p := ownView(t, f.s, third); p.IDMasked != a.IDMasked || p.BirthYear != 1985 {
			t.Errorf("the number given is not shown as given: %+v", p)
		}
		cs, _ = f.s.Claims(ctx, access.Subtrees(f.city.Path))
		if len(cs) != 2 || cs[0].Status != "pending" {
			t.Fatalf("claims: %+v", cs)
		}
		if err := f.s.ConfirmClaim(ctx, cs[0].ID, 1); fieldKey(err) != ":people.err.claim_linked" {
			t.Errorf("confirming a claim to a linked record: %v", err)
		}
		if err := f.s.RefuseClaim(ctx, cs[0].ID, 1); err != nil {
			t.Fatal(err)
		}
		if p := ownView(t, f.s, third); p.IDMasked != "" || p.BirthYear != 0 {
			t.Errorf("after refusal the profile keeps %+v", p)
		}
		var audited int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action IN ('person.claim', 'person.claim_confirm', 'person.claim_refuse')
			AND org_path = ?`, f.city.Path).Scan(&audited); err != nil || audited != 4 {
			t.Errorf("audited claim steps under the owning org: %d %v", audited, err)
		}
	})
}

// Giving an ID number is limited per account and per address.
func TestIDAttemptLimit(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		for i := 1; i <= people.IDAttemptsPerUser+1; i++ {
			err := f.s.CountIDAttempt(ctx, 9, "10.0.0.1")
			if want := i > people.IDAttemptsPerUser; (fieldKey(err) == "id_number:people.err.id_attempts") != want {
				t.Fatalf("attempt %d: %v", i, err)
			}
		}
		if err := f.s.CountIDAttempt(ctx, 10, "10.0.0.1"); err != nil {
			t.Errorf("another account from the address: %v", err)
		}
		for u := int64(11); u < 11+people.IDAttemptsPerAddr; u++ {
			err := f.s.CountIDAttempt(ctx, u, "10.0.0.2")
			if want := u-11 >= people.IDAttemptsPerAddr; (err != nil) != want {
				t.Fatalf("account %d from one address: %v", u, err)
			}
		}
		if err := f.s.CountIDAttempt(ctx, 99, "10.0.0.2"); fieldKey(err) != "id_number:people.err.id_attempts" {
			t.Errorf("attempt past the address limit: %v", err)
		}
	})
}
