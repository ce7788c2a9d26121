package app

import (
	"context"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/home"
)

// statsTodos are the 统计年报's kinds of waiting work on the staff home
// page, read through the module's store in the scope of the permission
// that does them: forms of the orgs right below to review (stats.review),
// and the viewer's own org's form not yet submitted as its deadline nears
// (stats.fill).
func (a *App) statsTodos() []home.Todo {
	return []home.Todo{
		{Key: "home.todo.stats_review", Perm: "stats.review", Items: func(ctx context.Context, scope access.Scope, userID int64) ([]home.TodoItem, error) {
			n, err := a.Stats.ToReview(ctx, scope, userID)
			return countItem(n, err, "/stats/progress?status=submitted")
		}},
		{Key: "home.todo.stats_due", Perm: "stats.fill", Items: func(ctx context.Context, scope access.Scope, _ int64) ([]home.TodoItem, error) {
			list, err := a.Stats.DueForms(ctx, scope)
			if err != nil {
				return nil, err
			}
			var out []home.TodoItem
			for _, d := range list {
				y := strconv.Itoa(d.Year)
				out = append(out, home.TodoItem{TitleKey: "home.todo.stats_due_title", Title: d.OrgName, Arg: d.Deadline.Add(-time.Second).In(calendar.Beijing).Format("2006-01-02"),
					Href: "/stats/orgs/" + strconv.FormatInt(d.OrgID, 10) + "/" + y})
			}
			return out, nil
		}},
	}
}
