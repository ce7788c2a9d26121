package app

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/people"
)

// registrant registers an account and returns a client signed in as it.
func (ta *testApp) registrant(t *testing.T, username string) (*client, auth.User) {
	t.Helper()
	c := ta.client(t)
	if res, _ := c.post("/register", url.Values{"username": {username}, "display_name": {"王强"}, "password": {testPassword},
		"confirm": {testPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("register %s: %d", username, res.StatusCode)
	}
	if res, _ := c.post("/login", url.Values{"username": {username}, "password": {testPassword}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: %d", username, res.StatusCode)
	}
	u, err := ta.Auth.UserByName(context.Background(), username)
	if err != nil {
		t.Fatal(err)
	}
	return c, u
}

var tokenRE = regexp.MustCompile(`(csrf_token" value=|csrf-token" content=|form_once" value=)"[^"]*"`)

// seen is a page as the registrant sees it, without what differs between
// any two accounts anyway (their username, the CSRF token).
// timeRE matches a clock time on a page: the two registrations may fall
// on either side of a second (the consent record shows when it was given).
var timeRE = regexp.MustCompile(`\d{1,2}:\d{2}(:\d{2})?`)

func seen(body, username string) string {
	return timeRE.ReplaceAllString(strings.ReplaceAll(tokenRE.ReplaceAllString(body, "$1"), username, "USER"), "TIME")
}

// Self-registration is no ID-existence oracle: the answers for a held and a
// free ID number are the same; giving numbers is rate-limited; the claim
// goes to the staff of the org owning the held record only.
func TestSelfRegistrationNoOracle(t *testing.T) {
	onBothDBs(t, func(t *testing.T, dsn string) { testSelfRegistrationNoOracle(t, newTestApp(t, dsn)) })
}

func testSelfRegistrationNoOracle(t *testing.T, ta *testApp) {
	ctx := context.Background()
	heldID, freeID := citizenID("51040219850312201"), citizenID("51040219850312203")
	held, err := ta.People.Create(ctx, people.Input{OrgID: ta.city.ID, Name: "王强", IDNumber: heldID, Employer: "攀钢"})
	if err != nil {
		t.Fatal(err)
	}
	form := func(id string) url.Values {
		return url.Values{"name": {"王强"}, "org_id": {fmt.Sprint(ta.peer.ID)}, "id_number": {id}, "phone": {"13812345678"},
			"employer": {"滁州学院"}, "consent": {"yes"}}
	}
	var answers, pages [2]string
	var users [2]auth.User
	for i, id := range []string{heldID, freeID} {
		name := []string{"reg.held", "reg.free"}[i]
		c, u := ta.registrant(t, name)
		users[i] = u
		res, body := c.post("/me", form(id))
		answers[i] = fmt.Sprint(res.StatusCode, " ", res.Header.Get("Location"), " ", seen(body, name))
		_, body = c.get("/me")
		pages[i] = seen(body, name)
	}
	if answers[0] != answers[1] || !strings.HasPrefix(answers[0], "303 /me") {
		t.Errorf("the answers differ:\nheld: %.300s\nfree: %.300s", answers[0], answers[1])
	}
	if pages[0] != pages[1] {
		a, b := pages[0], pages[1]
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Errorf("the profile pages differ at %d:\nheld: %.200s\nfree: %.200s", i, a[i:], b[i:])
	}
	if !strings.Contains(pages[0], "<code>510402************</code>") {
		t.Errorf("the profile page lacks the masked number: %.300s", pages[0])
	}

	// The sixth number given within the hour is refused, whatever it is.
	c, _ := ta.registrant(t, "reg.probe")
	for i := 1; i <= people.IDAttemptsPerUser+1; i++ {
		res, body := c.post("/me", url.Values{"name": {"试探"}, "org_id": {fmt.Sprint(ta.peer.ID)}, "id_number": {fmt.Sprintf("51040219850312%03dX", i)}})
		want := http.StatusUnprocessableEntity
		if i > people.IDAttemptsPerUser {
			want = http.StatusTooManyRequests
		}
		if res.StatusCode != want || (want == http.StatusTooManyRequests) != strings.Contains(body, "次数过多") {
			t.Fatalf("attempt %d: %d, want %d", i, res.StatusCode, want)
		}
	}

	// The claim: the owning city's staff see and confirm it, another
	// city's staff neither see nor resolve it.
	peerStaff, _ := ta.user(t, "peerclerk", access.OrgStaff, ta.peer)
	_, body := peerStaff.get("/people/claims")
	if strings.Contains(body, "/people/claims/") {
		t.Errorf("another city's staff see the claim")
	}
	cityStaff, _ := ta.user(t, "cityclerk", access.OrgStaff, ta.city)
	_, body = cityStaff.get("/people/claims")
	m := regexp.MustCompile(`/people/claims/(\d+)/confirm`).FindStringSubmatch(body)
	if m == nil || !strings.Contains(body, "滁州学院") {
		t.Fatalf("the owning city's staff do not see the claim: %.600s", body)
	}
	if res, _ := peerStaff.post("/people/claims/"+m[1]+"/confirm", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("another city's staff confirm: %d", res.StatusCode)
	}
	if res, _ := cityStaff.post("/people/claims/"+m[1]+"/confirm", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d", res.StatusCode)
	}
	if own, err := ta.People.OwnProfile(ctx, users[0].ID); err != nil || own.ID != held.ID {
		t.Errorf("after confirming, the account owns %d (%v), want %d", own.ID, err, held.ID)
	}
	if own, err := ta.People.OwnProfile(ctx, users[1].ID); err != nil || own.ID == held.ID {
		t.Errorf("the free number's account: %d %v", own.ID, err)
	}
}
