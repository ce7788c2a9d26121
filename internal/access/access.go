// Package access decides who may do what where. Roles are granted per
// (user, org) and hold for the whole subtree under that org; a Policy maps
// roles to the actions the wired modules declare, and Can is the one check
// every request goes through. List queries ask Scope for the subtrees to
// filter by.
//
// It must never query the database itself or know any module's tables: the
// caller loads the Subject (package auth) and names the Resource.
package access

import (
	"context"
	"errors"
	"sort"
	"strings"
)

// Role is a named bundle of actions, granted on an org subtree.
type Role string

// The roles of Kexie, from most to least powerful.
const (
	SysAdmin Role = "sysadmin"  // 系统管理员: everything, everywhere
	OrgAdmin Role = "org_admin" // 组织管理员: manages an org subtree, its users and roles
	OrgStaff Role = "org_staff" // 工作人员: day-to-day work in an org subtree
	Reviewer Role = "reviewer"  // 评审专家
	Member   Role = "member"    // 会员
)

// Roles lists every role in display order.
func Roles() []Role { return []Role{SysAdmin, OrgAdmin, OrgStaff, Reviewer, Member} }

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles() {
		if r == x {
			return true
		}
	}
	return false
}

// Action names something a user may do, "module.verb" (e.g. "org.edit").
type Action string

// Grant is one role held on one org subtree.
type Grant struct {
	OrgID   int64
	OrgPath string // materialized path of the org, e.g. "/1/7/"
	OrgName string
	Role    Role
}

// Subject is an authenticated user with their grants.
type Subject struct {
	UserID   int64
	Username string
	Name     string
	Grants   []Grant
}

// Resource is what an action touches. OrgPath is the path of the org that
// owns it; an empty OrgPath means "some org" — Can then asks whether the
// subject may do the action anywhere, and the store scopes what is shown.
type Resource struct {
	OrgID   int64
	OrgPath string
}

// ErrDenied is returned (wrapped) when an action is not allowed.
var ErrDenied = errors.New("access denied")

// Policy maps roles to actions. It is built once at start by the wiring in
// package app from the permissions each module declares, then read-only.
type Policy struct {
	roles map[Role]map[Action]bool
	all   []Action
}

// Permission declares an action and the roles that hold it. SysAdmin holds
// every action implicitly.
type Permission struct {
	Action Action
	Roles  []Role
	// Label is the i18n key of a human description, shown on the roles page.
	Label string
}

// NewPolicy builds a policy from the declared permissions.
func NewPolicy(perms ...Permission) *Policy {
	p := &Policy{roles: map[Role]map[Action]bool{}}
	p.Add(perms...)
	return p
}

// Add declares more permissions. It is for wiring time only (package app adds
// each module's permissions before the server starts); a Policy in use is
// never changed.
func (p *Policy) Add(perms ...Permission) {
	for _, perm := range perms {
		p.all = append(p.all, perm.Action)
		for _, r := range perm.Roles {
			if p.roles[r] == nil {
				p.roles[r] = map[Action]bool{}
			}
			p.roles[r][perm.Action] = true
		}
	}
	sort.Slice(p.all, func(i, j int) bool { return p.all[i] < p.all[j] })
}

// Actions returns every declared action, sorted.
func (p *Policy) Actions() []Action { return append([]Action(nil), p.all...) }

// Known reports whether a is a declared action.
func (p *Policy) Known(a Action) bool {
	i := sort.Search(len(p.all), func(i int) bool { return p.all[i] >= a })
	return i < len(p.all) && p.all[i] == a
}

// RoleHas reports whether role r carries action a.
func (p *Policy) RoleHas(r Role, a Action) bool {
	return r == SysAdmin || p.roles[r][a]
}

// StaffOf is the paths of the orgs whose staff s is for action a: the orgs
// of s's own grants carrying a, a system administrator's aside (not the
// orgs those grants reach below). A module that lets the org above decide
// an org's filing refuses those steps to its own staff — 兼任, a society's
// 秘书长 also on the city's staff. A nil subject is nobody's staff.
func (p *Policy) StaffOf(s *Subject, a Action) []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, g := range s.Grants {
		if g.Role != SysAdmin && p.RoleHas(g.Role, a) {
			out = append(out, g.OrgPath)
		}
	}
	return out
}

// Can reports whether s may do a on res. A nil subject (anonymous) may do
// nothing. A grant covers res when the grant's org path is a prefix of the
// resource's path; with an empty resource path any grant carrying a counts.
func (p *Policy) Can(_ context.Context, s *Subject, a Action, res Resource) bool {
	if s == nil || !p.Known(a) {
		return false
	}
	for _, g := range s.Grants {
		if !p.RoleHas(g.Role, a) {
			continue
		}
		if g.Role == SysAdmin || res.OrgPath == "" || strings.HasPrefix(res.OrgPath, g.OrgPath) {
			return true
		}
	}
	return false
}

// Check is Can returning ErrDenied instead of false.
func (p *Policy) Check(ctx context.Context, s *Subject, a Action, res Resource) error {
	if !p.Can(ctx, s, a, res) {
		return ErrDenied
	}
	return nil
}

// IsSysAdmin reports whether s holds the system administrator role.
func (s *Subject) IsSysAdmin() bool {
	if s == nil {
		return false
	}
	for _, g := range s.Grants {
		if g.Role == SysAdmin {
			return true
		}
	}
	return false
}

// HasRole reports whether s holds role r anywhere.
func (s *Subject) HasRole(r Role) bool {
	if s == nil {
		return false
	}
	for _, g := range s.Grants {
		if g.Role == r {
			return true
		}
	}
	return false
}

// foldPaths sorts paths and drops those inside another.
func foldPaths(paths []string) []string {
	sort.Strings(paths)
	out := paths[:0]
	for _, p := range paths {
		if len(out) > 0 && strings.HasPrefix(p, out[len(out)-1]) {
			continue
		}
		out = append(out, p)
	}
	return out
}
