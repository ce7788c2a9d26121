// Package auth holds accounts, password hashing, sessions, two-factor
// authentication, lockout and role grants, and the pages for signing in,
// one's own account and user administration.
//
// It never renders another module's pages and never decides authorization
// itself: it loads the Subject and package access decides.
package auth
