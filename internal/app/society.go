package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/review"
	"kexie/internal/society"
)

// societyGrading is how the society module reads and writes grading calls
// of the review engine (学会等级评估 is a call of kind "grading" whose
// applicants are societies), through review's exported methods only.
type societyGrading struct {
	r    *review.Store
	orgs *org.Store
}

// Result finds the society's application in the call and the score its
// last review stage gave it (the stage's aggregate, e.g. trimmed mean).
func (g societyGrading) Result(ctx context.Context, callID, orgID int64, scope access.Scope) (society.GradingResult, error) {
	var out society.GradingResult
	c, err := g.r.Call(ctx, callID)
	if errors.Is(err, db.ErrNotFound) || (err == nil && c.Kind != "grading") {
		return out, &society.NotFoundError{What: "grading call", ID: callID}
	}
	if err != nil {
		return out, err
	}
	apps, err := g.r.CallApplications(ctx, callID, scope)
	if err != nil {
		return out, err
	}
	var app *review.Application
	for i := range apps {
		if apps[i].OrgID == orgID && apps[i].PersonID == 0 {
			app = &apps[i]
		}
	}
	if app == nil {
		return out, &society.NotFoundError{What: "grading application", ID: orgID}
	}
	out.AppID, out.Final, out.Selected = app.ID, c.Status == review.CallFinal, app.Status == review.AppAwarded
	stages, err := g.r.Stages(ctx, callID)
	if err != nil {
		return out, err
	}
	for i := len(stages) - 1; i >= 0; i-- {
		if stages[i].Kind != review.StageReview {
			continue
		}
		rk, err := g.r.Ranking(ctx, stages[i].ID, scope)
		if err != nil {
			return out, err
		}
		for _, row := range rk.Rows {
			if row.App.ID == app.ID {
				out.Score = row.Score
			}
		}
		break
	}
	return out, nil
}

// Submit enters the society's self-assessment as its unit application:
// the total in a number field "self_score" and the scores with evidence in
// a long text field "self_assessment", where the call's form has them.
func (g societyGrading) Submit(ctx context.Context, callID, orgID, userID int64, a society.Assessment) (int64, error) {
	sc, _, err := g.r.Form(ctx, callID, 0)
	if err != nil {
		return 0, err
	}
	var b strings.Builder
	for _, in := range society.Indicators {
		fmt.Fprintf(&b, "%s: %.2f/%.0f %s\n", in.Key, a.Scores[in.Key]*in.Weight, in.Weight, a.Evidence[in.Key])
	}
	answers := review.Answers{}
	for _, f := range sc.Fields {
		switch f.Key {
		case "self_score":
			answers[f.Key] = review.Answer{S: strconv.FormatFloat(a.Total, 'f', 2, 64)}
		case "self_assessment":
			answers[f.Key] = review.Answer{S: b.String()}
		}
	}
	// The society module has checked that the user acts for the society:
	// the engine is told so by a scope of the society's own subtree.
	o, err := g.orgs.Get(ctx, orgID)
	if err != nil {
		return 0, err
	}
	scope := access.Subtrees(o.Path)
	app, err := g.r.SaveDraft(ctx, review.Draft{CallID: callID, UserID: userID, UnitID: orgID, Scope: scope,
		Title: fmt.Sprintf("%d 年等级评估", a.Year), Answers: answers})
	if err != nil {
		return 0, err
	}
	app, err = g.r.SubmitUnit(ctx, app.ID, userID, scope)
	return app.ID, err
}

// Calls lists open grading calls the society is eligible for, or the
// published grading calls of orgs in scope (final or not).
func (g societyGrading) Calls(ctx context.Context, orgPath string, final bool, scope access.Scope) ([]society.GradingCall, error) {
	var calls []review.Call
	if final {
		// Every published one: a call not yet final is refused with why.
		rows, _, err := g.r.Calls(ctx, review.Filter{Scope: scope, Kind: "grading", Sort: "-closes", Limit: 200})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			if r.Status != review.CallDraft {
				calls = append(calls, r.Call)
			}
		}
	} else {
		open, err := g.r.OpenCallsOf(ctx, "grading", 200)
		if err != nil {
			return nil, err
		}
		for _, c := range open {
			if c.Admits(orgPath) {
				calls = append(calls, c)
			}
		}
	}
	out := make([]society.GradingCall, len(calls))
	for i, c := range calls {
		out[i] = society.GradingCall{ID: c.ID, Title: c.Title, OrgName: c.OrgName, Closes: c.ClosesAt}
	}
	return out, nil
}

// personOf links a membership to the person record a user account owns.
func personOf(p *people.Store) func(ctx context.Context, userID int64) (int64, error) {
	return func(ctx context.Context, userID int64) (int64, error) {
		x, err := p.OwnProfile(ctx, userID)
		return x.ID, err
	}
}
