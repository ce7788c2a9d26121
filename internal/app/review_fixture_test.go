package app

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"kexie/internal/people"
	"kexie/internal/review"
)

// reviewFixture is a published call in the city and one in the peer city,
// each with an application waiting for its recommending unit, a review
// stage and an objection, for the route matrix.
type reviewFixture struct {
	call, peerCall, app, peerApp, stage, peerStage, objection, peerObjection int64
}

func newReviewFixture(t *testing.T, ta *testApp) reviewFixture {
	t.Helper()
	ctx := context.Background()
	var f reviewFixture
	for i, o := range ta.cities() {
		c, err := ta.Review.CreateCall(ctx, review.CallInput{OrgID: o.ID, Title: "青年科技奖", Kind: "award", ApplicantKind: review.Individual,
			Recommend: true, Quota: 2, OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(24 * time.Hour),
			Form: review.Schema{Fields: []review.Field{{Key: "summary", Label: "主要事迹", Type: review.LongText}}},
			Stages: []review.StageInput{{Kind: review.StageFormal, Name: "形式审查"},
				{Kind: review.StageReview, Name: "专家评审", PerApp: 1, Rubric: []review.Criterion{{Key: "a", Label: "创新", Weight: 1, Max: 100}}}},
		}, 0)
		must(t, err)
		must(t, ta.Review.Publish(ctx, c.ID))
		u := newAccount(t, ta, fmt.Sprintf("applicant%d", i))
		_, err = ta.People.CreateOwn(ctx, u.ID, people.Input{OrgID: o.ID, Name: "申报人", Phone: fmt.Sprintf("1360000000%d", i)}, true)
		must(t, err)
		soc := newSociety(t, ta, o.ID, fmt.Sprintf("RXH%d", i), fmt.Sprintf("推荐学会%d", i))
		a, err := ta.Review.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: u.ID, RecommenderID: soc.ID, Answers: review.Answers{"summary": {S: "事迹"}}})
		must(t, err)
		_, err = ta.Review.Submit(ctx, a.ID, u.ID)
		must(t, err)
		st, err := ta.Review.Stages(ctx, c.ID)
		must(t, err)
		obj := ta.DB.NewID()
		_, err = ta.DB.Exec(ctx, `INSERT INTO review_objections (id, call_id, application_id, name, body, status, filed_at)
			VALUES (?, ?, ?, '李四', '异议内容', 'open', 0)`, obj, c.ID, a.ID)
		must(t, err)
		if i == 0 {
			f.call, f.app, f.stage, f.objection = c.ID, a.ID, st[1].ID, obj
		} else {
			f.peerCall, f.peerApp, f.peerStage, f.peerObjection = c.ID, a.ID, st[1].ID, obj
		}
	}
	return f
}

// fill replaces the fixture's placeholders in a matrix URL or form value.
func (f reviewFixture) fill(s string) string {
	return fillIDs(s, "{rcall}", f.call, "{peerrcall}", f.peerCall, "{rapp}", f.app, "{peerrapp}", f.peerApp,
		"{rstage}", f.stage, "{peerrstage}", f.peerStage, "{robj}", f.objection, "{peerrobj}", f.peerObjection)
}

// reviewMatrix lists the review module's routes for the access matrix.
func reviewMatrix() []matrixCase {
	sys := []string{"sysadmin"}
	return []matrixCase{
		{"GET /calls", "/calls", nil, public},
		{"GET /calls/{id}", "/calls/{rcall}", nil, public},
		{"GET /calls/{id}/publicity", "/calls/{rcall}/publicity", nil, public},
		{"POST /calls/{id}/objections", "/calls/{rcall}/objections", url.Values{"name": {"x"}}, public},
		{"GET /calls/{id}/apply", "/calls/{rcall}/apply", nil, signedIn},
		{"POST /calls/{id}/apply", "/calls/{rcall}/apply", url.Values{"action": {"save"}}, signedIn},
		{"GET /review/applications/{id}/file/{key}", "/review/applications/{rapp}/file/cv", nil, signedIn},
		{"POST /review/applications/{id}/decide", "/review/applications/{rapp}/decide", url.Values{"outcome": {"approve"}}, staff},
		{"POST /review/applications/{id}/decide", "/review/applications/{peerrapp}/decide", url.Values{"outcome": {"approve"}}, sys},
		{"POST /review/applications/{id}/recommend", "/review/applications/{rapp}/recommend", url.Values{"outcome": {"reject"}}, staff},
		{"POST /review/applications/{id}/recommend", "/review/applications/{peerrapp}/recommend", url.Values{"outcome": {"reject"}}, sys},
		{"GET /review/assignments", "/review/assignments", nil, signedIn},
		{"GET /review/assignments/{id}", "/review/assignments/1", nil, signedIn},
		{"POST /review/assignments/{id}", "/review/assignments/1", url.Values{"s.a": {"1"}}, signedIn},
		{"GET /review/calls", "/review/calls", nil, staff},
		{"GET /review/calls/new", "/review/calls/new", nil, staff},
		{"POST /review/calls", "/review/calls", url.Values{"org_id": {"{city}"}, "form_json": {"{"}}, staff},
		{"POST /review/calls", "/review/calls", url.Values{"org_id": {"{peer}"}, "form_json": {"{"}}, sys},
		{"GET /review/calls/{id}", "/review/calls/{rcall}", nil, staff},
		{"GET /review/calls/{id}", "/review/calls/{peerrcall}", nil, sys},
		{"GET /review/calls/{id}/form", "/review/calls/{rcall}/form", nil, staff},
		{"GET /review/calls/{id}/form", "/review/calls/{peerrcall}/form", nil, sys},
		{"POST /review/calls/{id}/form", "/review/calls/{rcall}/form", url.Values{"fields": {"0"}, "op": {"check"}}, staff},
		{"POST /review/calls/{id}/form", "/review/calls/{peerrcall}/form", url.Values{"fields": {"0"}, "op": {"check"}}, sys},
		{"POST /review/calls/{id}/finalize", "/review/calls/{rcall}/finalize", nil, staff},
		{"POST /review/calls/{id}/finalize", "/review/calls/{peerrcall}/finalize", nil, sys},
		{"POST /review/calls/{id}/publicity", "/review/calls/{rcall}/publicity", nil, staff},
		{"POST /review/calls/{id}/publicity", "/review/calls/{peerrcall}/publicity", nil, sys},
		{"POST /review/calls/{id}/publish", "/review/calls/{rcall}/publish", nil, staff},
		{"POST /review/calls/{id}/publish", "/review/calls/{peerrcall}/publish", nil, sys},
		{"GET /review/mine", "/review/mine", nil, signedIn},
		{"POST /review/objections/{id}", "/review/objections/{robj}", url.Values{"outcome": {"reject"}}, staff},
		{"POST /review/objections/{id}", "/review/objections/{peerrobj}", url.Values{"outcome": {"reject"}}, sys},
		{"GET /review/recommend", "/review/recommend", nil, staff},
		{"GET /review/results", "/review/results?q=x&sort=-score", nil, staff},
		{"GET /review/results/{id}", "/review/results/{rapp}", nil, staff},
		{"GET /review/results/{id}", "/review/results/{peerrapp}", nil, sys},
		{"POST /review/results/{id}/reports", "/review/results/{rapp}/reports", url.Values{"to_name": {"市政府"}, "sent_on": {"2026-01-01"}}, staff},
		{"POST /review/results/{id}/reports", "/review/results/{peerrapp}/reports", url.Values{"to_name": {"市政府"}, "sent_on": {"2026-01-01"}}, sys},
		{"POST /review/results/{id}/instructions", "/review/results/{rapp}/instructions", url.Values{"report_id": {"1"}}, staff},
		{"POST /review/results/{id}/instructions", "/review/results/{peerrapp}/instructions", url.Values{"report_id": {"1"}}, sys},
		{"POST /review/stages/{id}/assign", "/review/stages/{rstage}/assign", nil, staff},
		{"POST /review/stages/{id}/assign", "/review/stages/{peerrstage}/assign", nil, sys},
		{"GET /review/stages/{id}/ranking", "/review/stages/{rstage}/ranking", nil, staff},
		{"GET /review/stages/{id}/ranking", "/review/stages/{peerrstage}/ranking", nil, sys},
		{"POST /review/stages/{id}/select", "/review/stages/{rstage}/select", url.Values{"top": {"1"}}, staff},
		{"POST /review/stages/{id}/window", "/review/stages/{rstage}/window", url.Values{"closes": {"2099-01-01"}}, staff},
		{"POST /review/stages/{id}/window", "/review/stages/{peerrstage}/window", url.Values{"closes": {"2099-01-01"}}, sys},
		{"GET /admin/calendar", "/admin/calendar?year=2027", nil, sys},
		{"POST /admin/calendar", "/admin/calendar", url.Values{"from": {"2027-01-01"}, "kind": {"holiday"}, "name": {"元旦"}}, sys},
		{"POST /admin/calendar/remove", "/admin/calendar/remove", url.Values{"day": {"2027-01-01"}}, sys},
		{"POST /review/stages/{id}/select", "/review/stages/{peerrstage}/select", url.Values{"top": {"1"}}, sys},
	}
}
