package people_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// A correction changes every field of the form but a recorded ID number,
// moves the person only inside the editor's scope, and its audit entry
// keeps the fields before and after, masked where sensitive.
func TestEditPerson(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		id := idNumber("51040219850312201")
		p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", IDNumber: id, Phone: "13812345678", Title: "讲师", Categories: "青年科技人才"})
		if err != nil {
			t.Fatal(err)
		}
		in := people.Input{OrgID: f.city.ID, Name: "张 伟", IDNumber: idNumber("11010119900101123"), Phone: "13900001111",
			Title: "教授", TitleLevel: "senior", Email: "zw@example.cn", Categories: p.Categories}
		got, err := f.s.Edit(ctx, p.ID, in, access.Subtrees(f.city.Path))
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "张 伟" || got.Title != "教授" || got.PhoneMasked != "139****1111" || got.IDMasked != p.IDMasked || got.Categories != "青年科技人才" {
			t.Errorf("after edit = %+v", got)
		}
		recs, _, _ := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere(), Action: "person.update"})
		if len(recs) != 1 {
			t.Fatalf("update audit = %+v", recs)
		}
		s := recs[0].Summary
		for _, want := range []string{"讲师", "教授", "138****5678", "139****1111"} {
			if !strings.Contains(s, want) {
				t.Errorf("audit lacks %q: %s", want, s)
			}
		}
		if strings.Contains(s, "13812345678") || strings.Contains(s, "13900001111") || strings.Contains(s, id) {
			t.Errorf("audit holds a full number: %s", s)
		}

		// A move outside the scope is refused; inside it, the person moves.
		in.OrgID = f.peer.ID
		if _, err := f.s.Edit(ctx, p.ID, in, access.Subtrees(f.city.Path)); fieldKey(err) != "org_id:people.err.move_forbidden" {
			t.Errorf("move out of scope: %v", err)
		}
		if _, err := f.s.Edit(ctx, p.ID, in, access.Everywhere()); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.s.Get(ctx, p.ID); got.OrgID != f.peer.ID {
			t.Errorf("org after move = %d", got.OrgID)
		}
		moves, _, _ := audit.List(ctx, d, audit.Filter{Scope: access.Subtrees(f.peer.Path), Action: "person.move"})
		if len(moves) != 1 {
			t.Errorf("the new org does not see the move: %+v", moves)
		}
		in.OrgID = 999
		if _, err := f.s.Edit(ctx, p.ID, in, access.Everywhere()); fieldKey(err) != "org_id:people.err.org" {
			t.Errorf("move to no org: %v", err)
		}
	})
}

// A deletion erases the person, drops their memberships and pool entries,
// hides them from lists and search, and frees the ID number.
func TestDeletePerson(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		id := idNumber("51040219850312201")
		p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", IDNumber: id, Phone: "13812345678", Expertise: "钒钛材料"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: p.ID, OrgID: f.city.ID, Grade: "member", Status: "active"}); err != nil {
			t.Fatal(err)
		}
		pool, err := f.s.CreatePool(ctx, f.city.ID, "材料专家", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddToPool(ctx, pool.ID, []int64{p.ID}); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Delete(ctx, p.ID, "  "); fieldKey(err) != "reason:people.err.reason_required" {
			t.Errorf("no reason: %v", err)
		}
		if err := f.s.Delete(ctx, p.ID, strings.Repeat("重", 501)); fieldKey(err) != "reason:people.err.reason_long" {
			t.Errorf("long reason: %v", err)
		}
		if err := f.s.Delete(ctx, p.ID, "重复录入"); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Delete(ctx, p.ID, "重复录入"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("second delete: %v", err)
		}
		got, _ := f.s.Get(ctx, p.ID)
		if !got.Deleted() || got.IDSealed != "" || got.PhoneSealed != "" || got.Expertise != "" || got.Name != "已删除" {
			t.Errorf("tombstone = %+v", got)
		}
		scope := access.Subtrees(f.city.Path)
		if list, n, _ := f.s.List(ctx, people.Filter{Scope: scope}); n != 0 || len(list) != 0 {
			t.Errorf("list shows the deleted: %d", n)
		}
		for _, q := range []string{"钒钛", "已", "已删除"} {
			if res, err := f.s.Search(ctx, people.SearchQuery{Q: q, Scope: scope, Limit: 10}); err != nil || res.Total != 0 {
				t.Errorf("search %q: %d hits, %v", q, res.Total, err)
			}
		}
		if ms, _ := f.s.Memberships(ctx, p.ID, access.Everywhere()); len(ms) != 0 {
			t.Errorf("memberships left: %+v", ms)
		}
		if _, n, _ := f.s.PoolMembers(ctx, pool.ID, 10, 0); n != 0 {
			t.Errorf("pool entries left: %d", n)
		}
		recs, _, _ := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere(), Action: "person.delete"})
		if len(recs) != 1 || !strings.Contains(recs[0].Summary, "重复录入") {
			t.Errorf("delete audit = %+v", recs)
		}
		// The ID number may be recorded again as a new person.
		again, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", IDNumber: id})
		if err != nil || again.ID == p.ID {
			t.Fatalf("re-create: %v", err)
		}
		if _, err := f.s.Edit(ctx, p.ID, people.Input{Name: "复活"}, access.Everywhere()); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("edit of a deleted person: %v", err)
		}
	})
}

// An import brings a deleted person back as a new record, not onto the
// tombstone.
func TestDeletedPersonReimported(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		id := idNumber("51040219850312201")
		p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", IDNumber: id})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.Delete(ctx, p.ID, "误删测试"); err != nil {
			t.Fatal(err)
		}
		res, err := f.s.Import(ctx, csvFile("张伟,"+id+",13812345678,攀枝花学院,510402,,"), "a.csv", f.city.ID, false)
		if err != nil || res.Created != 1 || len(res.Errors) != 0 {
			t.Fatalf("import: %+v %v", res, err)
		}
		got, err := f.s.FindByIDNumber(ctx, id)
		if err != nil || got.ID == p.ID || got.Deleted() {
			t.Errorf("by ID number: %+v %v", got, err)
		}
		if tomb, _ := f.s.Get(ctx, p.ID); !tomb.Deleted() {
			t.Error("the tombstone came back")
		}
	})
}
