package app

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/measure"
	"kexie/internal/people"
	"kexie/internal/review"
	"kexie/internal/society"
)

// Grading runs across the society module and the review engine: the
// society's self-assessment with evidence enters a grading call as a unit
// application, three experts score it (trimmed mean), the 科协 selects it,
// the 公示 takes an objection that is handled, the call is final, and the
// grade follows the experts' score with its validity; the plan measure
// "3A以上学会占比" then counts it.
func TestSocietyGradingThroughReview(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ta := newTestApp(t, d.DSN())
		ctx := context.Background()
		now := time.Now()
		ta.DB.Now = func() time.Time { return now }
		soc := newSociety(t, ta, ta.city.ID, "GRADESOC", "攀枝花市金属学会")
		kx, kxUser := ta.user(t, "kexie-staff", access.OrgStaff, ta.city)
		sec, _ := ta.user(t, "secretary", access.OrgStaff, soc)
		pool, err := ta.People.CreatePool(ctx, ta.city.ID, "学会评估专家库", "")
		if err != nil {
			t.Fatal(err)
		}
		var experts []int64
		for i := 0; i < 3; i++ {
			u := newAccount(t, ta, fmt.Sprintf("expert%d", i))
			p, err := ta.People.CreateOwn(ctx, u.ID, people.Input{OrgID: ta.city.ID, Name: fmt.Sprintf("专家%d", i),
				Employer: fmt.Sprintf("第%d研究院", i), Phone: fmt.Sprintf("1390000000%d", i)}, true)
			if err != nil {
				t.Fatal(err)
			}
			experts = append(experts, p.ID)
		}
		if _, err := ta.People.AddToPool(ctx, pool.ID, experts); err != nil {
			t.Fatal(err)
		}
		c, err := ta.Review.CreateCall(ctx, review.CallInput{OrgID: ta.city.ID, Title: "学会等级评估", Kind: "grading", ApplicantKind: review.Unit,
			OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(30 * 24 * time.Hour), PublicityDays: 5,
			Form: review.Schema{Fields: []review.Field{{Key: "self_score", Label: "自评总分", Type: review.Number, Required: true},
				{Key: "self_assessment", Label: "自评与佐证", Type: review.LongText, Required: true}}},
			Stages: []review.StageInput{{Kind: review.StageReview, Name: "专家评分", PerApp: 3, PoolID: pool.ID, Method: review.Trimmed,
				Rubric: []review.Criterion{{Key: "governance", Label: "内部治理", Weight: 0.35, Max: 100},
					{Key: "performance", Label: "工作绩效", Weight: 0.45, Max: 100}, {Key: "reputation", Label: "社会评价", Weight: 0.2, Max: 100}}},
				{Kind: review.StagePublicity, Name: "公示"}},
		}, kxUser.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := ta.Review.Publish(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		y := fmt.Sprint(now.Year() - 1)
		apath := fmt.Sprintf("/societies/%d/assessment/%s", soc.ID, y)

		// Self-assessment: submitting without evidence is refused.
		form := url.Values{"action": {"submit"}}
		for _, in := range society.Indicators {
			form.Set("score_"+in.Key, fmt.Sprint(in.Weight*0.9))
		}
		res, body := sec.post(apath, form)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "附佐证材料") {
			t.Fatalf("submit without evidence: %d %.300s", res.StatusCode, body)
		}
		for _, in := range society.Indicators {
			form.Set("evidence_"+in.Key, "见附件："+in.Key)
		}
		if res, body = sec.post(apath, form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit: %d %.300s", res.StatusCode, body)
		}
		// The office picks the open call it enters, by its title: no
		// call's number is typed.
		option := fmt.Sprintf(`<option value="%d">学会等级评估（`, c.ID)
		if _, body = sec.get(apath); !strings.Contains(body, `id="enter-call"`) || !strings.Contains(body, option) {
			t.Error("the enter form does not offer the open call by its title")
		}
		if res, body = sec.post(apath+"/enter", url.Values{"call_id": {fmt.Sprint(c.ID)}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("enter: %d %.300s", res.StatusCode, body)
		}
		if _, body = sec.get(apath); !strings.Contains(body, "已进入专家评审") {
			t.Errorf("assessment page after entering: %.300s", body)
		}

		// Expert scoring through the engine.
		scope := access.Subtrees(ta.city.Path)
		stages, _ := ta.Review.Stages(ctx, c.ID)
		if _, err := ta.Review.AssignStage(ctx, stages[0].ID, scope, kxUser.ID, 7); err != nil {
			t.Fatal(err)
		}
		asg, err := ta.Review.StageAssignments(ctx, stages[0].ID, scope)
		if err != nil || len(asg) != 3 {
			t.Fatalf("assignments %d %v", len(asg), err)
		}
		for i, g := range asg {
			v := []float64{80, 92, 95}[i]
			if _, err := ta.Review.SaveScore(ctx, g.ID, g.UserID, map[string]float64{"governance": v, "performance": v, "reputation": v}, "意见"); err != nil {
				t.Fatal(err)
			}
		}
		// Not final yet: no grade. The 科协 picks the call from those it
		// published; the society's own staff are offered none.
		if _, body = kx.get(apath); !strings.Contains(body, `id="award-call"`) || !strings.Contains(body, fmt.Sprintf(`<option value="%d">学会等级评估（`, c.ID)) {
			t.Error("the award form does not offer the grading call")
		}
		if _, body = sec.get(apath); strings.Contains(body, `id="award-call"`) || strings.Contains(body, `id="enter-call"`) {
			t.Error("the society's staff are offered a call to award from, or to enter again")
		}
		grades := fmt.Sprintf("/societies/%d/grades", soc.ID)
		res, body = kx.post(grades, url.Values{"year": {y}, "call_id": {fmt.Sprint(c.ID)}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "评审尚未结束") {
			t.Fatalf("grade before the result is final: %d %.300s", res.StatusCode, body)
		}
		if err := ta.Review.Select(ctx, stages[0].ID, scope, kxUser.ID, 1, 0); err != nil {
			t.Fatal(err)
		}
		now = now.Add(31 * 24 * time.Hour) // the call has closed
		if err := ta.Review.StartPublicity(ctx, c.ID, scope); err != nil {
			t.Fatal(err)
		}
		listed, _ := ta.Review.Listed(ctx, c.ID)
		if len(listed) != 1 {
			t.Fatalf("listed in 公示: %d", len(listed))
		}
		oid, err := ta.Review.FileObjection(ctx, review.ObjectionInput{AppID: listed[0].ID, Name: "王五", Body: "该学会去年未按期换届，请核实。"})
		if err != nil {
			t.Fatal(err)
		}
		now = now.Add(14 * 24 * time.Hour)
		if err := ta.Review.HandleObjection(ctx, oid, scope, kxUser.ID, false, "经核实已于去年完成换届，异议不成立"); err != nil {
			t.Fatal(err)
		}
		if err := ta.Review.Finalize(ctx, c.ID, scope); err != nil {
			t.Fatal(err)
		}
		// The society's own staff cannot award a grade.
		if res, _ = sec.post(grades, url.Values{"year": {y}, "call_id": {fmt.Sprint(c.ID)}}); res.Header.Get("X-Access") != "denied" {
			t.Errorf("the society graded itself: %d", res.StatusCode)
		}
		if res, body = kx.post(grades, url.Values{"year": {y}, "call_id": {fmt.Sprint(c.ID)}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("award: %d %.300s", res.StatusCode, body)
		}
		// The same result recorded again (a second click, a colleague) records nothing and says so.
		if res, body = kx.post(grades, url.Values{"year": {y}, "call_id": {fmt.Sprint(c.ID)}}); res.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(body, "该次评审的等级已记录") {
			t.Errorf("the same grade recorded again: %d %.300s", res.StatusCode, body)
		}
		gs, err := ta.Society.Grades(ctx, soc.ID)
		if err != nil || len(gs) != 1 || gs[0].Grade != "4A" || gs[0].CallID != c.ID || gs[0].Score != 89 {
			t.Fatalf("grades %+v %v", gs, err)
		}
		if got := gs[0].ValidUntil.Sub(gs[0].AwardedOn); got < 5*365*24*time.Hour {
			t.Errorf("validity %s", got)
		}
		v, err := ta.Sources.Value(ctx, "society.graded3a.share", scope, measure.AsOf(now))
		if err != nil || v != 100 {
			t.Errorf("3A以上学会占比 = %v %v", v, err)
		}
	})
}
