package people_test

import (
	"context"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
	"kexie/internal/std"
)

// uscc returns a valid 统一社会信用代码 with the given first 17 characters.
func uscc(first17 string) string { return first17 + string(std.USCCCheckChar(first17)) }

func TestEmployerUSCC(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		code := uscc("91510400MA62X5L8T")
		wrong := code[:17] + map[bool]string{true: "0", false: "1"}[code[17] != '0']
		tests := []struct {
			name string
			in   people.Input
			want string
		}{
			{"length", people.Input{Employer: "攀钢", EmployerUSCC: "91510400MA62X5L8"}, "employer_uscc:people.err.uscc_length"},
			{"format", people.Input{Employer: "攀钢", EmployerUSCC: "91510400MA62X5L8OO"}, "employer_uscc:people.err.uscc_format"},
			{"check", people.Input{Employer: "攀钢", EmployerUSCC: wrong}, "employer_uscc:people.err.uscc_check"},
			{"no name", people.Input{EmployerUSCC: code}, "employer:people.err.employer_name"},
			{"org and uscc", people.Input{Employer: "攀钢", EmployerUSCC: code, EmployerOrgID: f.city.ID}, "employer_uscc:people.err.employer_exclusive"},
			{"org outside scope", people.Input{EmployerOrgID: f.peer.ID, EmployerScope: access.Subtrees(f.city.Path)}, "employer_org_id:people.err.employer_org"},
			{"no scope", people.Input{EmployerOrgID: f.city.ID, EmployerScope: access.Scope{}}, "employer_org_id:people.err.employer_org"},
			{"unknown org", people.Input{EmployerOrgID: 42}, "employer_org_id:people.err.employer_org"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tt.in.OrgID, tt.in.Name = f.city.ID, "李"
				if _, err := f.s.Create(ctx, tt.in); fieldKey(err) != tt.want {
					t.Errorf("err = %v, want %s", fieldKey(err), tt.want)
				}
			})
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 0 {
			t.Fatalf("%d people after refused creates", n)
		}

		// An outside unit: its code is stored normalized and read back.
		p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", Employer: "攀钢集团有限公司", EmployerUSCC: " " + strings.ToLower(code)})
		if err != nil {
			t.Fatal(err)
		}
		if p.EmployerUSCC != code || p.EmployerOrgID != 0 || p.Employer != "攀钢集团有限公司" {
			t.Errorf("created = %q %q %d", p.Employer, p.EmployerUSCC, p.EmployerOrgID)
		}
		list, _, _ := f.s.List(ctx, people.Filter{Scope: access.Subtrees(f.city.Path)})
		if len(list) != 1 || list[0].EmployerUSCC != code {
			t.Errorf("list = %+v", list)
		}

		// An org of the editor's scope: the name defaults to the org's.
		q, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "王芳", EmployerOrgID: f.city.ID, EmployerScope: access.Subtrees(f.city.Path)})
		if err != nil {
			t.Fatal(err)
		}
		if q.EmployerOrgID != f.city.ID || q.Employer != f.city.Name || q.EmployerUSCC != "" {
			t.Errorf("org employer = %q %q %d", q.Employer, q.EmployerUSCC, q.EmployerOrgID)
		}
		// Update keeps a recorded link even for an editor without that org.
		q, err = f.s.Update(ctx, q.ID, people.Input{Name: "王芳", Employer: q.Employer, EmployerOrgID: f.city.ID, EmployerScope: access.Scope{}})
		if err != nil || q.EmployerOrgID != f.city.ID {
			t.Errorf("keep link: %d %v", q.EmployerOrgID, err)
		}
		// but a new one must be in scope;
		if _, err := f.s.Update(ctx, q.ID, people.Input{Name: "王芳", EmployerOrgID: f.peer.ID, EmployerScope: access.Subtrees(f.city.Path)}); fieldKey(err) != "employer_org_id:people.err.employer_org" {
			t.Errorf("update to an org outside scope: %v", fieldKey(err))
		}
		// and an outside unit with its code replaces the link.
		q, err = f.s.Update(ctx, q.ID, people.Input{Name: "王芳", Employer: "攀枝花学院", EmployerUSCC: uscc("12510400452166001")})
		if err != nil || q.EmployerOrgID != 0 || q.EmployerUSCC != uscc("12510400452166001") || q.Employer != "攀枝花学院" {
			t.Errorf("switch to an outside unit: %q %q %d %v", q.Employer, q.EmployerUSCC, q.EmployerOrgID, err)
		}
		var orgRef any
		if err := d.QueryRow(ctx, `SELECT employer_org_id FROM people WHERE id = ?`, q.ID).Scan(&orgRef); err != nil || orgRef != nil {
			t.Errorf("employer_org_id = %v (%v), want NULL", orgRef, err)
		}
	})
}

// The import template has no USCC column: new rows get the defaults, and a
// re-import keeps a person's USCC or org link while it names the same unit.
func TestImportKeepsEmployerCode(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		a, b := idNumber("51040219850312201"), idNumber("51040219900101202")
		rows := []string{
			"张伟," + a + ",13812345678,攀钢集团有限公司,510402,正高级,",
			"王芳," + b + ",13912345678,攀枝花市科协,510402,中级,",
		}
		if res, err := f.s.Import(ctx, csvFile(rows...), "a.csv", f.city.ID, false); err != nil || res.Created != 2 {
			t.Fatalf("import: %+v %v", res, err)
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM people WHERE employer_uscc = '' AND employer_org_id IS NULL`).Scan(&n); err != nil || n != 2 {
			t.Fatalf("imported rows with defaults: %d (%v)", n, err)
		}
		zhang, _ := f.s.FindByIDNumber(ctx, a)
		wang, _ := f.s.FindByIDNumber(ctx, b)
		code := uscc("91510400MA62X5L8T")
		if _, err := f.s.Update(ctx, zhang.ID, people.Input{Name: "张伟", Phone: "13812345678", Employer: "攀钢集团有限公司", EmployerUSCC: code,
			TitleLevel: "senior", RegionCode: "510402"}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Update(ctx, wang.ID, people.Input{Name: "王芳", Phone: "13912345678", EmployerOrgID: f.city.ID, EmployerScope: access.Everywhere(),
			TitleLevel: "intermediate", RegionCode: "510402"}); err != nil {
			t.Fatal(err)
		}
		// Same units, another field changed: both rows are updated, codes kept.
		changed := []string{strings.Replace(rows[0], "正高级", "副高级", 1), strings.Replace(rows[1], "中级", "副高级", 1)}
		if res, err := f.s.Import(ctx, csvFile(changed...), "b.csv", f.city.ID, false); err != nil || res.Updated != 2 {
			t.Fatalf("re-import: %+v %v", res, err)
		}
		zhang, _ = f.s.Get(ctx, zhang.ID)
		wang, _ = f.s.Get(ctx, wang.ID)
		if zhang.TitleLevel != "vice_senior" || zhang.EmployerUSCC != code || wang.EmployerOrgID != f.city.ID {
			t.Errorf("after re-import: %q %q, org %d", zhang.TitleLevel, zhang.EmployerUSCC, wang.EmployerOrgID)
		}
		// Another unit's name: the old unit's code and link go with it.
		moved := []string{strings.Replace(changed[0], "攀钢集团有限公司", "攀枝花学院", 1), strings.Replace(changed[1], "攀枝花市科协", "攀枝花学院", 1)}
		if res, err := f.s.Import(ctx, csvFile(moved...), "c.csv", f.city.ID, false); err != nil || res.Updated != 2 {
			t.Fatalf("moved: %+v %v", res, err)
		}
		zhang, _ = f.s.Get(ctx, zhang.ID)
		wang, _ = f.s.Get(ctx, wang.ID)
		if zhang.Employer != "攀枝花学院" || zhang.EmployerUSCC != "" || wang.EmployerOrgID != 0 {
			t.Errorf("after a move: %q %q, org %d", zhang.Employer, zhang.EmployerUSCC, wang.EmployerOrgID)
		}
	})
}
