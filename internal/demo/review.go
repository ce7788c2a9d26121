package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/review"
)

// reviewExperts is the demo's expert pool for the review engine: synthetic
// reviewers (like every person in the demo) whose accounts are only ids.
type reviewExperts struct{ pool []review.Expert }

func (e reviewExperts) Applicant(context.Context, int64) (review.Applicant, error) {
	return review.Applicant{}, fmt.Errorf("demo: individual applicants have no profile: %w", db.ErrNotFound)
}
func (e reviewExperts) Experts(context.Context, int64) ([]review.Expert, error) { return e.pool, nil }

// PoolOrg is asked by the new-call form only, which the demo never fills.
func (e reviewExperts) PoolOrg(context.Context, int64) (string, error) {
	return "", fmt.Errorf("demo: no pool of an org: %w", db.ErrNotFound)
}

// Pools is asked by the new-call form only.
func (e reviewExperts) Pools(context.Context, access.Scope) ([]review.Pool, error) { return nil, nil }

// ReviewResult counts the demo's 征集.
type ReviewResult struct {
	Calls, Applications, Scores int
}

// Review gives the demo its 征集 (calls), each driven through the review
// engine's store as staff and experts would: a research-topic call open for
// applications with a few submitted; an award in expert review, half its
// scores in; and last year's award with its results published after 公示.
// The applicants are the province's societies (units), so no account is
// needed; the experts and the societies' staff are synthetic ids.
func Review(ctx context.Context, d *db.DB, orgs *org.Store, seed uint64) (ReviewResult, error) {
	var res ReviewResult
	rng := rand.New(rand.NewPCG(seed+5, seed^0x94d049bb133111eb))
	root, socs, err := topOrgs(ctx, orgs, org.TypeSociety, "code")
	if err != nil {
		return res, err
	}
	if len(socs) < 6 {
		return res, nil // too small a province for the demo's calls
	}
	var experts []review.Expert
	for _, x := range []struct{ name, employer string }{
		{"何志强", "四川大学"}, {"罗静", "电子科技大学"}, {"黄海峰", "西南交通大学"}, {"邓丽华", "省农业科学院"},
		{"冯建军", "省社会科学院"}, {"曾晓梅", "西南财经大学"}, {"唐文斌", "中科院成都分院"}, {"彭玉兰", "省科技情报研究所"},
	} {
		experts = append(experts, review.Expert{PersonID: d.NewID(), UserID: d.NewID(), Name: x.name, Employer: x.employer,
			OrgPath: root.Path, Disciplines: []string{}})
	}
	s := review.NewStore(d, reviewExperts{experts}, calendar.Source{DB: d})
	now := d.Now
	defer func() { d.Now = now }()
	real := now()
	at := func(days float64) time.Time { // days from today (negative: past)
		t := real.Add(time.Duration(days * float64(24*time.Hour)))
		d.Now = func() time.Time { return t }
		return t
	}
	staff := access.Subtrees(root.Path)
	by := d.NewID() // the 科协's staff member who decides
	rubric := []review.Criterion{
		{Key: "merit", Label: "工作成效", Weight: 0.6, Min: 0, Max: 100},
		{Key: "innovation", Label: "创新与示范", Weight: 0.4, Min: 0, Max: 100},
	}
	stages := func() []review.StageInput {
		return []review.StageInput{
			{Kind: review.StageFormal, Name: "形式审查"},
			{Kind: review.StageReview, Name: "专家评审", PerApp: 3, PoolID: 1, Method: review.Mean, Rubric: rubric},
			{Kind: review.StagePublicity, Name: "公示"},
			{Kind: review.StageResult, Name: "结果"},
		}
	}
	form := review.Schema{Fields: []review.Field{
		{Key: "summary", Label: "主要工作与成效", Type: review.LongText, Required: true},
		{Key: "contact", Label: "联系人", Type: review.Text},
	}}
	// apply has society i apply (and submit unless draft) with its own
	// staff member's id.
	apply := func(c review.Call, soc org.Org, title, summary string, submit bool) (review.Application, error) {
		user := d.NewID()
		scope := access.Subtrees(soc.Path)
		a, err := s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: user, UnitID: soc.ID, Title: title, Scope: scope,
			Answers: review.Answers{"summary": {S: summary}, "contact": {S: "学会秘书处"}}})
		if err != nil {
			return a, fmt.Errorf("demo: apply to %q: %w", c.Title, err)
		}
		res.Applications++
		if !submit {
			return a, nil
		}
		if a, err = s.SubmitUnit(ctx, a.ID, user, scope); err != nil {
			return a, fmt.Errorf("demo: submit to %q: %w", c.Title, err)
		}
		return a, nil
	}
	create := func(in review.CallInput) (review.Call, error) {
		c, err := s.CreateCall(ctx, in, by)
		if err == nil {
			err = s.Publish(ctx, c.ID)
		}
		if err != nil {
			return c, fmt.Errorf("demo: call %q: %w", in.Title, err)
		}
		res.Calls++
		return s.Call(ctx, c.ID)
	}
	// score has every expert of the review stage score their share (frac of
	// the assignments, in order), around each application's merit.
	score := func(c review.Call, frac float64, merit map[int64]float64) error {
		st, err := s.Stages(ctx, c.ID)
		if err != nil {
			return err
		}
		if _, err := s.AssignStage(ctx, st[1].ID, staff, by, int64(seed)); err != nil {
			return fmt.Errorf("demo: assign %q: %w", c.Title, err)
		}
		all, err := s.StageAssignments(ctx, st[1].ID, staff)
		if err != nil {
			return err
		}
		for i, g := range all {
			if float64(i) >= frac*float64(len(all)) {
				break
			}
			v := merit[g.AppID] + float64(rng.IntN(9)) - 4
			if _, err := s.SaveScore(ctx, g.ID, g.UserID, map[string]float64{"merit": v, "innovation": v - float64(rng.IntN(6))}, "材料翔实，成效明显。"); err != nil {
				return fmt.Errorf("demo: score in %q: %w", c.Title, err)
			}
			res.Scores++
		}
		return nil
	}
	year := real.In(calendar.Beijing).Year()

	// Last year's award: applied, checked, scored, selected, 公示, results.
	at(-200)
	done, err := create(review.CallInput{OrgID: root.ID, Title: fmt.Sprintf("%d年度全省学会科普工作优秀单位", year-1), Kind: "award",
		ApplicantKind: review.Unit, OpensAt: real.AddDate(0, 0, -201), ClosesAt: real.AddDate(0, 0, -170), PublicityDays: 7,
		Form: form, Stages: stages()})
	if err != nil {
		return res, err
	}
	merit := map[int64]float64{}
	var apps []review.Application
	for i, soc := range socs[:6] {
		at(-195 + float64(i))
		a, err := apply(done, soc, soc.Name+"科普工作总结", "全年开展科普活动"+fmt.Sprint(20+i*3)+"场，覆盖公众逾万人次。", true)
		if err != nil {
			return res, err
		}
		apps = append(apps, a)
		merit[a.ID] = float64(92 - i*4)
	}
	at(-165)
	for _, a := range apps {
		if err := s.Decide(ctx, staff, by, review.Decision{AppID: a.ID, Outcome: review.Approve}); err != nil {
			return res, fmt.Errorf("demo: formal check: %w", err)
		}
	}
	at(-160)
	if err := score(done, 1, merit); err != nil {
		return res, err
	}
	st, err := s.Stages(ctx, done.ID)
	if err != nil {
		return res, err
	}
	at(-150)
	if err := s.Select(ctx, st[1].ID, staff, by, 3, 0); err != nil {
		return res, fmt.Errorf("demo: select: %w", err)
	}
	if err := s.StartPublicity(ctx, done.ID, staff); err != nil {
		return res, fmt.Errorf("demo: publicity: %w", err)
	}
	at(-130)
	if err := s.Finalize(ctx, done.ID, staff); err != nil {
		return res, fmt.Errorf("demo: results: %w", err)
	}

	// This year's award, closed, in expert review: one returned at the
	// formal check, the others with half their scores in.
	at(-60)
	inReview, err := create(review.CallInput{OrgID: root.ID, Title: fmt.Sprintf("%d年度全省学会科普工作优秀单位", year), Kind: "award",
		ApplicantKind: review.Unit, OpensAt: real.AddDate(0, 0, -61), ClosesAt: real.AddDate(0, 0, -15), PublicityDays: 7,
		Form: form, Stages: stages()})
	if err != nil {
		return res, err
	}
	apps, merit = apps[:0], map[int64]float64{}
	for i, soc := range socs[:min(len(socs), 8)] {
		at(-50 + float64(i))
		a, err := apply(inReview, soc, soc.Name+"科普工作总结", "围绕全国科普日、科技活动周组织主题活动，新建科普基地"+fmt.Sprint(1+i%3)+"个。", true)
		if err != nil {
			return res, err
		}
		apps = append(apps, a)
		merit[a.ID] = float64(90 - i*3)
	}
	at(-12)
	for i, a := range apps {
		d := review.Decision{AppID: a.ID, Outcome: review.Approve}
		if i == len(apps)-1 {
			d = review.Decision{AppID: a.ID, Outcome: review.Reject, Reason: "申报材料缺少年度工作报告。"}
		}
		if err := s.Decide(ctx, staff, by, d); err != nil {
			return res, fmt.Errorf("demo: formal check: %w", err)
		}
	}
	at(-10)
	if err := score(inReview, 0.5, merit); err != nil {
		return res, err
	}

	// A research-topic call open for applications: four submitted, one
	// society still writing.
	at(-20)
	open, err := create(review.CallInput{OrgID: root.ID, Title: fmt.Sprintf("%d年度省科协决策咨询研究课题", year+1), Kind: "topic_collection",
		ApplicantKind: review.Unit, OpensAt: real.AddDate(0, 0, -21), ClosesAt: real.AddDate(0, 0, 40), PublicityDays: 5,
		Form: review.Schema{Fields: []review.Field{
			{Key: "summary", Label: "研究内容与预期成果", Type: review.LongText, Required: true},
			{Key: "contact", Label: "联系人", Type: review.Text},
		}}, Stages: stages()})
	if err != nil {
		return res, err
	}
	topics := []string{"科技社团参与基层社会治理研究", "县域科普资源共建共享机制研究", "青年科技人才成长环境调查", "科技成果转化中学会作用研究", "老年人数字素养提升路径研究"}
	for i, soc := range socs[len(socs)-5:] {
		at(-18 + float64(i)*3)
		if _, err := apply(open, soc, topics[i], "拟通过问卷调查与典型案例分析，形成决策咨询报告一份。", i < 4); err != nil {
			return res, err
		}
	}
	return res, nil
}
