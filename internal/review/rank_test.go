package review_test

import (
	"testing"

	"kexie/internal/review"
)

func TestAggregate(t *testing.T) {
	five := []float64{60, 70, 80, 85, 99}
	cases := []struct {
		method string
		in     []float64
		want   float64
	}{
		{review.Mean, five, 78.8},
		{review.Trimmed, five, (70 + 80 + 85) / 3.0},
		{review.Trimmed, []float64{60, 70, 80, 90}, 75}, // fewer than 5: nothing dropped
		{review.Median, five, 80},
		{review.Median, []float64{60, 70, 80, 90}, 75},
	}
	for _, tc := range cases {
		if got := review.Aggregate(tc.in, tc.method); got != tc.want {
			t.Errorf("%s %v = %v, want %v", tc.method, tc.in, got, tc.want)
		}
	}
}

func TestRankTiesAndOutliers(t *testing.T) {
	s := func(app, e int64, v float64) review.Score { return review.Score{App: app, Expert: e, Value: v} }
	scores := []review.Score{
		s(1, 1, 80), s(1, 2, 80), s(1, 3, 80),
		s(2, 1, 70), s(2, 2, 90), s(2, 3, 80), // same mean as 1, lower minimum
		s(3, 1, 80), s(3, 2, 80), // same mean, fewer reviews
		s(4, 1, 85), s(4, 2, 86), s(4, 3, 84), s(4, 4, 30), s(4, 5, 85), // reviewer 4 far off: mean 74, trimmed 84.67
		s(5, 1, 80), s(5, 2, 80), s(5, 3, 80), // tie with 1 in every respect: smaller ID first
	}
	got, outliers := review.Rank(scores, review.Mean, false)
	want := []int64{1, 5, 2, 3, 4}
	if got[4].Score != 74 {
		t.Errorf("app 4's mean %v, want 74", got[4].Score)
	}
	for i, r := range got {
		if r.App != want[i] || r.Rank != i+1 {
			t.Errorf("rank %d: got app %d (rank %d), want %d", i+1, r.App, r.Rank, want[i])
		}
	}
	if len(outliers) != 1 || outliers[0] != (review.Outlier{App: 4, Expert: 4}) {
		t.Errorf("outliers %v", outliers)
	}
	if got, _ := review.Rank(scores, review.Trimmed, false); got[0].App != 4 || got[0].Score != 84.6667 {
		t.Errorf("trimmed: %v", got)
	}
}

// TestZscore checks normalisation on hand-computed data: reviewer 1 is
// harsh (mean 60, sd 10), reviewer 2 lenient (mean 90, sd 5); overall mean
// of the four scores 75, sd √287.5 ≈ 16.9558. A is +1 sd for both, B −1 sd.
func TestZscore(t *testing.T) {
	s := func(app, e int64, v float64) review.Score { return review.Score{App: app, Expert: e, Value: v} }
	scores := []review.Score{s(1, 1, 70), s(1, 2, 95), s(2, 1, 50), s(2, 2, 85)}
	got, _ := review.Rank(scores, review.Mean, true)
	if got[0].App != 1 || got[0].Score != 91.9558 || got[1].Score != 58.0442 {
		t.Errorf("z-scores: %+v", got)
	}
	plain, _ := review.Rank(scores, review.Mean, false)
	if plain[0].Score != 82.5 || plain[1].Score != 67.5 {
		t.Errorf("plain: %+v", plain)
	}
}
