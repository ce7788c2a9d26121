package app

import (
	"context"

	"kexie/internal/access"
	"kexie/internal/event"
)

// volunteerEvents names the events volunteer posts take part in, through
// the event module's titles (volunteer.Events). Event titles are public (the
// /e pages list them), so no scope is needed.
type volunteerEvents struct{ e *event.Store }

func (v volunteerEvents) EventTitles(ctx context.Context, ids []int64) (map[int64]string, error) {
	names, err := v.e.Names(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(names))
	for id, n := range names {
		out[id] = n.Text
	}
	return out, nil
}

func (v volunteerEvents) EventNamed(ctx context.Context, scope access.Scope, title string) (int64, error) {
	return v.e.Named(ctx, scope, title)
}

func (v volunteerEvents) EventOrg(ctx context.Context, id int64) (string, error) {
	return v.e.OrgPath(ctx, id)
}
