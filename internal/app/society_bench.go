package app

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/org"
	"kexie/internal/society"
)

// SocietyFixture is a database seeded for the society benchmark.
type SocietyFixture struct {
	Token     string
	Societies []society.Ref
	Big       society.Ref // the society with the most members
}

// SeedSocieties fills a fresh database with n societies under 20 city
// 科协, years of annual reports each, and members spread over them (a
// fifth of all in the first), and signs in a root staff user.
func (a *App) SeedSocieties(ctx context.Context, n, years, members, until int, progress func(done, members int)) (SocietyFixture, error) {
	var fx SocietyFixture
	root, _, err := a.Orgs.EnsureRoot(ctx, "某省科学技术协会", "ROOT", org.TypeProvince)
	if err != nil {
		return fx, err
	}
	var cities []org.Org
	for i := 1; i <= 20; i++ {
		c, err := a.Orgs.Create(ctx, org.Input{ParentID: root.ID, Code: fmt.Sprintf("CITY%02d", i), Name: fmt.Sprintf("第%d市科协", i), Type: org.TypeCity})
		if err != nil {
			return fx, err
		}
		cities = append(cities, c)
	}
	counts := make([]int, n)
	big := members / 5
	if n > 0 {
		counts[0] = big
	}
	for i := 1; i < n; i++ {
		counts[i] = (members - big) / max(n-1, 1)
	}
	for i := 0; i < n; i++ {
		o, err := a.Orgs.Create(ctx, org.Input{ParentID: cities[i%len(cities)].ID, Code: fmt.Sprintf("S%05d", i+1),
			Name: fmt.Sprintf("第%d学会", i+1), Type: org.TypeSociety})
		if err != nil {
			return fx, err
		}
		fx.Societies = append(fx.Societies, society.Ref{ID: o.ID, Code: o.Code, Name: o.Name, Path: o.Path, ParentID: o.ParentID})
	}
	fx.Big = fx.Societies[0]
	if err := a.Society.Seed(ctx, society.SeedSpec{Societies: fx.Societies, Years: years, Members: counts, Until: until, Seed: 1, Progress: progress}); err != nil {
		return fx, err
	}
	pw := "Load-Test-2026!"
	u, err := a.Auth.CreateUser(ctx, auth.UserInput{Username: "societybench", DisplayName: "压测用户", Password: pw})
	if err != nil {
		return fx, err
	}
	if err := a.Auth.Grant(ctx, u.ID, root.ID, access.OrgStaff, 0); err != nil {
		return fx, err
	}
	res, err := a.Auth.Login(ctx, "societybench", pw, "127.0.0.1", "kexie bench")
	if err != nil {
		return fx, err
	}
	fx.Token = res.Token
	return fx, nil
}
