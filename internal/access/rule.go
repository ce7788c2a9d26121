package access

import (
	"fmt"
	"net/http"
)

// RuleKind says who may reach a route at all.
type RuleKind int

// Rule kinds. The zero value is invalid on purpose: a route registered
// without a deliberate rule is refused at start and fails the route-matrix test.
const (
	invalidRule    RuleKind = iota
	PublicRule              // anyone, signed in or not (login page, health checks)
	SignedInRule            // any signed-in user (their own account pages)
	PermissionRule          // a signed-in user holding Action on the resource
)

// Rule is the access rule attached to every route.
type Rule struct {
	Kind   RuleKind
	Action Action
	// Resource finds the org a request touches (for example from the {id}
	// in its path). Nil means the action is checked "anywhere" and the
	// store scopes the data to the caller's subtrees.
	Resource func(r *http.Request) (Resource, error)
}

// Public is the rule for routes anyone may reach.
func Public() Rule { return Rule{Kind: PublicRule} }

// SignedIn is the rule for routes any signed-in user may reach.
func SignedIn() Rule { return Rule{Kind: SignedInRule} }

// Require is the rule for routes needing action a; res locates the resource
// (nil: anywhere, data scoped by the store).
func Require(a Action, res func(r *http.Request) (Resource, error)) Rule {
	return Rule{Kind: PermissionRule, Action: a, Resource: res}
}

// Validate reports why r cannot be used with policy p.
func (r Rule) Validate(p *Policy) error {
	switch r.Kind {
	case PublicRule, SignedInRule:
		return nil
	case PermissionRule:
		if !p.Known(r.Action) {
			return fmt.Errorf("access: rule names undeclared action %q", r.Action)
		}
		return nil
	default:
		return fmt.Errorf("access: route has no access rule")
	}
}
