package demo

import (
	"context"
	"time"

	"kexie/internal/access"
	"kexie/internal/society"
)

// makeSocieties gives every society of the demo five years of annual
// reports (some late, the latest few missing), a grade for most, a council
// term (some past their end without a 换届) and members with tiers, a
// fifth of them with this year's dues unpaid.
func makeSocieties(ctx context.Context, s *society.Store, seed uint64) (int, error) {
	socs, err := s.Societies(ctx, access.Everywhere())
	if err != nil || len(socs) == 0 {
		return 0, err
	}
	members := make([]int, len(socs))
	total := 0
	for i := range socs {
		members[i] = 12 + (i*7)%30
		total += members[i]
	}
	err = s.Seed(ctx, society.SeedSpec{Societies: socs, Years: 5, Members: members, Until: time.Now().Year(), Seed: int64(seed)})
	return total, err
}
