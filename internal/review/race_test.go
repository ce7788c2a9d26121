package review_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/review"
)

// Recommendations at once of one application see each other: of 20
// approvals and rejections, one goes through and the applicant gets one
// notice. On PostgreSQL the status was read before the call's lock was
// taken, so several went through, each with its notice (race review 51).
func TestRecommendAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		f.p.applicants[11] = review.Applicant{PersonID: 101, OrgID: f.soc.ID, OrgPath: f.soc.Path, Name: "申报人",
			Employer: "单位A", BirthYear: 1990, TitleLevel: "intermediate"}
		c := f.awardCall(t, 9)
		ok(t, f.s.Publish(ctx, c.ID))
		a, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 11, Title: "钒钛研究", RecommenderID: f.soc.ID, Answers: goodAnswers()})
		ok(t, err)
		_, err = f.s.Submit(ctx, a.ID, 11)
		ok(t, err)
		soc := access.Subtrees(f.soc.Path)
		errs := dbtest.AtOnce(20, func(i int) error {
			if i%2 == 0 {
				return f.s.Recommend(ctx, a.ID, soc, 50, review.Approve, "")
			}
			return f.s.Recommend(ctx, a.ID, soc, 50, review.Reject, "材料不全")
		})
		went := dbtest.Went(t, errs, func(err error) bool { return strings.Contains(fmt.Sprint(err), "review.err.not_recommending") })
		var k int
		ok(t, d.QueryRow(ctx, `SELECT COUNT(*) FROM review_notices WHERE user_id = 11 AND ref LIKE 'recommend:%'`).Scan(&k))
		if went != 1 || k != 1 {
			t.Errorf("%d recommendations went through, %d notices, want 1", went, k)
		}
	})
}

func ok(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Openings at once of one review stage draw its reviewers once, and
// refusals at once of one assignment one replacement: the stage (and the
// assignment) were read before the transaction, so each opening drew its
// own reviewers, on SQLite too (race review 51).
func TestAssignStageAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		var experts []review.Expert
		for i := int64(1); i <= 7; i++ {
			experts = append(experts, review.Expert{PersonID: 200 + i, UserID: 300 + i, Name: fmt.Sprint("专家", i),
				Employer: fmt.Sprint("单位", i), Disciplines: []string{"43010"}})
		}
		f.p.pools[9] = experts
		f.p.applicants[12] = review.Applicant{PersonID: 102, OrgID: f.soc.ID, OrgPath: f.soc.Path, Name: "申报人",
			Employer: "单位A", BirthYear: 1990, TitleLevel: "intermediate"}
		c := f.awardCall(t, 9)
		ok(t, f.s.Publish(ctx, c.ID))
		a, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 12, Title: "钒钛研究", RecommenderID: f.soc.ID, Answers: goodAnswers()})
		ok(t, err)
		_, err = f.s.Submit(ctx, a.ID, 12)
		ok(t, err)
		ok(t, f.s.Recommend(ctx, a.ID, access.Subtrees(f.soc.Path), 50, review.Approve, ""))
		staff := staffScope(f.city)
		ok(t, f.s.Decide(ctx, staff, 60, review.Decision{AppID: a.ID, Outcome: review.Approve}))
		stages, err := f.s.Stages(ctx, c.ID)
		ok(t, err)
		round := stages[1]
		errs := dbtest.AtOnce(10, func(i int) error {
			_, err := f.s.AssignStage(ctx, round.ID, staff, 60, int64(1000+i))
			return err
		})
		went := dbtest.Went(t, errs, func(err error) bool { return strings.Contains(fmt.Sprint(err), "review.err.stage_not_pending") })
		var k int
		ok(t, d.QueryRow(ctx, `SELECT COUNT(*) FROM review_assignments WHERE stage_id = ?`, round.ID).Scan(&k))
		if went != 1 || k != round.PerApp {
			t.Errorf("%d openings went through, %d reviewers drawn, want 1 and %d", went, k, round.PerApp)
		}

		// Refusals at once of one assignment draw one replacement: the
		// assignment and its stage were read outside the transaction, so
		// each refusal drew its own (race review 51).
		gs, err := f.s.StageAssignments(ctx, round.ID, staff)
		ok(t, err)
		g := gs[0]
		went = 0
		for _, err := range dbtest.AtOnce(6, func(int) error { return f.s.Decline(ctx, g.ID, g.UserID, "与申报人同一课题组") }) {
			switch {
			case err == nil:
				went++
			case !strings.Contains(fmt.Sprint(err), "review.err.stage_closed"):
				t.Errorf("unexpected: %v", err)
			}
		}
		ok(t, d.QueryRow(ctx, `SELECT COUNT(*) FROM review_assignments WHERE stage_id = ?`, round.ID).Scan(&k))
		if went != 1 || k != round.PerApp+1 {
			t.Errorf("%d refusals went through, %d assignments, want 1 and %d", went, k, round.PerApp+1)
		}
	})
}

// Nodes starting at once queue one delivery run: on PostgreSQL each
// counted none queued and each queued one (race review 51).
func TestScheduleAtOnce(t *testing.T) {
	dbtest.Run(t, append(sets, jobs.Migrations()), func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		f.s.UseSender(jobs.NewRunner(d, jobs.Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))}), &countSender{})
		for _, err := range dbtest.AtOnce(10, func(int) error { return f.s.ScheduleDelivery(ctx) }) {
			ok(t, err)
		}
		var n int
		ok(t, d.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ?`, review.DeliverKind).Scan(&n))
		if n != 1 {
			t.Errorf("%d delivery runs queued by 10 nodes at once, want 1", n)
		}
	})
}

// Decisions at once on one application at its formal stage: one goes
// through. On PostgreSQL each read the application in its stage and each
// decided — returned and rejected at once (race review 51).
func TestDecideAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		f.p.applicants[11] = review.Applicant{PersonID: 101, OrgID: f.soc.ID, OrgPath: f.soc.Path, Name: "申报人",
			Employer: "单位A", BirthYear: 1990, TitleLevel: "intermediate"}
		c := f.awardCall(t, 9)
		ok(t, f.s.Publish(ctx, c.ID))
		a, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 11, Title: "钒钛研究", RecommenderID: f.soc.ID, Answers: goodAnswers()})
		ok(t, err)
		_, err = f.s.Submit(ctx, a.ID, 11)
		ok(t, err)
		ok(t, f.s.Recommend(ctx, a.ID, access.Subtrees(f.soc.Path), 50, review.Approve, ""))
		staff := staffScope(f.city)
		went := dbtest.Went(t, dbtest.AtOnce(10, func(i int) error {
			if i%2 == 0 {
				return f.s.Decide(ctx, staff, 60, review.Decision{AppID: a.ID, Outcome: review.Return, Reason: "缺少单位盖章页"})
			}
			return f.s.Decide(ctx, staff, 60, review.Decision{AppID: a.ID, Outcome: review.Reject, Reason: "不符合申报条件"})
		}), func(err error) bool { return strings.Contains(fmt.Sprint(err), "review.err.not_in_stage") })
		if went != 1 {
			t.Errorf("%d decisions at once went through, want 1", went)
		}
	})
}

// Objections at once from one address to two calls' 公示 stay within the
// hourly bound: each call's lock holds only its own objections, so without
// the address's lock the two calls' filings each counted the other's as
// not yet there (race review 51).
func TestObjectionsAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		var apps [2]int64
		for i := range apps {
			c, st, g := f.reviewedCall(t)
			ok(t, func() error {
				_, err := f.s.SaveScore(ctx, g.ID, 301, map[string]float64{"innovation": 80, "impact": 80}, "好")
				return err
			}())
			ok(t, f.s.Select(ctx, st.ID, staffScope(f.city), 60, 1, 0))
			ok(t, f.s.StartPublicity(ctx, c.ID, staffScope(f.city)))
			apps[i] = g.AppID
		}
		errs := dbtest.AtOnce(20, func(i int) error {
			_, err := f.s.FileObjection(ctx, review.ObjectionInput{AppID: apps[i%2], Name: "匿名",
				Body: "同一地址同时提交的异议，测试限流。", Source: "ip9"})
			return err
		})
		filed := dbtest.Went(t, errs, func(err error) bool { return fieldKey(err) == "body:review.err.objection_rate" })
		var n int
		ok(t, d.QueryRow(ctx, `SELECT COUNT(*) FROM review_objections WHERE source = 'ip9'`).Scan(&n))
		if filed != review.MaxObjectionsPerHour || n != review.MaxObjectionsPerHour {
			t.Errorf("%d filed, %d stored, want %d", filed, n, review.MaxObjectionsPerHour)
		}
	})
}

// A call's closing steps at once go through once each: of 10 selections of
// one stage, one; of 10 publicity starts, one; of 10 handlings of one
// objection, one; of 10 finalizations, one — each audited once. Every step
// of a call takes the call's lock before it reads (race review 51).
func TestClosingStepsAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		staff := staffScope(f.city)
		c, st, g := f.reviewedCall(t)
		_, err := f.s.SaveScore(ctx, g.ID, 301, map[string]float64{"innovation": 80, "impact": 80}, "好")
		ok(t, err)
		once := func(what, action string, errs []error, key string) {
			t.Helper()
			n := dbtest.Went(t, errs, func(err error) bool { return fieldKey(err) == key })
			var a int
			ok(t, d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = ?`, action).Scan(&a))
			if n != 1 || a != 1 {
				t.Errorf("%d %s at once went through, %d audited, want 1", n, what, a)
			}
		}
		once("selections", "review.select", dbtest.AtOnce(10, func(int) error { return f.s.Select(ctx, st.ID, staff, 60, 1, 0) }),
			"stage:review.err.stage_closed")
		once("publicity starts", "review.publicity", dbtest.AtOnce(10, func(int) error { return f.s.StartPublicity(ctx, c.ID, staff) }),
			"status:review.err.publicity_state")
		oid, err := f.s.FileObjection(ctx, review.ObjectionInput{AppID: g.AppID, Name: "王五", Body: "该申报人材料有误，请核实。"})
		ok(t, err)
		once("handlings", "review.objection_handle", dbtest.AtOnce(10, func(int) error {
			return f.s.HandleObjection(ctx, oid, staff, 60, false, "经核实，材料无误。")
		}), "form:review.err.handled")
		f.advance(15 * 24 * time.Hour)
		once("finalizations", "review.finalize", dbtest.AtOnce(10, func(int) error { return f.s.Finalize(ctx, c.ID, staff) }),
			"status:review.err.already_final")
	})
}
