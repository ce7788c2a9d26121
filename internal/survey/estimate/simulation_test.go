package estimate

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

// A synthetic population with a known literacy rate; samples drawn with
// a bias that over-represents some regions, men and the young; raking to
// the population's margins removes the bias, and the 95% interval covers
// the true rate about 95% of the time.
func TestSimulationRakedUnbiased(t *testing.T) {
	if testing.Short() {
		t.Skip("simulation")
	}
	const (
		popSize = 100_000
		n       = 1_200
		reps    = 300
	)
	rng := rand.New(rand.NewPCG(2026, 12))
	regions := []string{"东区", "西区", "南区", "北区"}
	genders := []string{"男", "女"}
	ages := []string{"18-39", "40-59", "60-69"}
	type person struct {
		region, gender, age int
		literate            bool
	}
	pop := make([]person, popSize)
	var truth float64
	for i := range pop {
		p := person{region: rng.IntN(4), gender: rng.IntN(2), age: rng.IntN(3)}
		// the rate differs by region, gender and age, with an interaction
		chance := 0.10 + 0.06*float64(p.region) + 0.05*float64(1-p.gender) + 0.08*float64(2-p.age)
		if p.region == 3 && p.age == 0 {
			chance += 0.10
		}
		p.literate = rng.Float64() < chance
		if p.literate {
			truth++
		}
		pop[i] = p
	}
	truth /= popSize
	margins := Margins{"region": {}, "gender": {}, "age": {}}
	for _, p := range pop {
		margins["region"][regions[p.region]] += 1.0 / popSize
		margins["gender"][genders[p.gender]] += 1.0 / popSize
		margins["age"][ages[p.age]] += 1.0 / popSize
	}
	// Selection odds are a product of one factor per margin, so raking to
	// the margins recovers them; the groups over-selected are the more
	// literate ones, so the unweighted rate is biased upwards.
	odds := make([]float64, popSize)
	cum := make([]float64, popSize)
	var total float64
	for i, p := range pop {
		odds[i] = []float64{1, 1.5, 2, 3}[p.region] * []float64{2, 1}[p.gender] * []float64{3, 1.5, 1}[p.age]
		total += odds[i]
		cum[i] = total
	}
	var sumRaked, sumNaive float64
	covered := 0
	ests := make([]float64, 0, reps)
	y := make([]bool, n)
	cats := map[string][]string{"region": make([]string, n), "gender": make([]string, n), "age": make([]string, n)}
	ones := make([]float64, n)
	for i := range ones {
		ones[i] = 1
	}
	for range reps {
		for i := range n { // draws with replacement, chance ∝ odds
			j := sort.SearchFloat64s(cum, rng.Float64()*total)
			p := pop[j]
			y[i] = p.literate
			cats["region"][i], cats["gender"][i], cats["age"][i] = regions[p.region], genders[p.gender], ages[p.age]
		}
		naive, _ := Proportion(y, Design{})
		w, rep, err := Rake(ones, cats, margins, RakeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		est, err := Proportion(y, Design{Weights: w, Raked: rep.Cells})
		if err != nil {
			t.Fatal(err)
		}
		sumNaive += naive.Point
		sumRaked += est.Point
		ests = append(ests, est.Point)
		if est.CI95[0] <= truth && truth <= est.CI95[1] {
			covered++
		}
	}
	meanRaked, meanNaive := sumRaked/reps, sumNaive/reps
	var ss float64
	for _, e := range ests {
		ss += (e - meanRaked) * (e - meanRaked)
	}
	seMean := math.Sqrt(ss/(reps-1)) / math.Sqrt(reps)
	coverage := float64(covered) / reps
	t.Logf("truth %.4f; raked mean %.4f (bias %.4f, %.1f SE of the mean); unweighted mean %.4f; 95%% CI coverage %.1f%%",
		truth, meanRaked, meanRaked-truth, (meanRaked-truth)/seMean, meanNaive, 100*coverage)
	if math.Abs(meanRaked-truth) > 3*seMean {
		t.Errorf("raked estimate biased: mean %.4f, truth %.4f (SE of the mean %.4f)", meanRaked, truth, seMean)
	}
	if math.Abs(meanNaive-truth) < 10*seMean {
		t.Errorf("the samples are not biased enough to test raking: unweighted mean %.4f, truth %.4f", meanNaive, truth)
	}
	if coverage < 0.92 || coverage > 0.98 {
		t.Errorf("95%% CI coverage %.1f%%, want 92–98%%", 100*coverage)
	}
}
