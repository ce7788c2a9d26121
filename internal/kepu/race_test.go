package kepu_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
)

// Steps at once on one item go through once: of 10 passes by its
// reviewer, one; of 10 publications, one (subscribers are told once).
// On PostgreSQL each read the old status and each wrote, on the audit log
// and to the subscribers (race review 51).
func TestStepsAtOnce(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		it := k.draft(t, "雷雨天气如何防雷")
		if _, err := k.Store.SubmitForReview(ctx, it.ID, 7, 0, k.Author); err != nil {
			t.Fatal(err)
		}
		audited := func(action string) int {
			var n int
			if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = ?`, action).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		went := func(what string, errs []error, key string) {
			t.Helper()
			n := 0
			for _, err := range errs {
				switch {
				case err == nil:
					n++
				case errKey(err) != key:
					t.Errorf("%s: unexpected %v", what, err)
				}
			}
			if n != 1 {
				t.Errorf("%d %s at once went through, want 1", n, what)
			}
		}
		went("reviews", dbtest.AtOnce(10, func(int) error { return k.Store.Review(ctx, it.ID, true, "", k.Expert) }), "kepu.err.not_in_review")
		if n := audited("kepu.item_review"); n != 1 {
			t.Errorf("%d reviews audited", n)
		}
		went("publications", dbtest.AtOnce(10, func(int) error { return k.Store.Publish(ctx, it.ID, k.Editor) }), "kepu.err.not_reviewed")
		if n := audited("kepu.item_publish"); n != 1 {
			t.Errorf("%d publications audited", n)
		}
	})
}

// Rumour leads at once from one address are held to MaxLeadsPerHour: on
// PostgreSQL each counted before any other had written (race review 51).
func TestLeadsAtOnce(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		n := dbtest.Went(t, dbtest.AtOnce(20, func(i int) error {
			_, err := k.Store.FileLead(ctx, kepu.LeadInput{OrgID: k.City.ID, Claim: fmt.Sprint("喝醋能软化血管", i), Source: "one-address"})
			return err
		}), func(err error) bool { return errKey(err) == "kepu.err.lead_rate" })
		if n != kepu.MaxLeadsPerHour {
			t.Errorf("%d leads at once from one address, want %d", n, kepu.MaxLeadsPerHour)
		}
	})
}

// Rejections at once of one rumour lead: one goes through and is audited.
// On PostgreSQL each read the lead as new and each wrote (race review 51).
func TestLeadStepsAtOnce(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		id, err := k.Store.FileLead(ctx, kepu.LeadInput{OrgID: k.City.ID, Claim: "喝醋能软化血管", Source: "h1"})
		if err != nil {
			t.Fatal(err)
		}
		n := dbtest.Went(t, dbtest.AtOnce(10, func(int) error { return k.Store.RejectLead(ctx, id, "重复线索", k.Editor) }), func(err error) bool { return errKey(err) == "kepu.err.lead_status" })
		var audited int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'kepu.lead_reject'`).Scan(&audited); err != nil {
			t.Fatal(err)
		}
		if n != 1 || audited != 1 {
			t.Errorf("%d rejections at once went through, %d audited, want 1", n, audited)
		}
	})
}

// Versions at once of one item in one language: one is made, the others
// told one exists. On PostgreSQL each counted none before any other had
// written (race review 51).
func TestVersionsAtOnce(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		zh := k.published(t, "雷雨天气如何防雷")
		n := dbtest.Went(t, dbtest.AtOnce(30, func(i int) error {
			_, err := k.Store.CreateDraft(ctx, kepu.DraftInput{OrgID: k.City.ID, GroupID: zh.ID, Lang: "bo", Title: fmt.Sprint("藏文版", i), Body: body, Audience: "public"}, k.Author)
			return err
		}), func(err error) bool { return errKey(err) == "kepu.err.version_exists" })
		if n != 1 {
			t.Errorf("%d Tibetan versions made at once, want 1", n)
		}
	})
}

// An emergency closed while its editors publish at once: nothing is
// published after the close (no urgent item follows the close on the audit
// log), one close of several goes through, and a published item withdrawn
// several times at once is withdrawn once. Without the emergency's lock a
// publication that read the emergency open landed after the close
// (race review 51).
func TestEmergencyAtOnce(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		seq := func(q string, args ...any) int64 {
			t.Helper()
			var n sql.NullInt64
			if err := d.QueryRow(ctx, q, args...).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n.Int64
		}
		for round := 0; round < 5; round++ {
			em, err := k.Store.OpenEmergency(ctx, k.City.ID, fmt.Sprint("暴雨洪涝", round), "攀枝花市", []int64{k.Author.UserID}, k.Editor)
			if err != nil {
				t.Fatal(err)
			}
			closed := 0
			for i, err := range dbtest.AtOnce(12, func(i int) error {
				if i%4 == 0 {
					return k.Store.CloseEmergency(ctx, em, k.Editor)
				}
				_, err := k.Store.PublishUrgent(ctx, em, kepu.DraftInput{Title: fmt.Sprint("洪水来临时如何自救", round, i), Body: body, Audience: "public"}, k.Author)
				return err
			}) {
				switch {
				case err == nil && i%4 == 0:
					closed++
				case err == nil:
				case errKey(err) != "kepu.err.emergency_closed":
					t.Errorf("unexpected: %v", err)
				}
			}
			target := fmt.Sprint("kepu_emergency:", em)
			closeSeq := seq(`SELECT MIN(seq) FROM audit_log WHERE action = 'kepu.emergency_close' AND target = ?`, target)
			lastUrgent := seq(`SELECT MAX(a.seq) FROM audit_log a JOIN kepu_items i ON a.target = 'kepu:' || CAST(i.id AS TEXT)
				WHERE a.action = 'kepu.item_urgent' AND i.emergency_id = ?`, em)
			if closed != 1 || closeSeq == 0 || lastUrgent > closeSeq {
				t.Fatalf("round %d: %d closes; an urgent item audited at %d after the close at %d", round, closed, lastUrgent, closeSeq)
			}
		}
		it := k.published(t, "雷雨天气如何防雷")
		n := dbtest.Went(t, dbtest.AtOnce(10, func(int) error { return k.Store.Withdraw(ctx, it.ID, "内容有误", k.Editor) }),
			func(err error) bool { return errKey(err) == "kepu.err.not_published" })
		if a := seq(`SELECT COUNT(*) FROM audit_log WHERE action = 'kepu.item_withdraw'`); n != 1 || a != 1 {
			t.Errorf("%d withdrawals at once went through, %d audited, want 1", n, a)
		}
	})
}

// An emergency of one topic and region is opened once per org while it is
// open: ten openings at once (a double click, two colleagues) and one
// later give one open emergency; after its close it may be opened again,
// and another region is another emergency. There was no check at all.
func TestEmergencyOpenOnce(t *testing.T) {
	dbtest.Run(t, migrations(), func(t *testing.T, d *db.DB) {
		k := serveKepu(t, d)
		ctx := context.Background()
		open := func() (int64, error) {
			return k.Store.OpenEmergency(ctx, k.City.ID, "暴雨洪涝", "攀枝花市", []int64{k.Author.UserID}, k.Editor)
		}
		var em int64
		n := dbtest.Went(t, dbtest.AtOnce(10, func(int) error {
			id, err := open()
			if err == nil {
				em = id
			}
			return err
		}), func(err error) bool { return errKey(err) == "kepu.err.emergency_open" })
		if _, err := open(); errKey(err) != "kepu.err.emergency_open" {
			t.Errorf("opened again later: %v", err)
		}
		var rows int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM kepu_emergencies WHERE topic = '暴雨洪涝'`).Scan(&rows); err != nil {
			t.Fatal(err)
		}
		if n != 1 || rows != 1 {
			t.Fatalf("%d of 10 openings went through, %d stored; want 1", n, rows)
		}
		if _, err := k.Store.OpenEmergency(ctx, k.City.ID, "暴雨洪涝", "米易县", []int64{k.Author.UserID}, k.Editor); err != nil {
			t.Errorf("another region: %v", err)
		}
		if err := k.Store.CloseEmergency(ctx, em, k.Editor); err != nil {
			t.Fatal(err)
		}
		if _, err := open(); err != nil {
			t.Errorf("opened again after its close: %v", err)
		}
	})
}
