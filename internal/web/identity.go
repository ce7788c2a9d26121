package web

import (
	"context"
	"net/http"

	"kexie/internal/access"
)

// Identity is who is making a request, as the Authenticator found it.
type Identity struct {
	Subject   *access.Subject
	SessionID string // hash of the session token; "" when anonymous
	// MFAPending is true between the password step and the second factor:
	// such a session may reach only the 2FA page.
	MFAPending bool
	// MustEnroll2FA is true for administrators who have not set up 2FA yet:
	// they may reach only the enrolment pages until they do.
	MustEnroll2FA bool
	// MustChangePassword is true while the user signs in with a password
	// someone else set (the one-time administrator password printed at
	// first start, an administrator's reset): they may reach only the
	// change-password page and logout until they choose their own.
	MustChangePassword bool
	Locale             string
	CurrentOrgID       int64
}

// Authenticator loads the identity behind a request (package auth provides
// it). It returns a nil *Identity for anonymous requests, and may refresh the
// session cookie through w.
type Authenticator interface {
	Authenticate(w http.ResponseWriter, r *http.Request) (*Identity, error)
}

type identityKey struct{}

// IdentityFrom returns the request's identity, or nil when anonymous.
func IdentityFrom(ctx context.Context) *Identity {
	id, _ := ctx.Value(identityKey{}).(*Identity)
	return id
}

// SubjectFrom returns the signed-in subject, or nil.
func SubjectFrom(ctx context.Context) *access.Subject {
	if id := IdentityFrom(ctx); id != nil {
		return id.Subject
	}
	return nil
}

// WithIdentity returns ctx carrying id (for tests and the auth middleware).
func WithIdentity(ctx context.Context, id *Identity) context.Context {
	return context.WithValue(ctx, identityKey{}, id)
}
