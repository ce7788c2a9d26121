package people_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

func TestSelfService(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		const user = 777
		in := people.Input{OrgID: f.city.ID, Name: "张伟", IDNumber: idNumber("51040219850312201"), Phone: "13812345678", Employer: "攀枝花学院"}
		if _, err := f.s.CreateOwn(ctx, user, in, false); fieldKey(err) != "consent:people.err.consent" {
			t.Fatalf("without consent: %v", err)
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 0 {
			t.Fatalf("a profile was stored without consent")
		}
		p, err := f.s.CreateOwn(ctx, user, in, true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.CreateOwn(ctx, user, people.Input{OrgID: f.city.ID, Name: "又一个"}, true); err == nil {
			t.Error("second own profile accepted")
		}
		if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: p.ID, OrgID: f.city.ID, Grade: "member"}); err != nil {
			t.Fatal(err)
		}
		// The ID number cannot be changed by an update; other fields can.
		up, err := f.s.Update(ctx, p.ID, people.Input{Name: "张伟", IDNumber: idNumber("51040219900101202"), Phone: "13912345678", Employer: "攀钢",
			EmployerUSCC: uscc("91510400MA62X5L8T")})
		if err != nil || up.IDMasked != p.IDMasked || up.PhoneMasked != "139****5678" || up.Employer != "攀钢" || up.EmployerUSCC == "" {
			t.Fatalf("update: %+v %v", up, err)
		}
		e, err := f.s.ExportOwn(ctx, user)
		if err != nil || e.IDNumber != in.IDNumber || e.Phone != "13912345678" || len(e.Memberships) != 1 || len(e.Consents) != 1 {
			t.Fatalf("export: %+v %v", e, err)
		}
		if err := f.s.RequestDeletion(ctx, user, "不再从事科研工作"); err != nil {
			t.Fatal(err)
		}
		if err := f.s.RequestDeletion(ctx, user, ""); fieldKey(err) != ":people.err.deletion_pending" {
			t.Errorf("second request: %v", err)
		}
		reqs, _ := f.s.DeletionRequests(ctx, access.Subtrees(f.city.Path))
		if len(reqs) != 1 || reqs[0].Reason != "不再从事科研工作" {
			t.Fatalf("requests: %+v", reqs)
		}
		if got, _ := f.s.DeletionRequests(ctx, access.Subtrees(f.peer.Path)); len(got) != 0 {
			t.Errorf("another city sees the request")
		}
		if err := f.s.ResolveDeletion(ctx, reqs[0].ID, 1); err != nil {
			t.Fatal(err)
		}
		var leftover string
		if err := d.QueryRow(ctx, `SELECT name || id_enc || COALESCE(id_index, '') || id_masked || phone_enc || COALESCE(phone_index, '') ||
			phone_masked || employer || employer_uscc || CAST(birth_year AS TEXT) FROM people WHERE id = ?`, p.ID).Scan(&leftover); err != nil || leftover != "已删除0" {
			t.Errorf("after erasure the row holds %q (%v)", leftover, err)
		}
		if ms, _ := f.s.Memberships(ctx, p.ID, access.Everywhere()); len(ms) != 0 {
			t.Errorf("memberships survive erasure")
		}
		if _, err := f.s.FindByIDNumber(ctx, in.IDNumber); err == nil {
			t.Error("erased person still found by ID number")
		}
		if err := f.s.ResolveDeletion(ctx, reqs[0].ID, 1); fieldKey(err) != ":people.err.deletion_done" {
			t.Errorf("second resolution: %v", err)
		}
		recs, _, _ := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere(), Target: "person:" + itoa(p.ID)})
		actions := map[string]bool{}
		for _, r := range recs {
			actions[r.Action] = true
		}
		for _, a := range []string{"person.create", "person.consent", "person.update", "person.export_self", "person.deletion_request", "person.erase"} {
			if !actions[a] {
				t.Errorf("no %s in the audit log", a)
			}
		}
	})
}
