package review_test

import (
	"math/rand/v2"
	"testing"

	"kexie/internal/review"
)

func benchScores(apps, per int) []review.Score {
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]review.Score, 0, apps*per)
	for a := 0; a < apps; a++ {
		for e := 0; e < per; e++ {
			out = append(out, review.Score{App: int64(a + 1), Expert: int64(rng.IntN(400) + 1), Value: float64(50 + rng.IntN(50))})
		}
	}
	return out
}

// BenchmarkRank2000x5 ranks 2,000 applications with 5 scores each (trimmed
// mean, z-score normalisation, outliers): the size of a large award round.
func BenchmarkRank2000x5(b *testing.B) {
	s := benchScores(2000, 5)
	b.ReportAllocs()
	for b.Loop() {
		review.Rank(s, review.Trimmed, true)
	}
}

// BenchmarkRank10000x5 is the goal size (< 200 ms).
func BenchmarkRank10000x5(b *testing.B) {
	s := benchScores(10000, 5)
	b.ReportAllocs()
	for b.Loop() {
		review.Rank(s, review.Trimmed, true)
	}
}

// BenchmarkAssign10000x2000 assigns 5 reviewers to each of 10,000
// applications from a pool of 2,000 experts with the conflict rules (goal < 2 s).
func BenchmarkAssign10000x2000(b *testing.B) {
	es, xs := randomPool(rand.New(rand.NewPCG(3, 4)), 2000, 10000)
	b.ReportAllocs()
	for b.Loop() {
		review.Assign(es, xs, review.AssignRules{Per: 5, MaxLoad: 30, Seed: 1})
	}
}
