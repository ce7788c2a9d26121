package app

import (
	"context"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/people"
	"kexie/internal/youth"
)

// youthMentors gives the 青少年科技教育 module the mentors of the talent
// database it may pair students with, through the people store's scoped
// methods, never its tables: a name and a 工作单位, nothing else.
type youthMentors struct{ s *people.Store }

func (x youthMentors) Find(ctx context.Context, scope access.Scope, q string, limit int) ([]youth.Mentor, error) {
	ps, _, err := x.s.List(ctx, people.Filter{Scope: scope, Q: q, Limit: limit})
	if err != nil {
		return nil, err
	}
	out := make([]youth.Mentor, len(ps))
	for i, p := range ps {
		out[i] = youth.Mentor{PersonID: p.ID, Name: p.Name, Employer: p.Employer}
	}
	return out, nil
}

func (x youthMentors) Get(ctx context.Context, scope access.Scope, id int64) (youth.Mentor, error) {
	p, err := x.s.Get(ctx, id)
	if err != nil {
		return youth.Mentor{}, err
	}
	if !p.DeletedAt.IsZero() || !scope.Contains(p.OrgPath) {
		return youth.Mentor{}, db.ErrNotFound
	}
	return youth.Mentor{PersonID: p.ID, Name: p.Name, Employer: p.Employer}, nil
}

// youthAccounts links a 科技辅导员 to the account they sign in with.
type youthAccounts struct{ a *App }

func (x youthAccounts) UserID(ctx context.Context, username string) (int64, error) {
	return x.a.userID(ctx, username)
}
