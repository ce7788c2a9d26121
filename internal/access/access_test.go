package access

import (
	"context"
	"reflect"
	"testing"
)

func TestCan(t *testing.T) {
	p := NewPolicy(
		Permission{Action: "org.view", Roles: []Role{OrgAdmin, OrgStaff, Member}},
		Permission{Action: "org.edit", Roles: []Role{OrgAdmin}},
	)
	city := Grant{OrgID: 2, OrgPath: "/1/2/", Role: OrgAdmin}
	staff := Grant{OrgID: 3, OrgPath: "/1/3/", Role: OrgStaff}
	admin := &Subject{UserID: 1, Grants: []Grant{{OrgID: 1, OrgPath: "/1/", Role: SysAdmin}}}
	alice := &Subject{UserID: 2, Grants: []Grant{city, staff}}
	ctx := context.Background()
	tests := []struct {
		name string
		s    *Subject
		a    Action
		res  Resource
		want bool
	}{
		{"anonymous", nil, "org.view", Resource{OrgPath: "/1/"}, false},
		{"sysadmin anywhere", admin, "org.edit", Resource{OrgPath: "/9/"}, true},
		{"sysadmin unknown action", admin, "nope", Resource{}, false},
		{"own org", alice, "org.edit", Resource{OrgPath: "/1/2/"}, true},
		{"descendant", alice, "org.edit", Resource{OrgPath: "/1/2/5/6/"}, true},
		{"parent", alice, "org.edit", Resource{OrgPath: "/1/"}, false},
		{"sibling with longer id", alice, "org.edit", Resource{OrgPath: "/1/20/"}, false},
		{"staff cannot edit", alice, "org.edit", Resource{OrgPath: "/1/3/"}, false},
		{"staff can view", alice, "org.view", Resource{OrgPath: "/1/3/4/"}, true},
		{"anywhere", alice, "org.edit", Resource{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Can(ctx, tt.s, tt.a, tt.res); got != tt.want {
				t.Errorf("Can = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestScope(t *testing.T) {
	p := NewPolicy(Permission{Action: "org.view", Roles: []Role{OrgAdmin, OrgStaff}})
	s := &Subject{Grants: []Grant{
		{OrgPath: "/1/2/", Role: OrgAdmin},
		{OrgPath: "/1/2/7/", Role: OrgStaff},
		{OrgPath: "/1/3/", Role: Reviewer},
		{OrgPath: "/1/4/", Role: OrgStaff},
	}}
	got := p.Scope(s, "org.view")
	if want := []string{"/1/2/", "/1/4/"}; got.All() || !reflect.DeepEqual(got.Paths(), want) {
		t.Errorf("Scope = %v; want %v", got, want)
	}
	if got := p.Scope(nil, "org.view"); !got.None() {
		t.Errorf("anonymous Scope = %v; want nothing", got)
	}
	if got := p.Scope(&Subject{Grants: []Grant{{OrgPath: "/1/", Role: SysAdmin}}}, "org.view"); !got.All() {
		t.Errorf("sysadmin Scope = %v; want everywhere", got)
	}
}

func TestRuleValidate(t *testing.T) {
	p := NewPolicy(Permission{Action: "org.view", Roles: []Role{OrgAdmin}})
	if err := (Rule{}).Validate(p); err == nil {
		t.Error("zero Rule validated")
	}
	if err := Require("org.nope", nil).Validate(p); err == nil {
		t.Error("undeclared action validated")
	}
	if err := Require("org.view", nil).Validate(p); err != nil {
		t.Errorf("valid rule: %v", err)
	}
}

// TestStaffOf: the orgs of a subject's own grants carrying the action, a
// system administrator's and grants without it aside; nobody for nil.
func TestStaffOf(t *testing.T) {
	p := NewPolicy(Permission{Action: "x.fill", Roles: []Role{OrgStaff}})
	s := &Subject{Grants: []Grant{{Role: OrgStaff, OrgPath: "/1/2/"}, {Role: SysAdmin, OrgPath: "/"},
		{Role: Member, OrgPath: "/1/3/"}, {Role: OrgStaff, OrgPath: "/1/4/"}}}
	if got := p.StaffOf(s, "x.fill"); !reflect.DeepEqual(got, []string{"/1/2/", "/1/4/"}) {
		t.Errorf("StaffOf = %q", got)
	}
	if got := p.StaffOf(nil, "x.fill"); got != nil {
		t.Errorf("nil subject: %q", got)
	}
}
