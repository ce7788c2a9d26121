package app

import (
	"context"
	"errors"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/event"
	"kexie/internal/home"
	"kexie/internal/volunteer"
)

// memberShelves are a member's lists on their home page, each read through
// its module's own store methods (home never reads another module's tables).
func (a *App) memberShelves() []home.Shelf {
	return []home.Shelf{
		{Key: "apps", More: "/review/mine", Next: "/calls", List: a.myApplications},
		{Key: "assignments", More: "/review/assignments", Next: "/review/assignments", Hidden: true, List: a.myAssignments},
		{Key: "memberships", More: "/my/memberships", Next: "/my/memberships", List: a.myMemberships},
		{Key: "volunteer", More: "/volunteer", Next: "/volunteer", List: a.myVolunteering},
		{Key: "calls", More: "/calls", Next: "/calls", List: a.openCalls},
		{Key: "tickets", More: "/my/tickets", Next: "/e", List: a.myTickets},
		{Key: "events", More: "/e", Next: "/e", List: a.comingEvents},
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// myApplications are the user's own applications (not their units'),
// latest first.
func (a *App) myApplications(ctx context.Context, userID int64, limit int) ([]home.Item, error) {
	apps, calls, err := a.Review.MyApplications(ctx, userID, access.Scope{})
	if err != nil {
		return nil, err
	}
	var out []home.Item
	for _, x := range apps {
		if len(out) == limit {
			break
		}
		out = append(out, home.Item{Title: calls[x.CallID].Title, Detail: x.Title, Status: "review.app." + x.Status,
			When: x.UpdatedAt, WhenKey: "home.mine.updated", Href: "/calls/" + itoa(x.CallID) + "/apply"})
	}
	return out, nil
}

// myAssignments are the reviews given to the user, the open ones first as
// review lists them.
func (a *App) myAssignments(ctx context.Context, userID int64, limit int) ([]home.Item, error) {
	list, err := a.Review.MyAssignments(ctx, userID)
	if err != nil {
		return nil, err
	}
	var out []home.Item
	for _, x := range list {
		if len(out) == limit {
			break
		}
		out = append(out, home.Item{Title: x.CallTitle, Detail: x.StageName, Status: "review.assign." + x.Status,
			When: x.DueAt, WhenKey: "home.mine.due", Href: "/review/assignments/" + itoa(x.ID)})
	}
	return out, nil
}

// myMemberships are the user's society memberships.
func (a *App) myMemberships(ctx context.Context, userID int64, limit int) ([]home.Item, error) {
	ms, err := a.Society.Mine(ctx, userID)
	if err != nil {
		return nil, err
	}
	var out []home.Item
	for _, m := range ms {
		if len(out) == limit {
			break
		}
		out = append(out, home.Item{Title: m.OrgName, Detail: m.TierName, Status: "society.member." + m.Status, Href: "/my/memberships"})
	}
	return out, nil
}

// myVolunteering is the user's hours served, then their sign-ups.
func (a *App) myVolunteering(ctx context.Context, userID int64, limit int) ([]home.Item, error) {
	v, err := a.Vols.ByUser(ctx, userID)
	if errors.Is(err, volunteer.ErrNotVolunteer) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := []home.Item{{TitleKey: "home.mine.volunteer.hours", TitleArg: volunteer.FormatHours(v.Minutes), Href: "/volunteer"}}
	signups, err := a.Vols.SignupsOf(ctx, v.ID)
	if err != nil {
		return nil, err
	}
	for _, s := range signups {
		if len(out) == limit {
			break
		}
		out = append(out, home.Item{Title: s.Opportunity, Status: "volunteer.signup." + s.Status, When: s.StartsAt, Href: "/volunteer"})
	}
	return out, nil
}

// openCalls are the calls open for applications now, closing soonest last
// as review orders them.
func (a *App) openCalls(ctx context.Context, _ int64, limit int) ([]home.Item, error) {
	now := a.DB.Now()
	calls, err := a.Review.OpenCalls(ctx, now, 50)
	if err != nil {
		return nil, err
	}
	var out []home.Item
	for _, c := range calls {
		if c.Status != "open" || !c.ClosesAt.After(now) {
			continue
		}
		if len(out) == limit {
			break
		}
		out = append(out, home.Item{Title: c.Title, Detail: c.OrgName, When: c.ClosesAt, WhenKey: "home.mine.closes", Href: "/calls/" + itoa(c.ID)})
	}
	return out, nil
}

// myTickets are the live tickets the user took while signed in for events
// that have not ended, soonest first (tickets taken by name alone belong
// to no account and are not listed).
func (a *App) myTickets(ctx context.Context, userID int64, limit int) ([]home.Item, error) {
	now := a.DB.Now()
	list, _, err := a.Events.TicketsOf(ctx, userID, now, 50, 0)
	if err != nil {
		return nil, err
	}
	var out []home.Item
	for _, m := range list {
		if !m.Upcoming(now) {
			break // the past ones come after every coming one
		}
		if m.Ticket.Status == event.Cancelled {
			continue
		}
		if len(out) == limit {
			break
		}
		it := home.Item{Title: m.Event.Title, Detail: m.Event.Place, Status: "event.status." + m.Ticket.State(),
			When: m.Event.StartsAt, WhenKey: "home.mine.starts", Href: "/t/" + m.Ticket.Code}
		if m.Event.VenueName != "" {
			it.Detail = m.Event.VenueName
		}
		if m.Ticket.Position > 0 {
			it.Status, it.StatusArg = "event.position", m.Ticket.Position
		}
		out = append(out, it)
	}
	return out, nil
}

// comingEvents are the public 科普 events that have not ended, soonest
// first, for discovery beside the user's own tickets.
func (a *App) comingEvents(ctx context.Context, _ int64, limit int) ([]home.Item, error) {
	list, _, err := a.Events.Upcoming(ctx, access.Everywhere(), a.DB.Now(), "", limit, 0)
	if err != nil {
		return nil, err
	}
	out := make([]home.Item, 0, len(list))
	for _, e := range list {
		out = append(out, home.Item{Title: e.Title, Detail: e.Place, When: e.StartsAt, WhenKey: "home.mine.starts", Href: "/e/" + itoa(e.ID)})
	}
	return out, nil
}
