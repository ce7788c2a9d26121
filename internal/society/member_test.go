package society_test

import (
	"context"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/society"
)

func TestMembershipDuesAndCard(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		const applicant, staff = 101, 202
		tier, err := f.s.SaveTier(ctx, society.Tier{OrgID: f.soc.ID, Kind: society.KindIndividual, Code: "regular", Name: "普通会员", FeeCents: 10000, Years: 2})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.SaveTier(ctx, society.Tier{OrgID: f.soc.ID, Kind: society.KindIndividual, Code: "regular", Name: "重复"}); fieldKey(err) != "code:society.err.tier_taken" {
			t.Errorf("tier twice: %v", err)
		}
		if err := f.s.SetPattern(ctx, f.soc.ID, "{CODE}{YYYY}{SEQ4}"); err != nil {
			t.Fatal(err)
		}
		if err := f.s.SetPattern(ctx, f.soc.ID, "{CODE}{XX}"); fieldKey(err) != "pattern:society.err.pattern" {
			t.Errorf("bad pattern: %v", err)
		}
		m, err := f.s.Apply(ctx, society.Application{OrgID: f.soc.ID, TierID: tier.ID, Name: "张三", UserID: applicant})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Apply(ctx, society.Application{OrgID: f.soc.ID, TierID: tier.ID, Name: "张三", UserID: applicant}); fieldKey(err) != "form:society.err.already_member" {
			t.Errorf("apply twice: %v", err)
		}
		if _, err := f.s.Approve(ctx, m.ID, applicant, "", time.Time{}); fieldKey(err) != "form:society.err.own_application" {
			t.Errorf("own approval: %v", err)
		}
		if m, err = f.s.Approve(ctx, m.ID, staff, "", time.Time{}); err != nil || m.Number != "CES20260001" || len(m.CardCode) != 20 {
			t.Fatalf("approve %+v %v", m, err)
		}
		m2, _ := f.s.Apply(ctx, society.Application{OrgID: f.soc.ID, TierID: tier.ID, Name: "李四", UserID: 102})
		if _, err := f.s.Approve(ctx, m2.ID, staff, "CES20260001", time.Time{}); fieldKey(err) != "number:society.err.number_taken" {
			t.Errorf("number collision: %v", err)
		}
		if got, _ := f.s.GetMember(ctx, m2.ID); got.Status != society.MemberApplied {
			t.Errorf("a refused approval changed the member: %+v", got)
		}
		// The card is not valid until the dues are paid.
		if c, _ := f.s.VerifyCard(ctx, m.CardCode); c.Valid {
			t.Errorf("unpaid card valid")
		}
		terms, _ := f.s.MemberTerms(ctx, m.ID)
		if len(terms) != 1 || terms[0].Amount != 20000 {
			t.Fatalf("terms %+v", terms)
		}
		inv := terms[0].InvoiceID
		v := society.Voucher{Name: "转账.png", Data: []byte("png"), Cents: 15000}
		if _, err := f.s.UploadVoucher(ctx, inv, applicant, v); fieldKey(err) != "amount:society.err.voucher_amount" {
			t.Errorf("wrong amount: %v", err)
		}
		v.Cents = 20000
		if _, err := f.s.UploadVoucher(ctx, inv, applicant, v); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.ConfirmPayment(ctx, inv, applicant, 20000); fieldKey(err) != "form:society.err.own_payment" {
			t.Errorf("own confirm: %v", err)
		}
		if _, err := f.s.ConfirmPayment(ctx, inv, staff, 2000); fieldKey(err) != "amount:society.err.voucher_amount" {
			t.Errorf("confirm wrong amount: %v", err)
		}
		paid, err := f.s.ConfirmPayment(ctx, inv, staff, 20000)
		if err != nil || paid.ReceiptNo != "CES-2026-000001" {
			t.Fatalf("confirm %+v %v", paid, err)
		}
		if ok, err := f.s.IsMember(ctx, applicant, f.soc.ID); err != nil || !ok {
			t.Errorf("a paid member is no member: %v %v", ok, err)
		}
		if ok, _ := f.s.IsMember(ctx, applicant, f.soc2.ID); ok {
			t.Error("member of the wrong society")
		}
		c, err := f.s.VerifyCard(ctx, m.CardCode)
		if err != nil || !c.Valid || c.Society != "市电子学会" || c.Tier != "普通会员" || c.Until != "2028-02-29" {
			t.Errorf("card %+v %v", c, err)
		}
		if c, _ := f.s.VerifyCard(ctx, "aaaaaaaaaaaaaaaaaaaa"); c.Valid {
			t.Error("a guessed code is valid")
		}
		// A second term overlapping the first is refused; the next one is not.
		if _, err := f.s.Renew(ctx, m.ID, tier.ID, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)); fieldKey(err) != "starts_on:society.err.member_term_overlap" {
			t.Errorf("overlap: %v", err)
		}
		next, err := f.s.Renew(ctx, m.ID, tier.ID, time.Time{})
		if err != nil || !next.StartsOn.Equal(terms[0].EndsOn) {
			t.Fatalf("renew %+v %v", next, err)
		}
		cards, _ := f.s.Cards(ctx, access.Subtrees(f.city.Path), f.soc.ID)
		if len(cards) != 1 || cards[0].MemberNumber != "CES20260001" {
			t.Errorf("cards %+v", cards)
		}
		if cards, _ := f.s.Cards(ctx, access.Subtrees(f.peer.Path), f.soc.ID); len(cards) != 0 {
			t.Errorf("another city sees cards %+v", cards)
		}
		rows, total, sum, err := f.s.Ledger(ctx, society.LedgerFilter{Scope: access.Subtrees(f.city.Path), Status: "arrears"})
		if err != nil || total != 0 || sum != 0 || len(rows) != 0 {
			t.Errorf("arrears now %d %d %v", total, sum, err)
		}
		*f.clock = time.Date(2028, 3, 2, 0, 0, 0, 0, time.UTC)
		if _, total, sum, _ = f.s.Ledger(ctx, society.LedgerFilter{Scope: access.Subtrees(f.city.Path), Status: "arrears"}); total != 1 || sum != 20000 {
			t.Errorf("arrears later %d %d", total, sum)
		}
		// Refund: the term is cancelled and the card no longer verifies.
		*f.clock = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
		if _, err := f.s.Refund(ctx, inv, staff, ""); fieldKey(err) != "reason:society.err.required" {
			t.Errorf("refund without reason: %v", err)
		}
		if _, err := f.s.Refund(ctx, inv, staff, "重复缴费"); err != nil {
			t.Fatal(err)
		}
		if c, _ := f.s.VerifyCard(ctx, m.CardCode); c.Valid {
			t.Error("refunded card still valid")
		}
		// Online payment through the test provider.
		next, _ = f.s.Renew(ctx, m.ID, tier.ID, time.Time{})
		if _, err := f.s.PayOnline(ctx, next.InvoiceID, staff); err == nil {
			t.Error("someone else paid the member's invoice")
		}
		if v, err := f.s.PayOnline(ctx, next.InvoiceID, applicant); err != nil || v.Status != society.InvoicePaid {
			t.Errorf("pay online %+v %v", v, err)
		}
		// The society's ledger totals, kept by triggers through every
		// payment and refund above, are the invoices' own count and sum.
		for _, status := range []string{"", society.InvoiceUnpaid, society.InvoicePending, society.InvoicePaid, society.InvoiceRefunded} {
			_, n, sum, err := f.s.Ledger(ctx, society.LedgerFilter{Scope: access.Subtrees(f.city.Path), OrgID: f.soc.ID, Status: status})
			if err != nil {
				t.Fatal(err)
			}
			q, args := `SELECT COUNT(*), COALESCE(SUM(amount_cents), 0) FROM member_invoices WHERE org_id = ?`, []any{f.soc.ID}
			if status != "" {
				q, args = q+` AND status = ?`, append(args, status)
			}
			var wantN int
			var wantSum int64
			if err := d.QueryRow(ctx, q, args...).Scan(&wantN, &wantSum); err != nil {
				t.Fatal(err)
			}
			if n != wantN || sum != wantSum {
				t.Errorf("ledger totals %q: %d, %d; the invoices say %d, %d", status, n, sum, wantN, wantSum)
			}
		}
	})
}
