package app

import (
	"context"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/innovation"
	"kexie/internal/people"
)

// innovationExperts gives the 创新服务 module the experts of the talent
// database it may propose, through the people store's scoped methods,
// never its tables: a name, a 工作单位 and a field, never an ID number or a
// phone.
type innovationExperts struct{ s *people.Store }

func (x innovationExperts) expert(ctx context.Context, ps []people.Person) ([]innovation.Expert, error) {
	codes := make([]string, 0, len(ps))
	for _, p := range ps {
		if p.Discipline != "" {
			codes = append(codes, p.Discipline)
		}
	}
	names, err := x.s.DisciplineNames(ctx, codes)
	if err != nil {
		return nil, err
	}
	out := make([]innovation.Expert, len(ps))
	for i, p := range ps {
		field := names[p.Discipline]
		if field == "" {
			field = p.Discipline
		}
		if field == "" {
			field = p.Expertise
		}
		out[i] = innovation.Expert{PersonID: p.ID, Name: p.Name, Employer: p.Employer, Field: field}
	}
	return out, nil
}

func (x innovationExperts) Find(ctx context.Context, scope access.Scope, q string, limit int) ([]innovation.Expert, error) {
	ps, _, err := x.s.List(ctx, people.Filter{Scope: scope, Q: q, Limit: limit})
	if err != nil {
		return nil, err
	}
	return x.expert(ctx, ps)
}

func (x innovationExperts) Get(ctx context.Context, scope access.Scope, id int64) (innovation.Expert, error) {
	p, err := x.s.Get(ctx, id)
	if err != nil {
		return innovation.Expert{}, err
	}
	if !p.DeletedAt.IsZero() || !scope.Contains(p.OrgPath) {
		return innovation.Expert{}, db.ErrNotFound
	}
	out, err := x.expert(ctx, []people.Person{p})
	if err != nil {
		return innovation.Expert{}, err
	}
	return out[0], nil
}
