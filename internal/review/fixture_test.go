package review_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/review"
	"kexie/internal/std"
	"kexie/internal/valid"
	"kexie/internal/web/webtest"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations(), review.Migrations()}

// people stands in for the people module behind review.People: applicants
// by user ID and expert pools by ID.
type people struct {
	applicants map[int64]review.Applicant
	pools      map[int64][]review.Expert
	poolOrg    string // the path of the org keeping every pool
}

func (p *people) Applicant(_ context.Context, userID int64) (review.Applicant, error) {
	a, ok := p.applicants[userID]
	if !ok {
		return a, fmt.Errorf("no profile: %w", db.ErrNotFound)
	}
	return a, nil
}

func (p *people) PoolOrg(_ context.Context, poolID int64) (string, error) {
	if _, ok := p.pools[poolID]; !ok {
		return "", fmt.Errorf("no pool %d: %w", poolID, db.ErrNotFound)
	}
	return p.poolOrg, nil
}

// Pools lists every pool, by its ID, when scope reaches the pools' org.
func (p *people) Pools(_ context.Context, scope access.Scope) ([]review.Pool, error) {
	var out []review.Pool
	if !scope.Contains(p.poolOrg) {
		return nil, nil
	}
	for id, ex := range p.pools {
		out = append(out, review.Pool{ID: id, Name: fmt.Sprintf("专家库%d", id), Members: len(ex)})
	}
	slices.SortFunc(out, func(a, b review.Pool) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

func (p *people) Experts(_ context.Context, poolID int64) ([]review.Expert, error) {
	return p.pools[poolID], nil
}

type fixture struct {
	s                          *review.Store
	d                          *db.DB
	p                          *people
	root, city, peer, soc, cty org.Org
	now                        *time.Time
}

func setup(t testing.TB, d *db.DB) *fixture {
	ctx := context.Background()
	orgs := org.NewStore(d, std.Regions())
	f := &fixture{d: d, p: &people{applicants: map[int64]review.Applicant{}, pools: map[int64][]review.Expert{}}}
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Beijing) // a Monday
	f.now = &now
	d.Now = func() time.Time { return *f.now }
	var err error
	if f.root, err = orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince}); err != nil {
		t.Fatal(err)
	}
	f.city, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
	f.peer, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
	f.soc, _ = orgs.Create(ctx, org.Input{ParentID: f.city.ID, Code: "PZHJS", Name: "攀枝花市金属学会", Type: org.TypeSociety})
	f.cty, _ = orgs.Create(ctx, org.Input{ParentID: f.city.ID, Code: "MY", Name: "米易县科协", Type: org.TypeCounty})
	f.s = review.NewStore(d, f.p, calendar.Fixed{C: calendar.New(calendar.Shipped())})
	f.s.UseKeys(webtest.Keyring(t))
	return f
}

func (f *fixture) advance(d time.Duration) { *f.now = f.now.Add(d) }

func fieldKey(err error) string {
	if list, ok := valid.As(err); ok {
		return list[0].Field + ":" + list[0].Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func staffScope(o org.Org) access.Scope { return access.Subtrees(o.Path) }

func rubric() []review.Criterion {
	return []review.Criterion{
		{Key: "innovation", Label: "创新性", Weight: 0.5, Min: 0, Max: 100},
		{Key: "impact", Label: "贡献与影响", Weight: 0.5, Min: 0, Max: 100, CommentRequired: true},
	}
}

// awardCall is the 青年科技奖 configuration: individuals ≤ 40, 推荐 by a
// 学会 or county 科协 with quota 2 each, formal check, one round of 5
// reviewers with trimmed mean, 公示 of 7 working days, results.
func (f *fixture) awardCall(t testing.TB, pool int64) review.Call {
	t.Helper()
	c, err := f.s.CreateCall(context.Background(), review.CallInput{
		OrgID: f.city.ID, Title: "第十届攀枝花青年科技奖", Kind: "award", ApplicantKind: review.Individual,
		Recommend: true, Quota: 2, Rules: []review.Rule{{Kind: review.RuleMaxAge, N: 40, On: "2026-12-31"},
			{Kind: review.RuleNotAwarded, N: 4, CallKind: "award"}},
		OpensAt: f.now.Add(-time.Hour), ClosesAt: f.now.Add(30 * 24 * time.Hour), PublicityDays: 7,
		Form: awardForm(),
		Stages: []review.StageInput{
			{Kind: review.StageFormal, Name: "形式审查"},
			{Kind: review.StageReview, Name: "专家评审", PerApp: 5, PoolID: pool, Method: review.Trimmed, Blind: true, Rubric: rubric()},
			{Kind: review.StagePublicity, Name: "公示"},
			{Kind: review.StageResult, Name: "结果"},
		},
	}, 1)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func goodAnswers() review.Answers {
	return review.Answers{
		"summary": {S: "长期从事钒钛资源综合利用研究，成果显著。"},
		"field":   {S: "工程"},
		"born":    {S: "1990-05-01"},
		"cv":      {F: &review.FileRef{Name: "简历.pdf", Size: 1 << 20}},
	}
}
