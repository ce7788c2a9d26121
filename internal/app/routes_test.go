package app

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
	"kexie/internal/plan"
	"kexie/internal/std"
)

// The roles the matrix walks, from none to all.
var matrixRoles = []string{"anonymous", "member", "reviewer", "org_staff", "org_admin", "sysadmin"}

// Who may pass each route's access rule. Grants are on the city org (the
// system administrator's on the root); URLs point into the city unless the
// case says otherwise. Every registered route must appear here.
var (
	public   = []string{"anonymous", "member", "reviewer", "org_staff", "org_admin", "sysadmin"}
	signedIn = []string{"member", "reviewer", "org_staff", "org_admin", "sysadmin"}
	admins   = []string{"org_admin", "sysadmin"}
	staff    = []string{"org_staff", "org_admin", "sysadmin"}
)

type matrixCase struct {
	route string // "METHOD /pattern" as registered
	url   string // concrete URL; {city}, {peer}, {user}, {grant} are filled in
	form  url.Values
	allow []string
}

func matrixCases() []matrixCase {
	// Each module's rows, then the platform's.
	return slices.Concat(
		reviewMatrix(),
		kepuMatrix(),
		eventMatrix(),
		societyMatrix(),
		volunteerMatrix(),
		fundingMatrix(),
		surveyMatrix(),
		notifyMatrix(),
		voiceMatrix(),
		innovationMatrix(),
		dashboardMatrix(),
		conferenceMatrix(),
		youthMatrix(),
		statsMatrix(),
		[]matrixCase{
			{"GET /healthz", "/healthz", nil, public},
			{"GET /readyz", "/readyz", nil, public},
			{"GET /metrics", "/metrics", nil, public},
			{"POST /lang", "/lang", url.Values{"lang": {"en"}}, public},
			{"GET /login", "/login", nil, public},
			{"POST /login", "/login", url.Values{"username": {"nobody"}, "password": {"x"}}, public},
			{"GET /login/2fa", "/login/2fa", nil, public},
			{"POST /login/2fa", "/login/2fa", url.Values{"code": {"000000"}}, public},
			{"GET /register", "/register", nil, public},
			{"POST /register", "/register", url.Values{"username": {"x"}}, public},
			{"GET /{$}", "/", nil, public}, // visitors get the public portal
			{"GET /std/regions", "/std/regions?q=攀枝花", nil, signedIn},
			{"GET /std/disciplines", "/std/disciplines?q=数学", nil, signedIn},
			{"GET /audit", "/audit", nil, admins},
			{"GET /orgs", "/orgs", nil, signedIn},
			{"GET /orgs/lookup", "/orgs/lookup?q=市", nil, signedIn},
			{"GET /orgs/tree", "/orgs/tree?parent={city}", nil, signedIn},
			{"GET /orgs/tree", "/orgs/tree?parent={peer}", nil, []string{"sysadmin"}},
			{"GET /setup", "/setup", nil, public},
			{"POST /setup", "/setup", url.Values{"token": {"x"}}, public},
			{"GET /orgs/new", "/orgs/new?parent={city}", nil, admins},
			{"POST /orgs", "/orgs", url.Values{"parent_id": {"{city}"}, "name": {"某学会"}, "type": {"society"}}, admins},
			{"GET /orgs/{id}", "/orgs/{city}", nil, signedIn},
			{"GET /orgs/{id}", "/orgs/{peer}", nil, []string{"sysadmin"}},
			{"POST /orgs/{id}", "/orgs/{city}", url.Values{"name": {""}}, admins},
			{"POST /orgs/{id}", "/orgs/{peer}", url.Values{"name": {""}}, []string{"sysadmin"}},
			{"GET /orgs/{id}/edit", "/orgs/{city}/edit", nil, admins},
			{"GET /orgs/{id}/move", "/orgs/{city}/move", nil, admins},
			{"POST /orgs/{id}/move", "/orgs/{city}/move", url.Values{"parent_code": {"NOPE"}}, admins},
			{"POST /orgs/{id}/move", "/orgs/{peer}/move", url.Values{"parent_code": {"NOPE"}}, []string{"sysadmin"}},
			// Disabling is decided above the org: the city's by the root's admins.
			{"GET /orgs/{id}/disable", "/orgs/{city}/disable", nil, []string{"sysadmin"}},
			{"POST /orgs/{id}/disable", "/orgs/{root}/disable", nil, []string{"sysadmin"}},
			{"POST /orgs/{id}/enable", "/orgs/{city}/enable", nil, []string{"sysadmin"}},
			{"GET /account", "/account", nil, signedIn},
			{"GET /account/2fa", "/account/2fa", nil, signedIn},
			{"POST /account/2fa", "/account/2fa", url.Values{"code": {"000000"}}, signedIn},
			{"POST /account/2fa/disable", "/account/2fa/disable", url.Values{"current": {"wrong"}}, signedIn},
			{"POST /account/2fa/recovery", "/account/2fa/recovery", nil, signedIn},
			{"POST /account/org", "/account/org", url.Values{"org_id": {"{city}"}}, signedIn},
			{"GET /account/password", "/account/password", nil, signedIn},
			{"POST /account/password", "/account/password", url.Values{"current": {"x"}}, signedIn},
			{"POST /account/sessions/{id}/revoke", "/account/sessions/0000000000000000/revoke", nil, signedIn},
			{"GET /users", "/users", nil, admins},
			{"GET /users/lookup", "/users/lookup?action=user.view&q=a", nil, signedIn}, // the user picker: nobody outside the scope (TestUserLookup)
			{"GET /users/new", "/users/new", nil, admins},
			{"POST /users", "/users", url.Values{"org_id": {"{city}"}, "role": {"member"}}, admins},
			{"GET /users/{id}", "/users/{user}", nil, admins},
			{"POST /users/{id}/grants", "/users/{user}/grants", url.Values{"org_code": {"NOPE"}, "role": {"member"}}, admins},
			{"POST /users/{id}/grants/{gid}/revoke", "/users/{user}/grants/{grant}/revoke", nil, admins},
			{"GET /users/{id}/edit", "/users/{user}/edit", nil, admins},
			{"POST /users/{id}/edit", "/users/{user}/edit", url.Values{"display_name": {""}}, admins},
			{"POST /users/{id}/disable", "/users/{user}/disable", nil, admins},
			{"POST /users/{id}/enable", "/users/{user}/enable", nil, admins},
			{"POST /users/{id}/unlock", "/users/{user}/unlock", nil, admins},
			{"POST /users/{id}/password", "/users/{user}/password", nil, admins},
			{"POST /users/{id}/2fa", "/users/{user}/2fa", nil, admins},
			{"GET /people", "/people", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"GET /people/new", "/people/new", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"GET /people/import", "/people/import", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"GET /people/import/template", "/people/import/template", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /people/import", "/people/import", url.Values{"org_id": {"{city}"}}, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /people/import", "/people/import", url.Values{"org_id": {"{peer}"}}, []string{"sysadmin"}},
			{"GET /people/import/jobs/{id}", "/people/import/jobs/{job}", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"GET /people/import/jobs/{id}", "/people/import/jobs/{peerjob}", nil, []string{"sysadmin"}},
			{"GET /people/import/jobs/{id}/status", "/people/import/jobs/{job}/status", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"GET /people/import/jobs/{id}/status", "/people/import/jobs/{peerjob}/status", nil, []string{"sysadmin"}},
			{"POST /people/import/jobs/{id}/cancel", "/people/import/jobs/{job}/cancel", nil, staff},
			{"POST /people/import/jobs/{id}/cancel", "/people/import/jobs/{peerjob}/cancel", nil, []string{"sysadmin"}},
			{"GET /admin/jobs", "/admin/jobs", nil, admins},
			{"GET /admin/jobs/{id}", "/admin/jobs/{job}", nil, admins},
			{"GET /admin/jobs/{id}", "/admin/jobs/{peerjob}", nil, []string{"sysadmin"}},
			{"POST /admin/jobs/{id}/cancel", "/admin/jobs/{job}/cancel", nil, admins},
			{"POST /admin/jobs/{id}/cancel", "/admin/jobs/{peerjob}/cancel", nil, []string{"sysadmin"}},
			{"POST /people/import/report", "/people/import/report", url.Values{"errors": {`[{"row":1,"column":"姓名","code":"x","message":"m"}]`}}, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /people", "/people", url.Values{"org_id": {"{city}"}, "name": {""}}, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /people", "/people", url.Values{"org_id": {"{peer}"}, "name": {""}}, []string{"sysadmin"}},
			{"GET /people/{id}", "/people/{person}", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"GET /people/{id}", "/people/{peerperson}", nil, []string{"sysadmin"}},
			{"GET /people/edit/{id}", "/people/edit/{person}", nil, staff},
			{"GET /people/edit/{id}", "/people/edit/{peerperson}", nil, []string{"sysadmin"}},
			{"POST /people/{id}/edit", "/people/{person}/edit", url.Values{"name": {""}}, staff},
			{"POST /people/{id}/edit", "/people/{peerperson}/edit", url.Values{"name": {""}}, []string{"sysadmin"}},
			{"GET /people/delete/{id}", "/people/delete/{person}", nil, staff},
			{"GET /people/delete/{id}", "/people/delete/{peerperson}", nil, []string{"sysadmin"}},
			{"POST /people/{id}/delete", "/people/{person}/delete", url.Values{"reason": {"x"}}, staff},
			{"POST /people/{id}/delete", "/people/{peerperson}/delete", url.Values{"reason": {"x"}}, []string{"sysadmin"}},
			{"POST /people/{id}/items", "/people/{person}/items", url.Values{"kind": {"paper"}}, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /people/{id}/items", "/people/{peerperson}/items", url.Values{"kind": {"paper"}}, []string{"sysadmin"}},
			{"POST /people/{id}/memberships", "/people/{person}/memberships", url.Values{"org_code": {"PZH"}}, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /people/{id}/memberships", "/people/{peerperson}/memberships", url.Values{"org_code": {"PZH"}}, []string{"sysadmin"}},
			{"GET /people/pools", "/people/pools", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /people/pools", "/people/pools", url.Values{"org_id": {"{city}"}}, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /people/pools", "/people/pools", url.Values{"org_id": {"{peer}"}}, []string{"sysadmin"}},
			{"GET /people/pools/{id}", "/people/pools/{pool}", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"GET /people/pools/{id}", "/people/pools/{peerpool}", nil, []string{"sysadmin"}},
			{"POST /people/pools/{id}/add", "/people/pools/{pool}/add", url.Values{"q": {"张"}}, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /people/pools/{id}/add", "/people/pools/{peerpool}/add", url.Values{"q": {"张"}}, []string{"sysadmin"}},
			{"POST /people/pools/add", "/people/pools/add", url.Values{"pool": {"{pool}"}}, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /people/pools/add", "/people/pools/add", url.Values{"pool": {"{peerpool}"}}, []string{"sysadmin"}},
			{"GET /plans", "/plans", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /plans", "/plans", url.Values{"org_id": {"{city}"}}, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /plans", "/plans", url.Values{"org_id": {"{peer}"}}, []string{"sysadmin"}},
			{"GET /plans/{id}", "/plans/{plan}", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"GET /plans/{id}", "/plans/{peerplan}", nil, []string{"sysadmin"}},
			{"POST /plans/{id}/indicators/{iid}", "/plans/{plan}/indicators/1", url.Values{"metric": {""}}, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /plans/{id}/indicators/{iid}", "/plans/{peerplan}/indicators/1", url.Values{"metric": {""}}, []string{"sysadmin"}},
			{"POST /plans/{id}/indicators/{iid}/delete", "/plans/{plan}/indicators/1/delete", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /plans/{id}/indicators/{iid}/delete", "/plans/{peerplan}/indicators/1/delete", nil, []string{"sysadmin"}},
			{"POST /plans/{id}/publish", "/plans/{peerplan}/publish", nil, []string{"sysadmin"}},
			{"POST /plans/{id}/publish", "/plans/{plan}/publish", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"GET /plans/tasks", "/plans/tasks", nil, staff},
			{"GET /plans/compare", "/plans/compare?q=科学素质", nil, staff},
			{"GET /plans/{id}/source", "/plans/{track}/source", nil, staff},
			{"GET /plans/{id}/source", "/plans/{peerplan}/source", nil, []string{"sysadmin"}},
			{"POST /plans/{id}/sections", "/plans/{plan}/sections", url.Values{"title": {""}}, staff},
			{"POST /plans/{id}/sections", "/plans/{peerplan}/sections", url.Values{"title": {""}}, []string{"sysadmin"}},
			{"POST /plans/{id}/indicators", "/plans/{plan}/indicators", url.Values{"metric": {""}}, staff},
			{"POST /plans/{id}/units/add", "/plans/{plan}/units/add", url.Values{"name": {""}}, staff},
			{"GET /plans/{id}/units", "/plans/{plan}/units", nil, staff},
			{"GET /plans/{id}/units", "/plans/{peerplan}/units", nil, []string{"sysadmin"}},
			{"GET /plans/{id}/unassigned", "/plans/{plan}/unassigned", nil, staff},
			{"GET /plans/{id}/unassigned", "/plans/{peerplan}/unassigned", nil, []string{"sysadmin"}},
			{"POST /plans/{id}/units", "/plans/{plan}/units", nil, staff},
			{"POST /plans/{id}/indicators/{iid}/assign", "/plans/{track}/indicators/{tind}/assign", url.Values{"org_id": {"{peer}"}}, staff},
			{"POST /plans/{id}/indicators/{iid}/source", "/plans/{track}/indicators/{tind}/source", url.Values{"source": {"nope.x"}}, staff},
			{"POST /plans/{id}/indicators/{iid}/source", "/plans/{peerplan}/indicators/{peerind}/source", url.Values{"source": {"nope.x"}}, []string{"sysadmin"}},
			{"GET /plans/{id}/indicators/{iid}", "/plans/{track}/indicators/{tind}", nil, staff},
			{"GET /plans/{id}/indicators/{iid}", "/plans/{peerplan}/indicators/{peerind}", nil, []string{"sysadmin"}},
			{"POST /plans/{id}/indicators/{iid}/progress", "/plans/{track}/indicators/{tind}/progress", url.Values{"value": {""}}, staff},
			{"POST /plans/{id}/indicators/{iid}/progress", "/plans/{peerplan}/indicators/{peerind}/progress", url.Values{"value": {""}}, []string{"sysadmin"}},
			{"POST /plans/{id}/progress/{pid}/review", "/plans/{track}/progress/{tprog}/review", url.Values{"decision": {"return"}}, staff},
			{"POST /plans/{id}/indicators/{iid}/progress/{pid}/withdraw", "/plans/{track}/indicators/{tind}/progress/{tprog}/withdraw", nil, staff},
			{"POST /plans/{id}/indicators/{iid}/progress/{pid}/withdraw", "/plans/{peerplan}/indicators/{peerind}/progress/{tprog}/withdraw", nil, []string{"sysadmin"}},
			{"GET /plans/{id}/evidence/{fid}", "/plans/{track}/evidence/{tfile}", nil, staff},
			{"POST /plans/{id}/close", "/plans/{peerplan}/close", nil, []string{"sysadmin"}},
			{"GET /plans/{id}/dashboard", "/plans/{track}/dashboard", nil, staff},
			{"GET /plans/{id}/dashboard", "/plans/{peerplan}/dashboard", nil, []string{"sysadmin"}},
			{"POST /plans/{id}/evaluations", "/plans/{track}/evaluations", url.Values{"kind": {"x"}}, staff},
			{"GET /plans/{id}/evaluations/{eid}", "/plans/{track}/evaluations/{teval}", nil, staff},
			{"POST /plans/{id}/evaluations/{eid}", "/plans/{track}/evaluations/{teval}", nil, staff},
			{"GET /plans/{id}/evaluations/{eid}/export", "/plans/{track}/evaluations/{teval}/export", nil, staff},
			{"GET /plans/{id}/evaluations/{eid}/print", "/plans/{track}/evaluations/{teval}/print", nil, staff},
			{"GET /me", "/me", nil, signedIn},
			{"POST /me", "/me", url.Values{"name": {""}}, signedIn},
			{"GET /me/data", "/me/data", nil, signedIn},
			{"POST /me/delete", "/me/delete", nil, signedIn},
			{"GET /people/deletions", "/people/deletions", nil, admins},
			{"POST /people/deletions/{id}/resolve", "/people/deletions/{deletion}/resolve", nil, admins},
			{"POST /people/deletions/{id}/resolve", "/people/deletions/{peerdeletion}/resolve", nil, []string{"sysadmin"}},
			{"GET /people/claims", "/people/claims", nil, staff},
			{"POST /people/claims/{id}/confirm", "/people/claims/{claim}/confirm", nil, staff},
			{"POST /people/claims/{id}/refuse", "/people/claims/{claim}/refuse", nil, staff},
			{"POST /people/claims/{id}/confirm", "/people/claims/{peerclaim}/confirm", nil, []string{"sysadmin"}},
			{"GET /members/units", "/members/units", nil, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /members/units", "/members/units", url.Values{"org_id": {"{city}"}}, []string{"org_staff", "org_admin", "sysadmin"}},
			{"POST /members/units", "/members/units", url.Values{"org_id": {"{peer}"}}, []string{"sysadmin"}},
			{"POST /people/{id}/reveal", "/people/{person}/reveal", url.Values{"field": {"phone"}}, admins},
			{"POST /people/{id}/reveal", "/people/{peerperson}/reveal", url.Values{"field": {"phone"}}, []string{"sysadmin"}},
			// Last: it ends the client's session.
			{"POST /logout", "/logout", nil, signedIn},
		})
}

func TestRouteAccessMatrix(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx := context.Background()

	// Every registered route has a valid rule and at least one case.
	covered := map[string]bool{}
	for _, c := range matrixCases() {
		covered[c.route] = true
	}
	for _, rt := range ta.Site.Routes() {
		key := rt.Method + " " + rt.Pattern
		if err := rt.Rule.Validate(ta.Policy); err != nil {
			t.Errorf("route %s: %v", key, err)
		}
		if !covered[key] {
			t.Errorf("route %s has no row in the access matrix: add one", key)
		}
		delete(covered, key)
	}
	for k := range covered {
		t.Errorf("matrix row %s matches no registered route", k)
	}

	clients := map[string]*client{"anonymous": ta.client(t)}
	for _, role := range matrixRoles[1:] {
		o := ta.city
		if role == "sysadmin" {
			o = ta.root
		}
		clients[role], _ = ta.user(t, "m_"+strings.ReplaceAll(role, "_", ""), access.Role(role), o)
	}
	target := newAccount(t, ta, "target")
	must(t, ta.Auth.Grant(ctx, target.ID, ta.city.ID, access.Member, 0))
	grants, _ := ta.Auth.Grants(ctx, target.ID)
	person, err := ta.People.Create(ctx, people.Input{OrgID: ta.city.ID, Name: "张伟", Phone: "13812345678"})
	must(t, err)
	peerPerson, err := ta.People.Create(ctx, people.Input{OrgID: ta.peer.ID, Name: "李娜", Phone: "13912345678"})
	must(t, err)
	delUser := newAccount(t, ta, "leaver")
	delUser2 := newAccount(t, ta, "leaver2")
	var delIDs [2]int64
	for i, x := range []struct {
		uid   int64
		org   int64
		phone string
	}{{delUser.ID, ta.city.ID, "13700000001"}, {delUser2.ID, ta.peer.ID, "13700000002"}} {
		_, err = ta.People.CreateOwn(ctx, x.uid, people.Input{OrgID: x.org, Name: "离开者", Phone: x.phone}, true)
		must(t, err)
		must(t, ta.People.RequestDeletion(ctx, x.uid, ""))
		reqs, _ := ta.People.DeletionRequests(ctx, access.Everywhere())
		for _, q := range reqs {
			if q.Status == "pending" && delIDs[0] != q.ID {
				delIDs[i] = q.ID
			}
		}
	}
	// A claim to a record of each city (self_claim.go).
	var claimIDs [2]int64
	for i, o := range []int64{ta.city.ID, ta.peer.ID} {
		first := fmt.Sprintf("5104021985031220%d", 1+2*i)
		number := first + string(std.CitizenIDCheckDigit(first))
		_, err = ta.People.Create(ctx, people.Input{OrgID: o, Name: "王强", IDNumber: number})
		must(t, err)
		u := newAccount(t, ta, fmt.Sprintf("claimant%d", i))
		_, err = ta.People.CreateOwn(ctx, u.ID, people.Input{OrgID: o, Name: "王强", IDNumber: number}, true)
		must(t, err)
		cs, _ := ta.People.Claims(ctx, access.Everywhere())
		claimIDs[i] = cs[0].ID // newest first
	}
	pool, err := ta.People.CreatePool(ctx, ta.city.ID, "评审专家库", "")
	must(t, err)
	peerPool, err := ta.People.CreatePool(ctx, ta.peer.ID, "评审专家库", "")
	must(t, err)
	planStore := plan.NewStore(ta.DB, ta.Orgs)
	doc, err := plan.Ingest(strings.NewReader("某市科协规划\n一、目标\n到2025年，建成15个科普基地。"))
	must(t, err)
	planID, err := planStore.Save(ctx, ta.city.ID, doc, "a.txt", "", nil)
	must(t, err)
	peerPlanID, err := planStore.Save(ctx, ta.peer.ID, doc, "a.txt", "", nil)
	must(t, err)
	peerPlan, err := planStore.Get(ctx, peerPlanID)
	if err != nil || len(peerPlan.Indicators) == 0 {
		t.Fatal(err, peerPlan)
	}
	tf := newTrackFixture(t, ta, ta.city.ID)
	// A finished import job (a dry run of an empty file) in each org.
	t.Cleanup(ta.RunJobs(ctx))
	importJob := func(orgID int64) int64 {
		id, err := ta.People.EnqueueImport(ctx, strings.NewReader("姓名,身份证号,手机号,工作单位,地区代码\n"), "job.csv", orgID, 0, true)
		must(t, err)
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			if j, err := ta.People.ImportJob(ctx, id); err == nil && j.Done() {
				return id
			} else if time.Now().After(deadline) {
				t.Fatalf("import job %d: %+v %v", id, j, err)
			}
		}
	}
	jobID, peerJobID := importJob(ta.city.ID), importJob(ta.peer.ID)
	rf := newReviewFixture(t, ta)
	kf := newKepuFixture(t, ta)
	ef := newEventFixture(t, ta)
	sf := newSocietyFixture(t, ta)
	vf := newVolunteerFixture(t, ta)
	svf := newSurveyFixture(t, ta)
	ff := newFundingFixture(t, ta)
	vof := newVoiceFixture(t, ta)
	inf := newInnovationFixture(t, ta)
	cof := newConferenceFixture(t, ta)
	yf := newYouthFixture(t, ta)
	res, peerRes := resourceIDs(t, ta)
	fill := strings.NewReplacer("{res}", fmt.Sprint(res), "{peerres}", fmt.Sprint(peerRes), "{job}", fmt.Sprint(jobID), "{peerjob}", fmt.Sprint(peerJobID), "{track}", fmt.Sprint(tf.Plan), "{tind}", fmt.Sprint(tf.Indicator), "{tprog}", fmt.Sprint(tf.Progress),
		"{tfile}", fmt.Sprint(tf.File), "{teval}", fmt.Sprint(tf.Eval), "{peerind}", fmt.Sprint(peerPlan.Indicators[0].ID),
		"{plan}", fmt.Sprint(planID), "{peerplan}", fmt.Sprint(peerPlanID), "{pool}", fmt.Sprint(pool.ID), "{peerpool}", fmt.Sprint(peerPool.ID), "{deletion}", fmt.Sprint(delIDs[0]), "{claim}", fmt.Sprint(claimIDs[0]), "{peerclaim}", fmt.Sprint(claimIDs[1]), "{peerdeletion}", fmt.Sprint(delIDs[1]), "{city}", fmt.Sprint(ta.city.ID), "{peer}", fmt.Sprint(ta.peer.ID), "{root}", fmt.Sprint(ta.root.ID),
		"{user}", fmt.Sprint(target.ID), "{grant}", fmt.Sprint(grants[0].ID),
		"{person}", fmt.Sprint(person.ID), "{peerperson}", fmt.Sprint(peerPerson.ID))

	for _, c := range matrixCases() {
		allowed := map[string]bool{}
		for _, r := range c.allow {
			allowed[r] = true
		}
		for _, role := range matrixRoles {
			name := fmt.Sprintf("%s %s as %s", c.route, c.url, role)
			t.Run(name, func(t *testing.T) {
				cl := clients[role]
				u := yf.fill(cof.fill(inf.fill(vof.fill(ff.fill(svf.fill(vf.fill(sf.fill(ef.fill(kf.fill(rf.fill(fill.Replace(c.url))))))))))))
				var res *http.Response
				var body string
				if strings.HasPrefix(c.route, "GET ") {
					res, body = cl.get(u)
				} else {
					form := url.Values{}
					for k, vs := range c.form {
						for _, v := range vs {
							form.Add(k, fill.Replace(v))
						}
					}
					res, body = cl.post(u, form)
				}
				denied := res.Header.Get("X-Access") == "denied"
				if denied == allowed[role] {
					t.Errorf("got status %d (denied=%v), want allowed=%v; body: %.200s", res.StatusCode, denied, allowed[role], body)
				}
				if denied && res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound &&
					res.StatusCode != http.StatusUnauthorized && res.StatusCode != http.StatusSeeOther {
					t.Errorf("denial answered %d", res.StatusCode)
				}
				if res.StatusCode >= 500 {
					t.Errorf("server error %d: %.300s", res.StatusCode, body)
				}
				if !allowed[role] && role != "anonymous" && peerRE.MatchString(c.url+fmt.Sprint(c.form)) {
					// A record of the peer city is, to whoever may not reach
					// it, a record that does not exist: same status, same
					// header, same redirect.
					absent := func(s string) string { return peerRE.ReplaceAllString(s, absentID) }
					au := inf.fill(vof.fill(ff.fill(svf.fill(vf.fill(sf.fill(ef.fill(kf.fill(rf.fill(fill.Replace(absent(c.url)))))))))))
					var ares *http.Response
					var abody string
					if strings.HasPrefix(c.route, "GET ") {
						ares, abody = cl.get(au)
					} else {
						form := url.Values{}
						for k, vs := range c.form {
							for _, v := range vs {
								form.Add(k, fill.Replace(absent(v)))
							}
						}
						ares, abody = cl.post(au, form)
					}
					if ares.StatusCode != res.StatusCode || ares.Header.Get("X-Access") != res.Header.Get("X-Access") ||
						ares.Header.Get("Location") != res.Header.Get("Location") {
						t.Errorf("out of scope answered %d %q %q, absent %d %q %q: existence shows; bodies %.120s | %.120s",
							res.StatusCode, res.Header.Get("X-Access"), res.Header.Get("Location"),
							ares.StatusCode, ares.Header.Get("X-Access"), ares.Header.Get("Location"), errorText(body), errorText(abody))
					}
				}
			})
		}
	}
}

// peerRE finds the placeholders of the peer city's records in a matrix case;
// absentID is an ID no fixture creates.
var peerRE = regexp.MustCompile(`\{peer[a-z]*\}`)

const absentID = "4611686018427387903"

// errorText is the visible text of an answer, for messages.
func errorText(body string) string { return strings.Join(strings.Fields(stripTags(body)), " ") }

func TestEveryPageRenders(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	admin, _ := ta.user(t, "pageadmin", access.SysAdmin, ta.root)
	pages := []string{"/", "/orgs", "/orgs?q=市", "/orgs?under=" + fmt.Sprint(ta.city.ID), "/orgs/" + fmt.Sprint(ta.city.ID),
		"/orgs/new?parent=" + fmt.Sprint(ta.city.ID), "/orgs/" + fmt.Sprint(ta.city.ID) + "/edit",
		"/orgs/" + fmt.Sprint(ta.city.ID) + "/move", "/users", "/users/new", "/account", "/account/2fa", "/account/password", "/audit",
		"/audit?action=org.&actor=page", "/admin/jobs", "/people", "/people/new", "/people/import", "/members/units", "/no/such/page",
		"/plans", "/plans/tasks", "/plans/compare", "/plans/compare?q=科学素质",
		"/calls", "/review/calls", "/review/calls?q=奖&kind=award&sort=-closes", "/review/calls/new", "/review/calls/new?template=research",
		"/review/mine", "/review/assignments", "/review/recommend", "/review/results", "/review/results?year=2026&sort=-reports", "/admin/calendar", "/admin/calendar?year=2027",
		"/volunteer", "/volunteer/opportunities", "/volunteer/claims/review", "/volunteers", "/volunteers/import", "/volunteers/publicity", "/cert/2222-2222-2222", "/funding"}
	pages = append(pages, notifyPages...)
	tf := newTrackFixture(t, ta, ta.city.ID)
	for _, f := range []string{"/plans/%d", "/plans/%d/units", "/plans/%d/dashboard", "/plans/%d/indicators/" + fmt.Sprint(tf.Indicator),
		"/plans/%d/evaluations/" + fmt.Sprint(tf.Eval), "/plans/%d/evaluations/" + fmt.Sprint(tf.Eval) + "/print"} {
		pages = append(pages, fmt.Sprintf(f, tf.Plan))
	}
	ef := newEventFixture(t, ta)
	for _, p := range ef.pages() {
		pages = append(pages, ef.fill(p))
	}
	seen := map[string]bool{}
	for _, p := range pages {
		res, body := admin.get(p)
		want := http.StatusOK
		if p == "/no/such/page" || p == "/cert/2222-2222-2222" {
			want = http.StatusNotFound
		}
		if res.StatusCode != want {
			t.Errorf("GET %s = %d, want %d: %.300s", p, res.StatusCode, want, body)
		}
		// No untranslated keys may leak onto a page.
		for _, w := range strings.Fields(stripTags(body)) {
			if strings.Count(w, ".") >= 1 && isKey(w) && ta.Site.Catalogs.Has(w) {
				t.Errorf("GET %s shows the raw key %q", p, w)
			}
		}
		seen[p] = true
	}
	// Every template is reached by some page above (or is the error page).
	names := ta.Site.PageNames()
	sort.Strings(names)
	if len(names) < 12 {
		t.Errorf("only %d page templates parsed: %v", len(names), names)
	}
	// English works too.
	res, body := admin.post("/lang", url.Values{"lang": {"en"}, "next": {"/orgs"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatal(res.StatusCode)
	}
	if _, body = admin.get("/orgs"); !strings.Contains(body, "Organizations") {
		t.Errorf("English page lacks English: %.300s", body)
	}
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isKey(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == '.' || r == '_') {
			return false
		}
	}
	return true
}
