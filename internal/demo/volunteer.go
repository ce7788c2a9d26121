package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/volunteer"
)

// makeVolunteers registers 科普志愿者 in the first cities, two teams each,
// and gives them a year of service through the real check-in and check-out
// path (the database's clock is moved back for it and restored), so their
// hours, the ledger and the first stars' 公示 are as the module makes them.
// It returns the volunteers and ledger entries made.
func makeVolunteers(ctx context.Context, vs *volunteer.Store, cities []org.Org, rng *rand.Rand) (int, int, error) {
	d := vs.DB()
	realNow := d.Now
	defer func() { d.Now = realNow }()
	end := realNow().Add(-48 * time.Hour)
	at := end.AddDate(-1, 0, 0)
	d.Now = func() time.Time { return at }
	vols, entries := 0, 0
	for ci, c := range cities[:min(3, len(cities))] {
		var teams []volunteer.Team
		for _, name := range []string{"科技馆讲解服务队", "科普大篷车服务队"} {
			t, err := vs.CreateTeam(ctx, c.ID, name, 0, 0)
			if err != nil {
				return vols, entries, err
			}
			teams = append(teams, t)
		}
		var ids []int64
		for i := 0; i < 60; i++ {
			first := fmt.Sprintf("%s%04d%02d%02d%03d", c.RegionCode, 1960+rng.IntN(45), 1+rng.IntN(12), 1+rng.IntN(28), ci*100+i)
			name := surnames[rng.IntN(len(surnames))] + given[rng.IntN(len(given))]
			if rng.IntN(2) == 0 {
				name += given[rng.IntN(len(given))]
			}
			v, err := vs.Register(ctx, volunteer.Input{OrgID: c.ID, Name: name, IDNumber: first + string(std.CitizenIDCheckDigit(first)),
				Skills: []string{expertise[rng.IntN(len(expertise))]}}, 0)
			if err != nil {
				return vols, entries, err
			}
			if err := vs.Join(ctx, teams[i%2].ID, v.ID); err != nil {
				return vols, entries, err
			}
			ids = append(ids, v.ID)
			vols++
		}
		// Weekly posts over the year; the first few volunteers serve often
		// (some pass 100 hours and enter a star's 公示), the rest now and then.
		for w := 0; at.Before(end) && w < 52; w++ {
			at = end.AddDate(-1, 0, 7*w)
			p, err := vs.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: c.ID, TeamID: teams[w%2].ID, Title: []string{"科技馆周末讲解", "科普大篷车进校园", "全国科普日现场服务", "科技活动周展位值守"}[w%4],
				Place: c.Name, StartsAt: at, EndsAt: at.Add(8 * time.Hour), Slots: 20, Scope: access.Subtrees(c.Path)}, 0)
			if err != nil {
				return vols, entries, err
			}
			for i, id := range ids {
				if !(i < 5 || rng.IntN(10) == 0) {
					continue
				}
				if err := vs.SignUp(ctx, p.ID, id); err != nil {
					continue // full
				}
				if err := vs.CheckIn(ctx, p.ID, id, access.Everywhere()); err != nil {
					return vols, entries, err
				}
				at = at.Add(time.Duration(2+rng.IntN(5)) * time.Hour)
				if _, err := vs.CheckOut(ctx, p.ID, id, access.Everywhere(), 0); err != nil {
					return vols, entries, err
				}
				entries++
				at = end.AddDate(-1, 0, 7*w)
			}
		}
		at = end.AddDate(-1, 0, 0)
	}
	return vols, entries, nil
}
