package app

import (
	"context"
	"kexie/internal/access"

	"kexie/internal/people"
	"kexie/internal/review"
)

// reviewPeople gives the review engine what it reads of the people module:
// an applicant's own record and an expert pool's members, through the
// people store's methods, never its tables.
type reviewPeople struct{ s *people.Store }

func (p reviewPeople) Applicant(ctx context.Context, userID int64) (review.Applicant, error) {
	x, err := p.s.OwnProfile(ctx, userID)
	if err != nil {
		return review.Applicant{}, err
	}
	ms, err := p.s.ActiveMemberships(ctx, x.ID)
	if err != nil {
		return review.Applicant{}, err
	}
	return review.Applicant{PersonID: x.ID, OrgID: x.OrgID, OrgPath: x.OrgPath, Name: x.Name, Employer: x.Employer,
		EmployerOrgID: x.EmployerOrgID, BirthYear: x.BirthYear, TitleLevel: x.TitleLevel, Discipline: x.Discipline,
		Memberships: ms}, nil
}

func (p reviewPeople) PoolOrg(ctx context.Context, poolID int64) (string, error) {
	pool, err := p.s.GetPool(ctx, poolID)
	return pool.OrgPath, err
}

func (p reviewPeople) Pools(ctx context.Context, scope access.Scope) ([]review.Pool, error) {
	ps, err := p.s.Pools(ctx, scope)
	if err != nil {
		return nil, err
	}
	out := make([]review.Pool, len(ps))
	for i, x := range ps {
		out[i] = review.Pool{ID: x.ID, Name: x.Name, OrgName: x.OrgName, Members: x.Members}
	}
	return out, nil
}

func (p reviewPeople) Experts(ctx context.Context, poolID int64) ([]review.Expert, error) {
	rs, err := p.s.PoolReviewers(ctx, poolID)
	if err != nil {
		return nil, err
	}
	out := make([]review.Expert, len(rs))
	for i, r := range rs {
		out[i] = review.Expert{PersonID: r.PersonID, UserID: r.UserID, Name: r.Name, Employer: r.Employer,
			OrgPath: r.OrgPath, Disciplines: r.Disciplines}
	}
	return out, nil
}
