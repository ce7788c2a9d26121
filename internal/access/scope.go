package access

import "strings"

// Scope is the set of org subtrees in which a subject may do an action, the
// value every list, export and count query takes. Its zero value holds
// nothing: a handler or store that forgets to set a scope shows no rows,
// never every row. "Everywhere" exists only through the explicit Everywhere
// constructor, which the policy returns for system administrators.
type Scope struct {
	all   bool
	paths []string // materialized org paths, sorted, none inside another
}

// Everywhere is the scope of a system administrator: every org.
func Everywhere() Scope { return Scope{all: true} }

// Subtrees is the scope of the given org paths and everything under them.
// Nested paths fold into their ancestors; empty paths are ignored, so
// Subtrees() and Subtrees("") hold nothing.
func Subtrees(paths ...string) Scope {
	ps := make([]string, 0, len(paths))
	for _, p := range paths {
		if p != "" {
			ps = append(ps, p)
		}
	}
	return Scope{paths: foldPaths(ps)}
}

// All reports whether the scope is every org.
func (s Scope) All() bool { return s.all }

// None reports whether the scope holds no org at all.
func (s Scope) None() bool { return !s.all && len(s.paths) == 0 }

// Paths returns the subtree roots of a limited scope (nil for Everywhere or
// for nothing); callers must check All first.
func (s Scope) Paths() []string { return append([]string(nil), s.paths...) }

// Contains reports whether the org at path lies in the scope. An empty path
// is in no scope but Everywhere.
func (s Scope) Contains(path string) bool {
	if s.all {
		return true
	}
	if path == "" {
		return false
	}
	for _, p := range s.paths {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// Within narrows the scope to the subtree at path: the whole subtree when the
// scope contains path, the parts of the scope under path otherwise (a user
// granted two counties who looks at their city sees those two counties).
func (s Scope) Within(path string) Scope {
	if path == "" {
		return Scope{}
	}
	if s.Contains(path) {
		return Scope{paths: []string{path}}
	}
	var in []string
	for _, p := range s.paths {
		if strings.HasPrefix(p, path) {
			in = append(in, p)
		}
	}
	return Scope{paths: in}
}

// Union is the scope holding what s or t holds.
func (s Scope) Union(t Scope) Scope {
	if s.all || t.all {
		return Everywhere()
	}
	return Subtrees(append(s.Paths(), t.paths...)...)
}

// String describes the scope for logs and test messages.
func (s Scope) String() string {
	switch {
	case s.all:
		return "everywhere"
	case len(s.paths) == 0:
		return "nothing"
	}
	return strings.Join(s.paths, ",")
}

// Scope returns the scope in which sub may do a: Everywhere for a system
// administrator, the subtrees of the grants carrying a otherwise, nothing
// for an anonymous subject or an undeclared action.
func (p *Policy) Scope(sub *Subject, a Action) Scope {
	if sub == nil || !p.Known(a) {
		return Scope{}
	}
	var paths []string
	for _, g := range sub.Grants {
		if g.Role == SysAdmin {
			return Everywhere()
		}
		if p.RoleHas(g.Role, a) {
			paths = append(paths, g.OrgPath)
		}
	}
	return Subtrees(paths...)
}
