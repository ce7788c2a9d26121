package app

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"kexie/internal/society"
)

// societyFixture is a society under each city, with a tier, an applicant
// and a member whose first invoice is open.
type societyFixture struct {
	soc, peerSoc, applicant, member, invoice, peerInvoice, term int64
}

func newSocietyFixture(t *testing.T, ta *testApp) societyFixture {
	t.Helper()
	ctx := context.Background()
	var f societyFixture
	for i, parent := range ta.cities() {
		o := newSociety(t, ta, parent.ID, fmt.Sprintf("MSOC%d", i), fmt.Sprintf("矩阵学会%d", i))
		tier, err := ta.Society.SaveTier(ctx, society.Tier{OrgID: o.ID, Kind: society.KindIndividual, Code: "regular", Name: "普通会员", FeeCents: 100, Years: 1})
		must(t, err)
		m, err := ta.Society.Apply(ctx, society.Application{OrgID: o.ID, TierID: tier.ID, Name: "会员", UserID: 999999})
		must(t, err)
		_, err = ta.Society.Approve(ctx, m.ID, 0, "", time.Time{})
		must(t, err)
		terms, err := ta.Society.MemberTerms(ctx, m.ID)
		must(t, err)
		if i == 0 {
			a, err := ta.Society.Apply(ctx, society.Application{OrgID: o.ID, TierID: tier.ID, Name: "申请人"})
			must(t, err)
			tm, err := ta.Society.AddTerm(ctx, society.TermInput{OrgID: o.ID, Body: "council", Seq: 1,
				StartsOn: time.Now().AddDate(-4, 0, 0), EndsOn: time.Now().AddDate(1, 0, 0)})
			must(t, err)
			f.soc, f.applicant, f.member, f.invoice, f.term = o.ID, a.ID, m.ID, terms[0].InvoiceID, tm.ID
		} else {
			f.peerSoc, f.peerInvoice = o.ID, terms[0].InvoiceID
		}
	}
	return f
}

func (f societyFixture) fill(s string) string {
	return fillIDs(s, "{soc}", f.soc, "{peersoc}", f.peerSoc, "{mapp}", f.applicant, "{member}", f.member,
		"{inv}", f.invoice, "{peerinv}", f.peerInvoice, "{sterm}", f.term)
}

func societyMatrix() []matrixCase {
	sys := []string{"sysadmin"}
	y := fmt.Sprint(time.Now().Year() - 1)
	return []matrixCase{
		{"GET /card/{code}", "/card/nope", nil, public},
		{"GET /invoices/{id}/receipt.pdf", "/invoices/{inv}/receipt.pdf", nil, signedIn},
		{"POST /invoices/{id}/voucher", "/invoices/{inv}/voucher", url.Values{"amount": {"x"}}, signedIn},
		{"POST /invoices/{id}/pay", "/invoices/{inv}/pay", nil, signedIn},
		{"POST /invoices/{id}/confirm", "/invoices/{inv}/confirm", url.Values{"amount": {"x"}}, staff},
		{"POST /invoices/{id}/confirm", "/invoices/{peerinv}/confirm", url.Values{"amount": {"x"}}, sys},
		{"POST /invoices/{id}/refund", "/invoices/{inv}/refund", nil, staff},
		{"GET /invoices/{id}/voucher", "/invoices/{inv}/voucher", nil, staff},
		{"POST /members/{id}/approve", "/members/{member}/approve", nil, staff},
		{"POST /members/{id}/reject", "/members/{mapp}/reject", nil, staff},
		{"POST /members/{id}/renew", "/members/{member}/renew", url.Values{"tier_id": {"1"}}, staff},
		{"GET /my/memberships", "/my/memberships", nil, signedIn},
		{"GET /my/memberships/{id}/card", "/my/memberships/{member}/card", nil, signedIn},
		{"GET /my/memberships/{id}/card.pdf", "/my/memberships/{member}/card.pdf", nil, signedIn},
		{"GET /join/{id}", "/join/{soc}", nil, signedIn},
		{"POST /join/{id}", "/join/{soc}", url.Values{"name": {""}}, signedIn},
		{"GET /societies", "/societies", nil, staff},
		{"GET /societies/{id}", "/societies/{soc}", nil, staff},
		{"GET /societies/{id}", "/societies/{peersoc}", nil, sys},
		{"GET /societies/{id}/profile", "/societies/{soc}/profile", nil, staff},
		{"POST /societies/{id}/profile", "/societies/{soc}/profile", url.Values{"uscc": {"x"}}, staff},
		{"POST /societies/{id}/profile", "/societies/{peersoc}/profile", url.Values{"uscc": {"x"}}, sys},
		{"POST /societies/{id}/facts", "/societies/{soc}/facts", url.Values{"kind": {"x"}}, staff},
		{"POST /societies/{id}/terms", "/societies/{soc}/terms", url.Values{"body": {"x"}}, staff},
		{"POST /societies/{id}/terms/{term}/submit", "/societies/{soc}/terms/{sterm}/submit", nil, staff},
		{"POST /societies/{id}/terms/{term}/elect", "/societies/{soc}/terms/{sterm}/elect", nil, staff},
		{"POST /societies/{id}/terms/{term}/approve", "/societies/{soc}/terms/{sterm}/approve", nil, staff},
		{"POST /societies/{id}/terms/{term}/return", "/societies/{soc}/terms/{sterm}/return", nil, staff},
		{"GET /societies/{id}/assessment/{year}", "/societies/{soc}/assessment/" + y, nil, staff},
		{"POST /societies/{id}/assessment/{year}", "/societies/{soc}/assessment/" + y, url.Values{"score_charter": {"x"}}, staff},
		{"POST /societies/{id}/assessment/{year}/enter", "/societies/{soc}/assessment/" + y + "/enter", nil, staff},
		{"POST /societies/{id}/grades", "/societies/{soc}/grades", url.Values{"year": {y}}, staff},
		{"POST /societies/{id}/grades", "/societies/{peersoc}/grades", url.Values{"year": {y}}, sys},
		{"GET /societies/{id}/members", "/societies/{soc}/members", nil, staff},
		{"POST /societies/{id}/tiers", "/societies/{soc}/tiers", url.Values{"code": {"X"}}, staff},
		{"POST /societies/{id}/pattern", "/societies/{soc}/pattern", url.Values{"pattern": {"x"}}, staff},
		{"GET /societies/{id}/dues", "/societies/{soc}/dues", nil, staff},
		{"GET /societies/{id}/reports/{year}", "/societies/{soc}/reports/" + y, nil, staff},
		{"POST /societies/{id}/reports/{year}", "/societies/{soc}/reports/" + y, url.Values{"activities": {"x"}}, staff},
		{"POST /societies/{id}/reports/{year}/check", "/societies/{soc}/reports/" + y + "/check", url.Values{"decision": {"return"}}, staff},
		{"POST /societies/{id}/reports/{year}/check", "/societies/{peersoc}/reports/" + y + "/check", url.Values{"decision": {"return"}}, sys},
	}
}
