package people_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
	"kexie/internal/std"
)

func TestMemberships(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: p.ID, OrgID: f.city.ID, MemberNo: "PZH-0001",
			Grade: "senior", Roles: "理事，秘书长", JoinedOn: "2019-05-30"}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: p.ID, OrgID: f.peer.ID, Grade: "member"}); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			in   people.MembershipInput
			want string
		}{
			{"twice", people.MembershipInput{PersonID: p.ID, OrgID: f.city.ID, Grade: "member"}, "org_code:people.err.member_twice"},
			{"grade", people.MembershipInput{PersonID: p.ID, OrgID: f.city.ID, Grade: "king"}, "grade:people.err.grade"},
			{"date", people.MembershipInput{PersonID: p.ID, OrgID: f.city.ID, Grade: "member", JoinedOn: "2019-02-30"}, "joined_on:people.err.date"},
			{"person", people.MembershipInput{PersonID: 99, OrgID: f.city.ID + 0, Grade: "member"}, ":people.err.person"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if _, err := f.s.AddMembership(ctx, tt.in); fieldKey(err) != tt.want {
					t.Errorf("err = %s, want %s", fieldKey(err), tt.want)
				}
			})
		}
		all, _ := f.s.Memberships(ctx, p.ID, access.Everywhere())
		city, _ := f.s.Memberships(ctx, p.ID, access.Subtrees(f.city.Path))
		if len(all) != 2 || len(city) != 1 || city[0].Roles != "理事、秘书长" || city[0].Grade != "senior" {
			t.Errorf("memberships: all %+v, city %+v", all, city)
		}
	})
}

func TestUnits(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		code := "91510400MA62X5L8T" + string(std.USCCCheckChar("91510400MA62X5L8T"))
		if _, err := f.s.AddUnit(ctx, people.Unit{OrgID: f.city.ID, Name: "攀钢集团有限公司", USCC: code, Kind: "company"}); err != nil {
			t.Fatal(err)
		}
		bad := code[:17] + map[bool]string{true: "0", false: "1"}[code[17] != '0']
		tests := []struct {
			name string
			u    people.Unit
			want string
		}{
			{"twice", people.Unit{OrgID: f.city.ID, Name: "攀钢", USCC: code, Kind: "company"}, "uscc:people.err.unit_twice"},
			{"check", people.Unit{OrgID: f.city.ID, Name: "某公司", USCC: bad, Kind: "company"}, "uscc:people.err.uscc_check"},
			{"kind", people.Unit{OrgID: f.city.ID, Name: "某公司", USCC: code, Kind: "club"}, "kind:people.err.unit_kind"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if _, err := f.s.AddUnit(ctx, tt.u); fieldKey(err) != tt.want {
					t.Errorf("err = %s, want %s", fieldKey(err), tt.want)
				}
			})
		}
		// The same unit may join another org.
		if _, err := f.s.AddUnit(ctx, people.Unit{OrgID: f.peer.ID, Name: "攀钢集团有限公司", USCC: code, Kind: "company"}); err != nil {
			t.Errorf("unit in a second org: %v", err)
		}
		if _, n, _ := f.s.Units(ctx, access.Subtrees(f.city.Path), "", 10, 0); n != 1 {
			t.Errorf("units in city = %d", n)
		}
		if _, n, _ := f.s.Units(ctx, access.Everywhere(), code, 10, 0); n != 2 {
			t.Errorf("units by code = %d", n)
		}
		// The total is counted under the page's own conditions (scope and
		// text), whatever page is read.
		code2 := "91510400MA62X5L9T" + string(std.USCCCheckChar("91510400MA62X5L9T"))
		if _, err := f.s.AddUnit(ctx, people.Unit{OrgID: f.city.ID, Name: "安宁机械厂", USCC: code2, Kind: "company"}); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name          string
			scope         access.Scope
			q             string
			offset, total int
			want          string
		}{
			{"the city, page 1", access.Subtrees(f.city.Path), "", 0, 2, "安宁机械厂"},
			{"the city, page 2", access.Subtrees(f.city.Path), "", 1, 2, "攀钢集团有限公司"},
			{"past the end", access.Subtrees(f.city.Path), "", 5, 2, ""},
			{"the city by code", access.Subtrees(f.city.Path), code, 0, 1, "攀钢集团有限公司"},
			{"the other city by name", access.Subtrees(f.peer.Path), "机械", 0, 0, ""},
			{"the zero scope", access.Scope{}, "", 0, 0, ""},
		} {
			list, n, err := f.s.Units(ctx, tt.scope, tt.q, 1, tt.offset)
			got := ""
			if len(list) > 0 {
				got = list[0].Name
			}
			if err != nil || n != tt.total || got != tt.want || len(list) > 1 {
				t.Errorf("%s: %q of %d (%d rows), %v; want %q of %d", tt.name, got, n, len(list), err, tt.want, tt.total)
			}
		}
	})
}
