package app

import (
	"context"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/conference"
	"kexie/internal/home"
	"kexie/internal/review"
	"kexie/internal/web"
)

// staffTodos are the kinds of work the staff dashboard shows as waiting,
// each read through its module's own store in the scope of the permission
// that does it (home never reads another module's tables).
func (a *App) staffTodos() []home.Todo {
	return append([]home.Todo{
		// Progress to review: the plans' staff review it (plan.edit on the plan's org).
		{Key: "home.todo.plan_review", Perm: "plan.edit", More: "/plans", Items: func(ctx context.Context, scope access.Scope, userID int64) ([]home.TodoItem, error) {
			list, err := a.Plans.PendingReviews(ctx, scope, userID, 6)
			if err != nil {
				return nil, err
			}
			var out []home.TodoItem
			for _, p := range list {
				out = append(out, home.TodoItem{Title: p.Title, Count: p.Count, Href: "/plans/" + strconv.FormatInt(p.PlanID, 10) + "/dashboard"})
			}
			return out, nil
		}},
		// Annual reports filed by societies, checked by the 科协 above them (society.check).
		{Key: "home.todo.society_reports", Perm: "society.check", More: "/societies", Items: func(ctx context.Context, scope access.Scope, userID int64) ([]home.TodoItem, error) {
			list, err := a.Society.ReportsToCheck(ctx, scope, userID, 6)
			if err != nil {
				return nil, err
			}
			var out []home.TodoItem
			for _, r := range list {
				y := strconv.Itoa(r.Year)
				out = append(out, home.TodoItem{TitleKey: "home.todo.report_title", Title: r.Name, Arg: y,
					Href: "/societies/" + strconv.FormatInt(r.OrgID, 10) + "/reports/" + y})
			}
			return out, nil
		}},
		// Applications at a 形式审查 stage: the calls' staff decide them (review.manage).
		{Key: "home.todo.formal", Perm: "review.manage", More: "/review/calls", Items: func(ctx context.Context, scope access.Scope, userID int64) ([]home.TodoItem, error) {
			list, err := a.Review.FormalChecks(ctx, scope, userID, 6)
			return waitingItems(list, err, func(id int64) string { return "/review/calls/" + strconv.FormatInt(id, 10) })
		}},
		// Applications filed through a recommending unit (推荐): the unit's staff (review.recommend).
		{Key: "home.todo.recommend", Perm: "review.recommend", More: "/review/recommend", Items: func(ctx context.Context, scope access.Scope, userID int64) ([]home.TodoItem, error) {
			list, err := a.Review.ToRecommend(ctx, scope, userID, 6)
			return waitingItems(list, err, func(int64) string { return "/review/recommend" })
		}},
		// 科普 items an expert passed: an editor publishes them (kepu.approve).
		{Key: "home.todo.kepu_publish", Perm: "kepu.approve", Items: func(ctx context.Context, scope access.Scope, userID int64) ([]home.TodoItem, error) {
			n, err := a.Kepu.ToPublish(ctx, scope, userID)
			return countItem(n, err, "/kepu/admin?status=reviewed")
		}},
		// Rumour leads from the public, not triaged yet (kepu.leads).
		{Key: "home.todo.kepu_leads", Perm: "kepu.leads", Items: func(ctx context.Context, scope access.Scope, _ int64) ([]home.TodoItem, error) {
			n, err := a.Kepu.NewLeads(ctx, scope)
			return countItem(n, err, "/kepu/admin/leads?status=new")
		}},
		// Rumour leads whose expert is past the due date: chase or reassign (kepu.leads).
		{Key: "home.todo.kepu_late", Perm: "kepu.leads", Items: func(ctx context.Context, scope access.Scope, _ int64) ([]home.TodoItem, error) {
			n, err := a.Kepu.LateLeads(ctx, scope)
			return countItem(n, err, "/kepu/admin/leads?late=1&sort=due")
		}},
		// 建言与诉求 not yet accepted, and those past their time limit (voice.handle).
		{Key: "home.todo.voice_accept", Perm: "voice.handle", Items: func(ctx context.Context, scope access.Scope, userID int64) ([]home.TodoItem, error) {
			n, err := a.Voice.ToAccept(ctx, scope, userID)
			return countItem(n, err, "/voice/admin?status=submitted")
		}},
		{Key: "home.todo.voice_overdue", Perm: "voice.handle", Items: func(ctx context.Context, scope access.Scope, userID int64) ([]home.TodoItem, error) {
			n, err := a.Voice.OverdueCount(ctx, scope, userID)
			return countItem(n, err, "/voice/admin?overdue=1")
		}},
		// 技术需求 waiting for review, and published ones waiting too long for a 对接 (innovation.handle).
		{Key: "home.todo.innovation_review", Perm: "innovation.handle", Items: func(ctx context.Context, scope access.Scope, _ int64) ([]home.TodoItem, error) {
			n, err := a.Innov.ToReview(ctx, scope)
			return countItem(n, err, "/innovation/admin?status=pending")
		}},
		{Key: "home.todo.innovation_waiting", Perm: "innovation.handle", Items: func(ctx context.Context, scope access.Scope, _ int64) ([]home.TodoItem, error) {
			n, err := a.Innov.WaitingCount(ctx, scope)
			return countItem(n, err, "/innovation/admin?waiting=1")
		}},
		// 学术会议: plans waiting for the org above, summaries waiting for its
		// confirmation (conference.approve), summaries overdue (conference.file).
		{Key: "home.todo.conference_approve", Perm: "conference.approve", Items: func(ctx context.Context, scope access.Scope, userID int64) ([]home.TodoItem, error) {
			n, err := a.Conf.ToApproveBy(ctx, scope, conference.Actor{UserID: userID, Staff: conference.StaffOf(a.Policy, web.SubjectFrom(ctx))})
			return countItem(n, err, "/conference/admin?status=submitted")
		}},
		{Key: "home.todo.conference_confirm", Perm: "conference.approve", Items: func(ctx context.Context, scope access.Scope, userID int64) ([]home.TodoItem, error) {
			n, err := a.Conf.ToConfirmBy(ctx, scope, conference.Actor{UserID: userID, Staff: conference.StaffOf(a.Policy, web.SubjectFrom(ctx))})
			return countItem(n, err, "/conference/admin?status=held")
		}},
		{Key: "home.todo.conference_overdue", Perm: "conference.file", Items: func(ctx context.Context, scope access.Scope, _ int64) ([]home.TodoItem, error) {
			n, err := a.Conf.OverdueSummaries(ctx, scope)
			return countItem(n, err, "/conference/admin?overdue=1")
		}},
		// 青少年科技教育: applications to decide, programmes ended without a summary (youth.handle).
		{Key: "home.todo.youth_decide", Perm: "youth.handle", Items: func(ctx context.Context, scope access.Scope, _ int64) ([]home.TodoItem, error) {
			n, err := a.Youth.ToDecide(ctx, scope)
			return countItem(n, err, "/youth/admin?status=pending")
		}},
		{Key: "home.todo.youth_summary", Perm: "youth.handle", Items: func(ctx context.Context, scope access.Scope, _ int64) ([]home.TodoItem, error) {
			n, err := a.Youth.ToSummarize(ctx, scope)
			return countItem(n, err, "/youth/admin/programmes?status=ended")
		}},
		// Targets due this quarter: the responsible units file them (plan.report).
		{Key: "home.todo.plan_due", Perm: "plan.report", Items: func(ctx context.Context, scope access.Scope, _ int64) ([]home.TodoItem, error) {
			n, err := a.Plans.DueTasks(ctx, scope)
			return countItem(n, err, "/plans/tasks?due=1")
		}},
	}, a.statsTodos()...)
}

// waitingItems lists calls with applications waiting, each linked where
// href sends it.
func waitingItems(list []review.Waiting, err error, href func(callID int64) string) ([]home.TodoItem, error) {
	if err != nil {
		return nil, err
	}
	var out []home.TodoItem
	for _, w := range list {
		out = append(out, home.TodoItem{Title: w.Title, Count: w.Count, Href: href(w.CallID)})
	}
	return out, nil
}

// countItem is a kind of work shown as one count linked to its list.
func countItem(n int, err error, href string) ([]home.TodoItem, error) {
	if err != nil || n == 0 {
		return nil, err
	}
	return []home.TodoItem{{Count: n, Href: href}}, nil
}
