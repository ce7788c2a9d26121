package app

import (
	"context"
	"strconv"
	"time"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/home"
	"kexie/internal/stats"
	"kexie/internal/web"
)

// statsTodos are the 统计年报's kinds of waiting work on the staff home
// page, read through the module's store in the scope of the permission
// that does them: forms of the orgs right below to review (stats.review),
// and the viewer's own org's form not yet submitted as its deadline nears
// (stats.fill).
func (a *App) statsTodos() []home.Todo {
	return []home.Todo{
		{Key: "home.todo.stats_review", Perm: "stats.review", Items: func(ctx context.Context, scope access.Scope, userID int64) ([]home.TodoItem, error) {
			by := stats.Actor{UserID: userID, Staff: stats.StaffOf(a.Policy, web.SubjectFrom(ctx))}
			n, err := a.Stats.ToReview(ctx, scope, by)
			return countItem(n, err, "/stats/progress?status=submitted")
		}},
		{Key: "home.todo.stats_returned", Perm: "stats.fill", Items: func(ctx context.Context, scope access.Scope, _ int64) ([]home.TodoItem, error) {
			list, err := a.Stats.Returns(ctx, scope)
			if err != nil {
				return nil, err
			}
			var out []home.TodoItem
			for _, r := range list {
				out = append(out, home.TodoItem{TitleKey: "home.todo.stats_returned_title", Title: r.OrgName + " " + strconv.Itoa(r.Year), Arg: cut(r.Reason, 40),
					Href: "/stats/orgs/" + strconv.FormatInt(r.OrgID, 10) + "/" + strconv.Itoa(r.Year)})
			}
			return out, nil
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

// cut shortens s to n characters, marking the cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// statsTeller tells a 统计年报 filer of a review step through the notify
// module, by the email address or else the mobile number of their account,
// worded in their language; an account with neither is told nothing.
// notify.Store.Tell enqueues a job (retried five times), so the step never
// waits on a sender.
type statsTeller struct{ a *App }

func (t statsTeller) Tell(ctx context.Context, n stats.Notice) error {
	u, err := t.a.Auth.User(ctx, n.UserID)
	if err != nil {
		return err
	}
	contact := u.Email
	if contact == "" {
		contact = u.Phone
	}
	if contact == "" || t.a.Site == nil {
		return nil
	}
	lang := u.Locale
	if lang == "" {
		lang = "zh-CN"
	}
	return t.a.Notify.Tell(ctx, contact, t.a.Site.Catalogs.T(lang, n.Key, n.Args...), n.Link)
}
