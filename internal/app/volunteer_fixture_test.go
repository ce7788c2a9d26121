package app

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/funding"
	"kexie/internal/std"
	"kexie/internal/volunteer"
)

// volunteerFixture is a service post in the city and one in the peer city.
type volunteerFixture struct{ opp, peerOpp, vol, peerVol int64 }

func newVolunteerFixture(t *testing.T, ta *testApp) volunteerFixture {
	t.Helper()
	ctx := context.Background()
	var f volunteerFixture
	for i, o := range ta.cities() {
		p, err := ta.Vols.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: o.ID, Title: "科技馆讲解", StartsAt: time.Now(), EndsAt: time.Now().Add(time.Hour), Slots: 3}, 0)
		must(t, err)
		first := fmt.Sprintf("5104021990010100%d", i)
		v, err := ta.Vols.Register(ctx, volunteer.Input{OrgID: o.ID, Name: "志愿者", IDNumber: first + string(std.CitizenIDCheckDigit(first))}, 0)
		must(t, err)
		if i == 0 {
			f.opp, f.vol = p.ID, v.ID
		} else {
			f.peerOpp, f.peerVol = p.ID, v.ID
		}
	}
	return f
}

func (f volunteerFixture) fill(s string) string {
	return fillIDs(s, "{vopp}", f.opp, "{peervopp}", f.peerOpp, "{vvol}", f.vol, "{peervvol}", f.peerVol)
}

func volunteerMatrix() []matrixCase {
	sys := []string{"sysadmin"}
	return []matrixCase{
		{"GET /cert/{code}", "/cert/2222-2222-2222", nil, public},
		{"GET /volunteers/publicity", "/volunteers/publicity", nil, public},
		{"GET /volunteer", "/volunteer", nil, signedIn},
		{"POST /volunteer", "/volunteer", url.Values{"name": {""}}, signedIn},
		{"GET /volunteer/certificate/{code}", "/volunteer/certificate/2222-2222-2222", nil, signedIn},
		{"POST /volunteer/certificate", "/volunteer/certificate", nil, signedIn},
		{"POST /volunteer/claims", "/volunteer/claims", url.Values{"hours": {"1"}}, signedIn},
		{"GET /volunteer/claims/review", "/volunteer/claims/review", nil, signedIn},
		{"POST /volunteer/claims/{id}", "/volunteer/claims/1", url.Values{"decision": {"approve"}}, signedIn},
		{"GET /volunteer/opportunities", "/volunteer/opportunities", nil, signedIn},
		{"POST /volunteer/opportunities/{id}/signup", "/volunteer/opportunities/{vopp}/signup", nil, signedIn},
		{"POST /volunteer/teams/{id}/join", "/volunteer/teams/1/join", nil, signedIn},
		{"GET /volunteers", "/volunteers", nil, staff},
		{"GET /volunteers/corrections", "/volunteers/corrections", nil, staff},
		{"GET /volunteers/import", "/volunteers/import", nil, staff},
		{"POST /volunteers/import", "/volunteers/import", url.Values{"org_id": {"{city}"}}, staff},
		{"POST /volunteers/import", "/volunteers/import", url.Values{"org_id": {"{peer}"}}, sys},
		{"POST /volunteers/opportunities", "/volunteers/opportunities", url.Values{"org_id": {"{city}"}}, staff},
		{"POST /volunteers/opportunities", "/volunteers/opportunities", url.Values{"org_id": {"{peer}"}}, sys},
		{"GET /volunteers/opportunities/{id}", "/volunteers/opportunities/{vopp}", nil, staff},
		{"GET /volunteers/opportunities/{id}", "/volunteers/opportunities/{peervopp}", nil, sys},
		{"POST /volunteers/opportunities/{id}/check", "/volunteers/opportunities/{vopp}/check", url.Values{"volunteer_id": {"1"}}, staff},
		{"POST /volunteers/opportunities/{id}/check", "/volunteers/opportunities/{peervopp}/check", url.Values{"volunteer_id": {"1"}}, sys},
		{"GET /volunteers/{id}", "/volunteers/{vvol}", nil, staff},
		{"GET /volunteers/{id}", "/volunteers/{peervvol}", nil, sys},
		{"POST /volunteers/{id}/trainings", "/volunteers/{vvol}/trainings", url.Values{"title": {""}}, staff},
		{"POST /volunteers/{id}/trainings", "/volunteers/{peervvol}/trainings", url.Values{"title": {""}}, sys},
		{"POST /volunteers/{id}/stars/{level}/withhold", "/volunteers/{vvol}/stars/1/withhold", nil, staff},
		{"POST /volunteers/{id}/stars/{level}/withhold", "/volunteers/{peervvol}/stars/1/withhold", nil, sys},
		{"POST /volunteers/{id}/stars/{level}/review", "/volunteers/{vvol}/stars/1/review", nil, staff},
		{"POST /volunteers/{id}/stars/{level}/review", "/volunteers/{peervvol}/stars/1/review", nil, sys},
		{"POST /volunteers/{id}/corrections", "/volunteers/{vvol}/corrections", url.Values{"reason": {""}}, staff},
		{"POST /volunteers/{id}/corrections", "/volunteers/{peervvol}/corrections", url.Values{"reason": {""}}, sys},
		{"POST /volunteers/{id}/corrections/{cid}/decide", "/volunteers/{vvol}/corrections/1/decide", nil, staff},
		{"POST /volunteers/{id}/corrections/{cid}/decide", "/volunteers/{peervvol}/corrections/1/decide", nil, sys},
		{"POST /volunteers/teams", "/volunteers/teams", url.Values{"org_id": {"{city}"}}, staff},
		{"POST /volunteers/teams", "/volunteers/teams", url.Values{"org_id": {"{peer}"}}, sys},
	}
}

// fundingFixture is a 科普经费 entry of the city and one of the peer city.
type fundingFixture struct{ budget, peerBudget int64 }

func newFundingFixture(t *testing.T, ta *testApp) fundingFixture {
	t.Helper()
	ctx := context.Background()
	var f fundingFixture
	for i, o := range ta.cities() {
		must(t, ta.Funds.AddBudget(ctx, o.ID, 2026, "全国科普日", "10000", 0))
		list, _, err := ta.Funds.Budgets(ctx, funding.BudgetFilter{Scope: access.Subtrees(o.Path), Year: 2026, Limit: 1})
		must(t, err)
		if i == 0 {
			f.budget = list[0].ID
		} else {
			f.peerBudget = list[0].ID
		}
	}
	return f
}

func (f fundingFixture) fill(s string) string {
	return fillIDs(s, "{fbud}", f.budget, "{peerfbud}", f.peerBudget)
}

func fundingMatrix() []matrixCase {
	return []matrixCase{
		{"GET /funding", "/funding", nil, staff},
		{"GET /funding/budgets", "/funding/budgets", nil, staff},
		{"POST /funding/budgets/{id}/correct", "/funding/budgets/{fbud}/correct", url.Values{"amount": {"x"}}, staff},
		{"POST /funding/budgets/{id}/correct", "/funding/budgets/{peerfbud}/correct", url.Values{"amount": {"x"}}, []string{"sysadmin"}},
		{"POST /funding/budgets", "/funding/budgets", url.Values{"org_id": {"{city}"}, "amount": {"x"}}, staff},
		{"POST /funding/budgets", "/funding/budgets", url.Values{"org_id": {"{peer}"}, "amount": {"x"}}, []string{"sysadmin"}},
		{"POST /funding/population", "/funding/population", nil, staff},
	}
}
