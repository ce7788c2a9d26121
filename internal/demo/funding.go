package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"kexie/internal/access"
	"kexie/internal/funding"
	"kexie/internal/org"
	"kexie/internal/std"
)

// FundingResult counts the demo's 科普经费 data.
type FundingResult struct {
	Budgets, Regions int
}

// Funding records, for the years before and of year, each city 科协's 科普经费
// (two or three items of a few million yuan) and its region's resident
// population (0.6–9 million, the range of a province's cities), so the 科普经费
// page has figures to compare and 人均科普经费 to chart. The amounts are
// invented; a real office imports its own.
func Funding(ctx context.Context, fs *funding.Store, orgs *org.Store, year int, seed uint64) (FundingResult, error) {
	var res FundingResult
	rng := rand.New(rand.NewPCG(seed, seed^0x5bd1e995))
	cities, _, err := orgs.List(ctx, org.Filter{Scope: access.Everywhere(), Type: org.TypeCity, Limit: 100})
	if err != nil {
		return res, err
	}
	items := []string{"本级科普专项经费", "科普日活动经费", "基层科普行动计划奖补资金"}
	var pop strings.Builder
	pop.WriteString("地区代码,年份,常住人口\n")
	for _, c := range cities {
		if !std.Regions().ValidCode(c.RegionCode) {
			continue
		}
		people := 600_000 + rng.IntN(8_400_000)
		for y := year - 1; y <= year; y++ {
			for _, item := range items[:2+rng.IntN(2)] {
				// 0.3–3.5 yuan a resident in all, in ten-thousands of yuan.
				wan := max(10, people*(3+rng.IntN(12))/10/3/10_000)
				if err := fs.AddBudget(ctx, c.ID, y, item, fmt.Sprintf("%d0000", wan), 0); err != nil {
					return res, fmt.Errorf("demo: 科普经费 of %s: %w", c.Name, err)
				}
				res.Budgets++
			}
			fmt.Fprintf(&pop, "%s,%d,%d\n", c.RegionCode, y, people+(y-year)*people/200)
		}
		res.Regions++
	}
	n, errs, err := fs.ImportPopulation(ctx, strings.NewReader(pop.String()), std.Regions(), 0)
	if err != nil {
		return res, err
	}
	if len(errs) > 0 || n != 2*res.Regions {
		return res, fmt.Errorf("demo: population: %d rows of %d, %v", n, 2*res.Regions, errs)
	}
	return res, nil
}
