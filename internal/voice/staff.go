package voice

import (
	"context"
	"errors"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// GrantStaff is the Staff package app wires from the accounts: a user may
// handle an org's items when one of their grants carries voice.handle on
// an org at or above it.
type GrantStaff struct {
	// User finds an enabled account by user name (db.ErrNotFound for none).
	User func(ctx context.Context, username string) (Person, error)
	// Grants lists the roles a user holds, with their orgs' paths.
	Grants func(ctx context.Context, userID int64) ([]access.Grant, error)
	Policy *access.Policy
}

// Handler implements Staff.
func (g GrantStaff) Handler(ctx context.Context, username, orgPath string) (Person, error) {
	p, err := g.User(ctx, username)
	if errors.Is(err, db.ErrNotFound) {
		return Person{}, valid.New("handler", "voice.err.handler")
	}
	if err != nil {
		return Person{}, err
	}
	grants, err := g.Grants(ctx, p.UserID)
	if err != nil {
		return Person{}, err
	}
	for _, gr := range grants {
		if g.Policy.RoleHas(gr.Role, "voice.handle") && strings.HasPrefix(orgPath, gr.OrgPath) {
			return p, nil
		}
	}
	return Person{}, valid.New("handler", "voice.err.handler")
}
