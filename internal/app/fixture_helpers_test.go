package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"kexie/internal/auth"
	"kexie/internal/org"
)

// The fixtures of the route matrix and the page walk (event, kepu, review,
// society, survey, volunteer, and the no-grant seeds) build the same rows
// twice: once in the city, whose staff the matrix signs in, and once in the
// peer city, out of their reach. These are the steps they share.

// cities are the two cities a fixture builds in: the city, then the peer.
func (ta *testApp) cities() []org.Org { return []org.Org{ta.city, ta.peer} }

// must stops the test on err: a fixture cannot go on without the row it
// just tried to make.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// newSociety creates a society under parent.
func newSociety(t testing.TB, ta *testApp, parent int64, code, name string) org.Org {
	t.Helper()
	o, err := ta.Orgs.Create(context.Background(), org.Input{ParentID: parent, Code: code, Name: name, Type: org.TypeSociety})
	must(t, err)
	return o
}

// newAccount creates a user who holds no grant yet.
func newAccount(t testing.TB, ta *testApp, name string) auth.User {
	t.Helper()
	u, err := ta.Auth.CreateUser(context.Background(), authInput(name))
	must(t, err)
	return u
}

// fillIDs replaces a fixture's placeholders in a matrix URL or form value:
// pairs alternate a placeholder such as "{event}" and its id or code.
func fillIDs(s string, pairs ...any) string {
	old := make([]string, len(pairs))
	for i, p := range pairs {
		old[i] = fmt.Sprint(p)
	}
	return strings.NewReplacer(old...).Replace(s)
}
