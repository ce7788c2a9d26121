package society_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/society"
	"kexie/internal/valid"
)

// Steps at once on one member and one invoice go through once each: of 10
// approvals of one application, one (one first term, one invoice); of 10
// confirmations of one transfer, one (one receipt number used); of 10
// refunds, one; of 10 online payments of one invoice, one is kept and the
// others' charges are refunded. On PostgreSQL each read the old status and
// each wrote (race review 51).
func TestDuesAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		p := &society.TestProvider{}
		f.s = society.NewStore(d, society.Config{CardKey: []byte("test card key"), Uploads: t.TempDir(), Provider: p})
		const staff = 202
		tier, err := f.s.SaveTier(ctx, society.Tier{OrgID: f.soc.ID, Kind: society.KindIndividual, Code: "regular", Name: "普通会员", FeeCents: 10000, Years: 1})
		if err != nil {
			t.Fatal(err)
		}
		count := func(q string, args ...any) int {
			t.Helper()
			var n int
			if err := d.QueryRow(ctx, q, args...).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		went := func(what string, errs []error, keys ...string) {
			t.Helper()
			n := 0
			for _, err := range errs {
				if err == nil {
					n++
					continue
				}
				known := false
				for _, k := range keys {
					known = known || fieldKey(err) == k
				}
				if !known {
					t.Errorf("%s: unexpected %v", what, err)
				}
			}
			if n != 1 {
				t.Errorf("%d %s at once went through, want 1", n, what)
			}
		}
		m, err := f.s.Apply(ctx, society.Application{OrgID: f.soc.ID, TierID: tier.ID, Name: "张三", UserID: 101})
		if err != nil {
			t.Fatal(err)
		}
		went("approvals", dbtest.AtOnce(10, func(int) error {
			_, err := f.s.Approve(ctx, m.ID, staff, "", time.Time{})
			return err
		}), "form:society.err.not_applied")
		if n := count(`SELECT COUNT(*) FROM member_invoices WHERE member_id = ?`, m.ID); n != 1 {
			t.Errorf("%d invoices for one approval", n)
		}
		terms, err := f.s.MemberTerms(ctx, m.ID)
		if err != nil || len(terms) != 1 {
			t.Fatalf("terms %+v %v", terms, err)
		}
		inv := terms[0].InvoiceID
		if _, err := f.s.UploadVoucher(ctx, inv, 101, society.Voucher{Name: "转账.png", Data: []byte("png"), Cents: 10000}); err != nil {
			t.Fatal(err)
		}
		went("confirmations", dbtest.AtOnce(10, func(int) error {
			_, err := f.s.ConfirmPayment(ctx, inv, staff, 10000)
			return err
		}), "form:society.err.no_voucher")
		if n := count(`SELECT receipt_seq FROM member_settings WHERE org_id = ?`, f.soc.ID); n != 1 {
			t.Errorf("%d receipt numbers used for one payment", n)
		}
		went("refunds", dbtest.AtOnce(10, func(int) error {
			_, err := f.s.Refund(ctx, inv, staff, "重复缴费")
			return err
		}), "form:society.err.not_paid")
		if n := count(`SELECT COUNT(*) FROM audit_log WHERE action = 'society.refund'`); n != 1 {
			t.Errorf("%d refunds audited", n)
		}

		// Online: a second member's invoice paid 10 times at once.
		m2, err := f.s.Apply(ctx, society.Application{OrgID: f.soc.ID, TierID: tier.ID, Name: "李四", UserID: 102})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Approve(ctx, m2.ID, staff, "", time.Time{}); err != nil {
			t.Fatal(err)
		}
		terms, _ = f.s.MemberTerms(ctx, m2.ID)
		went("online payments", dbtest.AtOnce(10, func(int) error {
			_, err := f.s.PayOnline(ctx, terms[0].InvoiceID, 102)
			return err
		}), "form:society.err.invoice_closed")
		if len(p.Paid) != 1 {
			t.Errorf("%d charges kept for one invoice, want 1", len(p.Paid))
		}
	})
}

// One person's applications at once make one membership, and renewals at
// once of one member one next term: on PostgreSQL each counted before any
// other had written (race review 51).
func TestApplyAndRenewAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		tier, err := f.s.SaveTier(ctx, society.Tier{OrgID: f.soc.ID, Kind: society.KindIndividual, Code: "regular", Name: "普通会员", FeeCents: 10000, Years: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, err := range dbtest.AtOnce(10, func(int) error {
			_, err := f.s.Apply(ctx, society.Application{OrgID: f.soc.ID, TierID: tier.ID, Name: "张三", UserID: 101})
			return err
		}) {
			if err != nil && fieldKey(err) != "form:society.err.already_member" {
				t.Errorf("apply: unexpected %v", err)
			}
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM members WHERE user_id = 101`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Fatalf("%d memberships from 10 applications at once, want 1", n)
		}
		var id int64
		if err := d.QueryRow(ctx, `SELECT id FROM members WHERE user_id = 101`).Scan(&id); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Approve(ctx, id, 202, "", time.Time{}); err != nil {
			t.Fatal(err)
		}
		renewed := 0
		for _, err := range dbtest.AtOnce(10, func(int) error {
			_, err := f.s.Renew(ctx, id, tier.ID, time.Time{})
			return err
		}) {
			if err == nil {
				renewed++
			} else if _, ok := valid.As(err); !ok {
				t.Errorf("renew: unexpected %v", err)
			}
		}
		terms, err := f.s.MemberTerms(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if renewed != 10 || len(terms) != 11 {
			t.Errorf("%d of 10 renewals at once went through, %d terms, want 10 and 11 (each after the last)", renewed, len(terms))
		}
		for i := 1; i < len(terms); i++ {
			for j := 0; j < i; j++ {
				if terms[i].StartsOn.Before(terms[j].EndsOn) && terms[j].StartsOn.Before(terms[i].EndsOn) {
					t.Errorf("terms %d and %d overlap: %v–%v and %v–%v", j, i, terms[j].StartsOn, terms[j].EndsOn, terms[i].StartsOn, terms[i].EndsOn)
				}
			}
		}
	})
}

// Nodes starting at once queue one report reminder: on PostgreSQL each
// counted none queued and each queued one (race review 51).
func TestScheduleAtOnce(t *testing.T) {
	dbtest.Run(t, append(sets, jobs.Migrations()), func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		f.s.UseJobs(jobs.NewRunner(d, jobs.Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}))
		for _, err := range dbtest.AtOnce(10, func(int) error { return f.s.ScheduleReports(ctx) }) {
			if err != nil {
				t.Fatal(err)
			}
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ?`, society.ReportsKind).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("%d report reminders queued by 10 nodes at once, want 1", n)
		}
	})
}

// A year's report filed and checked at once: filed once, then accepted or
// returned once. On PostgreSQL each filing read the report as a draft and
// each was audited; each check read it as filed (race review 51).
func TestReportsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		const filer, checker = 11, 22
		form := society.Form{Activities: 12, IncomeTotal: 100, IncomeDues: 40}
		if _, err := f.s.SaveReport(ctx, f.soc.ID, 2025, form, filer); err != nil {
			t.Fatal(err)
		}
		audited := func(action string) int {
			var n int
			if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = ?`, action).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		for _, err := range dbtest.AtOnce(10, func(int) error {
			_, err := f.s.FileReport(ctx, f.soc.ID, 2025, filer)
			return err
		}) {
			if err != nil && fieldKey(err) != "form:society.err.report_locked" {
				t.Errorf("file: unexpected %v", err)
			}
		}
		if n := audited("society.report_file"); n != 1 {
			t.Errorf("filed %d times at once, want 1", n)
		}
		for _, err := range dbtest.AtOnce(10, func(i int) error {
			_, err := f.s.CheckReport(ctx, f.soc.ID, 2025, checker, i%2 == 0, "请补充财务数据")
			return err
		}) {
			if _, ok := valid.As(err); err != nil && !ok {
				t.Errorf("check: unexpected %v", err)
			}
		}
		if n := audited("society.report_accept") + audited("society.report_return"); n != 1 {
			t.Errorf("checked %d times at once, want 1", n)
		}
	})
}

// A voucher uploaded again while staff confirm the first one never turns a
// paid invoice back into one waiting for confirmation: without the
// invoice's lock the upload read "pending", the confirmation paid it, and
// the upload then wrote "pending" over "paid" with its receipt number kept
// (race review 51).
func TestVoucherWhileConfirmed(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		f.s = society.NewStore(d, society.Config{CardKey: []byte("test card key"), Uploads: t.TempDir(), Provider: &society.TestProvider{}})
		const staff = 202
		tier, err := f.s.SaveTier(ctx, society.Tier{OrgID: f.soc.ID, Kind: society.KindIndividual, Code: "regular", Name: "普通会员", FeeCents: 10000, Years: 1})
		if err != nil {
			t.Fatal(err)
		}
		for round := 0; round < 5; round++ {
			uid := int64(110 + round)
			m, err := f.s.Apply(ctx, society.Application{OrgID: f.soc.ID, TierID: tier.ID, Name: "王五", UserID: uid})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.s.Approve(ctx, m.ID, staff, "", time.Time{}); err != nil {
				t.Fatal(err)
			}
			terms, _ := f.s.MemberTerms(ctx, m.ID)
			inv := terms[0].InvoiceID
			if _, err := f.s.UploadVoucher(ctx, inv, uid, society.Voucher{Name: "转账.png", Data: []byte("png"), Cents: 10000}); err != nil {
				t.Fatal(err)
			}
			confirmed := 0
			for i, err := range dbtest.AtOnce(10, func(i int) error {
				if i%2 == 0 {
					_, err := f.s.ConfirmPayment(ctx, inv, staff, 10000)
					return err
				}
				_, err := f.s.UploadVoucher(ctx, inv, uid, society.Voucher{Name: "补传.png", Data: []byte{byte(i)}, Cents: 10000})
				return err
			}) {
				switch {
				case err == nil && i%2 == 0:
					confirmed++
				case err == nil:
				case fieldKey(err) != "form:society.err.no_voucher" && fieldKey(err) != "voucher:society.err.invoice_closed":
					t.Errorf("unexpected: %v", err)
				}
			}
			var status, receipt string
			if err := d.QueryRow(ctx, `SELECT status, receipt_no FROM member_invoices WHERE id = ?`, inv).Scan(&status, &receipt); err != nil {
				t.Fatal(err)
			}
			if confirmed != 1 || status != society.InvoicePaid || receipt == "" {
				t.Fatalf("round %d: %d confirmations, invoice %s with receipt %q; want one, paid", round, confirmed, status, receipt)
			}
		}
	})
}

// A renewal plan approved and returned at once is decided once, and terms
// added at once for one society never overlap: without the term's lock
// both decisions read "submitted" and both were written and audited;
// without the society's lock each new term checked the others as absent
// (race review 51).
func TestTermStepsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		y := func(n int) time.Time { return time.Date(n, 6, 1, 0, 0, 0, 0, time.UTC) }
		added := dbtest.Went(t, dbtest.AtOnce(10, func(i int) error {
			_, err := f.s.AddTerm(ctx, society.TermInput{OrgID: f.soc.ID, Body: "council", Seq: 7 + i%2, StartsOn: y(2022), EndsOn: y(2027)})
			return err
		}), func(err error) bool { return fieldKey(err) == "seq:society.err.term_overlap" })
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM society_terms WHERE org_id = ?`, f.soc.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if added != 1 || n != 1 {
			t.Fatalf("%d terms added at once for one period, %d stored, want 1", added, n)
		}
		var tm int64
		if err := d.QueryRow(ctx, `SELECT id FROM society_terms WHERE org_id = ?`, f.soc.ID).Scan(&tm); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.RenewalStep(ctx, tm, society.RenewSubmit, 1, "第八届换届方案", time.Time{}); err != nil {
			t.Fatal(err)
		}
		decided := dbtest.Went(t, dbtest.AtOnce(10, func(i int) error {
			step := society.RenewApprove
			if i%2 == 1 {
				step = society.RenewReturn
			}
			_, err := f.s.RenewalStep(ctx, tm, step, 2, "", time.Time{})
			return err
		}), func(err error) bool { return fieldKey(err) == "plan:society.err.plan_not_submitted" })
		var audited int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action IN ('society.term_approve', 'society.term_return')`).Scan(&audited); err != nil {
			t.Fatal(err)
		}
		if decided != 1 || audited != 1 {
			t.Errorf("%d decisions at once on one plan, %d audited, want 1", decided, audited)
		}
	})
}

// A grading call's result recorded several times at once (or again later)
// gives the society one grade: there was no check at all, so every click
// added a grade.
func TestGradeOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		on := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		n := dbtest.Went(t, dbtest.AtOnce(10, func(int) error {
			_, err := f.s.AwardGrade(ctx, f.soc.ID, 89, on, 7, 70)
			return err
		}), func(err error) bool { return fieldKey(err) == "call_id:society.err.grade_recorded" })
		if _, err := f.s.AwardGrade(ctx, f.soc.ID, 89, on, 7, 70); fieldKey(err) != "call_id:society.err.grade_recorded" {
			t.Errorf("recorded again later: %v", err)
		}
		// Another call's result is another grade.
		if _, err := f.s.AwardGrade(ctx, f.soc.ID, 92, on.AddDate(5, 0, 0), 8, 80); err != nil {
			t.Fatal(err)
		}
		gs, err := f.s.Grades(ctx, f.soc.ID)
		if err != nil || n != 1 || len(gs) != 2 {
			t.Errorf("%d of 10 went through, grades %+v %v; want one per call", n, gs, err)
		}
	})
}

// A fact of a society (an office bearer, a branch, a function) is
// recorded once: ten at once and one later give one; there was no check,
// and each click listed it again. Another role is another fact.
func TestFactOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		from := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		add := func(role string) error {
			_, err := f.s.AddFact(ctx, society.Fact{OrgID: f.soc.ID, Kind: society.FactFunction, Name: "团体标准制定", Role: role, From: from})
			return err
		}
		n := dbtest.Went(t, dbtest.AtOnce(10, func(int) error { return add("市市场监督管理局") }), func(err error) bool { return fieldKey(err) == "name:society.err.fact_dup" })
		if err := add("市市场监督管理局"); fieldKey(err) != "name:society.err.fact_dup" {
			t.Errorf("added again later: %v", err)
		}
		if err := add("市科技局"); err != nil {
			t.Errorf("another role: %v", err)
		}
		var k int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM society_facts WHERE org_id = ?`, f.soc.ID).Scan(&k); err != nil || n != 1 || k != 2 {
			t.Errorf("%d of 10 went through, %d facts %v; want 1 and 2", n, k, err)
		}
	})
}

// A society's profile saved several times at once (a double click, two
// colleagues) is saved each time without a raw database error: each
// deleted nothing and inserted, and all but one failed on the key.
func TestProfileAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := build(t, d)
		ctx := context.Background()
		for _, err := range dbtest.AtOnce(10, func(i int) error {
			_, err := f.s.SaveProfile(ctx, society.Profile{OrgID: f.soc.ID, Registrar: "市民政局", StaffFull: i + 1})
			return err
		}) {
			if err != nil {
				t.Errorf("saved at once: %v", err)
			}
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM society_profiles WHERE org_id = ?`, f.soc.ID).Scan(&n); err != nil || n != 1 {
			t.Errorf("%d profiles (%v), want 1", n, err)
		}
	})
}
