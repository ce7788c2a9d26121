package app

import (
	"context"
	"errors"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/kepu"
	"kexie/internal/notify"
	"kexie/internal/people"
)

// kepuPeople gives the 科普 module what it reads of the people module:
// expert pools and their members (with the name of their discipline, the
// reviewer's field the portal shows), and an author's employer for
// conflict avoidance — through the people store's methods, never its tables.
type kepuPeople struct{ s *people.Store }

func (p kepuPeople) Pools(ctx context.Context, scope access.Scope) ([]kepu.Pool, error) {
	ps, err := p.s.Pools(ctx, scope)
	if err != nil {
		return nil, err
	}
	out := make([]kepu.Pool, len(ps))
	for i, x := range ps {
		out[i] = kepu.Pool{ID: x.ID, Name: x.Name}
	}
	return out, nil
}

func (p kepuPeople) Pool(ctx context.Context, poolID int64) ([]kepu.Expert, error) {
	rs, err := p.s.PoolReviewers(ctx, poolID)
	if err != nil {
		return nil, err
	}
	var codes []string
	for _, r := range rs {
		if len(r.Disciplines) > 0 {
			codes = append(codes, r.Disciplines[0])
		}
	}
	names, err := p.s.DisciplineNames(ctx, codes)
	if err != nil {
		return nil, err
	}
	out := make([]kepu.Expert, len(rs))
	for i, r := range rs {
		out[i] = kepu.Expert{PersonID: r.PersonID, UserID: r.UserID, Name: r.Name, Employer: r.Employer}
		if len(r.Disciplines) > 0 {
			out[i].Field = names[r.Disciplines[0]]
			if out[i].Field == "" {
				out[i].Field = r.Disciplines[0]
			}
		}
	}
	return out, nil
}

func (p kepuPeople) Employer(ctx context.Context, userID int64) (string, error) {
	x, err := p.s.OwnProfile(ctx, userID)
	if errors.Is(err, db.ErrNotFound) {
		return "", nil // staff without a people record: no employer to avoid
	}
	return x.Employer, err
}

// userID finds an account by username (the 科普 module designates
// emergency editors by it; volunteer teams name their admins by it).
func (a *App) userID(ctx context.Context, username string) (int64, error) {
	u, err := a.Auth.UserByName(ctx, username)
	return u.ID, err
}

// kepuPusher sends the 科普 module's notices through the push module: a
// published item to the subscribers of its audience under the publishing
// org, and one notice to a rumour lead's submitter.
type kepuPusher struct{ n *notify.Store }

func (p kepuPusher) Publish(ctx context.Context, it kepu.Item) error {
	m := notify.Message{Key: fmt.Sprintf("kepu:%d", it.ID), OrgID: it.OrgID, Title: it.Title, Summary: it.Summary,
		Link: kepu.ItemPath(it.ID), Lang: it.Lang}
	if it.Audience != "" && it.Audience != "public" {
		m.Audiences = []string{it.Audience}
	}
	switch {
	case it.EmergencyID != 0:
		m.Topics = []string{"emergency"}
	case it.Kind == kepu.Debunk:
		m.Topics = []string{"rumour"}
	}
	_, err := p.n.Announce(ctx, m)
	return err
}

func (p kepuPusher) Tell(ctx context.Context, contact, title, link string) error {
	return p.n.Tell(ctx, contact, title, link)
}
