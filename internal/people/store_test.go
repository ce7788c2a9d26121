package people_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/std"
	"kexie/internal/valid"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations(), people.Migrations()}

func keyring(t testing.TB) *pii.Keyring {
	k, err := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte("test/" + p)); return h[:] }, 1)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func idNumber(first17 string) string { return first17 + string(std.CitizenIDCheckDigit(first17)) }

type fixture struct {
	s          *people.Store
	d          *db.DB
	city, peer org.Org
}

func setup(t testing.TB, d *db.DB) fixture {
	ctx := context.Background()
	orgs := org.NewStore(d, std.Regions())
	root, err := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince})
	if err != nil {
		t.Fatal(err)
	}
	city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
	peer, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
	return fixture{s: people.NewStore(d, keyring(t)), d: d, city: city, peer: peer}
}

func fieldKey(err error) string {
	if list, ok := valid.As(err); ok {
		return list[0].Field + ":" + list[0].Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestCreateSealAndReveal(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		id := idNumber("51040219850312201")
		p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", IDNumber: strings.ToLower(id), Phone: "+86 138-1234-5678",
			Employer: "攀枝花学院", TitleLevel: "senior", Title: "教授", RegionCode: "510402"})
		if err != nil {
			t.Fatal(err)
		}
		if p.BirthYear != 1985 || p.Gender != people.Male || p.IDMasked != id[:6]+"************" || p.PhoneMasked != "138****5678" {
			t.Errorf("person = %+v", p)
		}
		// Nothing in the row is plaintext.
		var raw string
		if err := d.QueryRow(ctx, `SELECT id_enc || phone_enc || COALESCE(id_index, '') || COALESCE(phone_index, '') FROM people WHERE id = ?`, p.ID).Scan(&raw); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(raw, id) || strings.Contains(raw, "13812345678") {
			t.Errorf("plaintext stored: %s", raw)
		}
		got, err := f.s.Reveal(ctx, p.ID, people.FieldID)
		if err != nil || got != id {
			t.Errorf("reveal = %q, %v", got, err)
		}
		recs, _, _ := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere(), Action: "person.reveal"})
		if len(recs) != 1 || recs[0].Target != "person:"+itoa(p.ID) || !strings.Contains(recs[0].Summary, "id_number") {
			t.Errorf("reveal audit = %+v", recs)
		}
		created, _, _ := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere(), Action: "person.create"})
		if len(created) != 1 || strings.Contains(created[0].Summary, id) || !strings.Contains(created[0].Summary, p.IDMasked) {
			t.Errorf("create audit leaks or lacks the masked ID: %s", created[0].Summary)
		}
		if byID, err := f.s.FindByIDNumber(ctx, id); err != nil || byID.ID != p.ID {
			t.Errorf("blind-index lookup: %v", err)
		}
		if _, err := f.s.Reveal(ctx, p.ID, "name"); err == nil {
			t.Error("revealed an unknown field")
		}
	})
}

func TestBadInput(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		good := idNumber("51040219850312201")
		if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", IDNumber: good}); err != nil {
			t.Fatal(err)
		}
		wrong := good[:17] + map[bool]string{true: "0", false: "1"}[good[17] != '0']
		tests := []struct {
			name string
			in   people.Input
			want string
		}{
			{"check digit", people.Input{OrgID: f.city.ID, Name: "李", IDNumber: wrong}, "id_number:people.err.id_check"},
			{"birth", people.Input{OrgID: f.city.ID, Name: "李", IDNumber: idNumber("51040219851332201")}, "id_number:people.err.id_birth"},
			{"duplicate", people.Input{OrgID: f.peer.ID, Name: "张伟2", IDNumber: " " + good}, "id_number:people.err.duplicate"},
			{"phone", people.Input{OrgID: f.city.ID, Name: "李", Phone: "0812-3334444"}, "phone:people.err.phone"},
			{"region", people.Input{OrgID: f.city.ID, Name: "李", RegionCode: "510499"}, "region_code:people.err.region"},
			{"name", people.Input{OrgID: f.city.ID}, "name:people.err.name"},
			{"org", people.Input{OrgID: 42, Name: "李"}, "org_id:people.err.org"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if _, err := f.s.Create(ctx, tt.in); fieldKey(err) != tt.want {
					t.Errorf("err = %v, want %s", fieldKey(err), tt.want)
				}
			})
		}
		if _, total, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); total != 1 {
			t.Errorf("%d people after refused creates, want 1", total)
		}
	})
}

func TestListScope(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		for i, in := range []people.Input{
			{OrgID: f.city.ID, Name: "张伟", Employer: "攀枝花钢铁研究院", Expertise: "钒钛磁铁矿综合利用", Phone: "13812345678", TitleLevel: "senior"},
			{OrgID: f.city.ID, Name: "王芳", Employer: "攀枝花学院", Expertise: "果树栽培", TitleLevel: "intermediate"},
			{OrgID: f.peer.ID, Name: "李娜", Employer: "滁州学院", Expertise: "钒电池"},
		} {
			if _, err := f.s.Create(ctx, in); err != nil {
				t.Fatalf("person %d: %v", i, err)
			}
		}
		tests := []struct {
			name  string
			f     people.Filter
			names string
		}{
			{"city scope, in pinyin order", people.Filter{Scope: access.Subtrees(f.city.Path)}, "王芳,张伟"},
			{"peer scope", people.Filter{Scope: access.Subtrees(f.peer.Path)}, "李娜"},
			{"no scope", people.Filter{Scope: access.Scope{}}, ""},
			{"expertise", people.Filter{Scope: access.Everywhere(), Q: "钒"}, "李娜,张伟"},
			{"expertise in scope", people.Filter{Q: "钒", Scope: access.Subtrees(f.city.Path)}, "张伟"},
			{"phone exact", people.Filter{Scope: access.Everywhere(), Q: "138 1234 5678"}, "张伟"},
			{"level", people.Filter{Scope: access.Everywhere(), TitleLevel: "intermediate"}, "王芳"},
			{"employer asc", people.Filter{Sort: "employer", Scope: access.Subtrees(f.city.Path)}, "王芳,张伟"},
			{"employer desc", people.Filter{Sort: "-employer", Scope: access.Subtrees(f.city.Path)}, "张伟,王芳"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				list, total, err := f.s.List(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				var names []string
				for _, p := range list {
					names = append(names, p.Name)
				}
				if got := strings.Join(names, ","); got != tt.names || total != len(names) {
					t.Errorf("got %q (total %d), want %q", got, total, tt.names)
				}
			})
		}
	})
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

func TestReseal(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		for i := range 5 {
			first := fmt.Sprintf("5104021985031220%d", i)
			if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "人员", IDNumber: idNumber(first), Phone: "1381234567" + strconv.Itoa(i)}); err != nil {
				t.Fatal(err)
			}
		}
		derive := func(p string) []byte { h := sha256.Sum256([]byte("test/" + p)); return h[:] }
		k2, _ := pii.NewKeyring(derive, 2)
		s2 := people.NewStore(d, k2)
		n, err := s2.Reseal(ctx, 2, nil)
		if err != nil || n != 5 {
			t.Fatalf("resealed %d, %v", n, err)
		}
		var old int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM people WHERE id_enc LIKE 'k1:%' OR phone_enc LIKE 'k1:%'`).Scan(&old); err != nil || old != 0 {
			t.Errorf("%d rows still under key 1", old)
		}
		p, _ := s2.FindByIDNumber(ctx, idNumber("51040219850312203"))
		if got, err := s2.Reveal(ctx, p.ID, people.FieldPhone); err != nil || got != "13812345673" {
			t.Errorf("after rotation: %q %v", got, err)
		}
		if n, _ := s2.Reseal(ctx, 2, nil); n != 0 {
			t.Errorf("second run resealed %d", n)
		}
	})
}
