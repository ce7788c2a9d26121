package access

import (
	"reflect"
	"testing"
)

func TestScopeZeroHoldsNothing(t *testing.T) {
	var s Scope
	if !s.None() || s.All() {
		t.Fatalf("zero scope: None=%v All=%v, want nothing", s.None(), s.All())
	}
	for _, p := range []string{"/1/", "/1/2/", ""} {
		if s.Contains(p) {
			t.Errorf("zero scope contains %q", p)
		}
	}
	if !Subtrees().None() || !Subtrees("").None() {
		t.Error("Subtrees() or Subtrees(\"\") holds something")
	}
}

func TestScopeContainsAndFolds(t *testing.T) {
	s := Subtrees("/1/7/", "/1/7/9/", "/1/3/")
	if got, want := s.Paths(), []string{"/1/3/", "/1/7/"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Paths = %v, want %v", got, want)
	}
	tests := []struct {
		path string
		want bool
	}{
		{"/1/7/", true}, {"/1/7/9/12/", true}, {"/1/3/", true},
		{"/1/", false}, {"/1/70/", false}, {"/1/4/", false}, {"", false},
	}
	for _, tt := range tests {
		if got := s.Contains(tt.path); got != tt.want {
			t.Errorf("Contains(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
	if !Everywhere().Contains("/1/70/") || !Everywhere().Contains("") {
		t.Error("Everywhere does not contain every path")
	}
}

func TestScopeWithinAndUnion(t *testing.T) {
	s := Subtrees("/1/7/8/", "/1/7/9/")
	if got := s.Within("/1/7/").Paths(); !reflect.DeepEqual(got, []string{"/1/7/8/", "/1/7/9/"}) {
		t.Errorf("Within(city) = %v", got)
	}
	if got := s.Within("/1/7/8/5/").Paths(); !reflect.DeepEqual(got, []string{"/1/7/8/5/"}) {
		t.Errorf("Within(inside) = %v", got)
	}
	if !s.Within("/1/3/").None() {
		t.Error("Within(outside) holds something")
	}
	if got := Everywhere().Within("/1/3/").Paths(); !reflect.DeepEqual(got, []string{"/1/3/"}) {
		t.Errorf("Everywhere.Within = %v", got)
	}
	if got := Subtrees("/1/3/").Union(s).Paths(); len(got) != 3 {
		t.Errorf("Union = %v", got)
	}
	if !s.Union(Everywhere()).All() {
		t.Error("Union with Everywhere is not Everywhere")
	}
}

func TestPolicyScope(t *testing.T) {
	p := NewPolicy(Permission{Action: "org.view", Roles: []Role{OrgStaff}})
	staff := &Subject{Grants: []Grant{{OrgPath: "/1/7/", Role: OrgStaff}, {OrgPath: "/1/8/", Role: Member}}}
	if got := p.Scope(staff, "org.view").Paths(); !reflect.DeepEqual(got, []string{"/1/7/"}) {
		t.Errorf("staff scope = %v", got)
	}
	if !p.Scope(staff, "org.undeclared").None() {
		t.Error("undeclared action gives a scope")
	}
	if !p.Scope(nil, "org.view").None() {
		t.Error("anonymous subject gives a scope")
	}
	admin := &Subject{Grants: []Grant{{OrgPath: "/1/", Role: SysAdmin}}}
	if !p.Scope(admin, "org.view").All() {
		t.Error("sysadmin scope is not Everywhere")
	}
}
