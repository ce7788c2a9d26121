package review_test

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"

	"kexie/internal/review"
)

func randomPool(rng *rand.Rand, experts, apps int) ([]review.Candidate, []review.Entry) {
	employers := []string{"攀枝花学院", "攀钢研究院", "市中心医院", "西昌学院", "四川大学", "攀枝花 学院"}
	discs := []string{"52010", "52020", "43010", "32010", "41010"}
	var es []review.Candidate
	for i := 0; i < experts; i++ {
		es = append(es, review.Candidate{ID: int64(i + 1), Employer: employers[rng.IntN(len(employers))],
			OrgPath: "/1/" + strconv.Itoa(2+rng.IntN(3)) + "/", Disciplines: []string{discs[rng.IntN(len(discs))]}})
	}
	var xs []review.Entry
	for i := 0; i < apps; i++ {
		x := review.Entry{ID: int64(1000 + i), ApplicantID: int64(1 + rng.IntN(experts*2)), Employer: employers[rng.IntN(len(employers))],
			OrgPath: "/1/" + strconv.Itoa(2+rng.IntN(3)) + "/", Discipline: discs[rng.IntN(len(discs))]}
		for k := rng.IntN(3); k > 0; k-- {
			x.Conflicts = append(x.Conflicts, int64(1+rng.IntN(experts)))
		}
		xs = append(xs, x)
	}
	return es, xs
}

// TestAssignNeverConflicted is a property test over random pools: no
// reviewer ever gets a conflicted application (self, same employer —
// spacing aside —, same org when asked, declared), nobody twice on one
// application, the load cap holds, and the same seed gives the same plan.
func TestAssignNeverConflicted(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := 0; round < 200; round++ {
		es, xs := randomPool(rng, 3+rng.IntN(25), 1+rng.IntN(60))
		rules := review.AssignRules{Per: 1 + rng.IntN(5), MaxLoad: rng.IntN(12), SameOrg: rng.IntN(2) == 0, Seed: rng.Int64()}
		plan := review.Assign(es, xs, rules)
		byID := map[int64]review.Candidate{}
		for _, e := range es {
			byID[e.ID] = e
		}
		load := map[int64]int{}
		unfilled := map[int64]bool{}
		for _, id := range plan.Unfilled {
			unfilled[id] = true
		}
		for _, x := range xs {
			got := plan.Experts[x.ID]
			seen := map[int64]bool{}
			for _, e := range got {
				if review.Conflicted(byID[e], x, rules.SameOrg) {
					t.Fatalf("round %d: expert %d conflicted on %d", round, e, x.ID)
				}
				if seen[e] {
					t.Fatalf("round %d: expert %d twice on %d", round, e, x.ID)
				}
				seen[e] = true
				load[e]++
			}
			if len(got) > rules.Per || (len(got) < rules.Per) != unfilled[x.ID] {
				t.Fatalf("round %d: %d has %d of %d, unfilled=%v", round, x.ID, len(got), rules.Per, unfilled[x.ID])
			}
		}
		for e, n := range load {
			if rules.MaxLoad > 0 && n > rules.MaxLoad {
				t.Fatalf("round %d: expert %d load %d over %d", round, e, n, rules.MaxLoad)
			}
		}
		if again := review.Assign(es, xs, rules); !reflect.DeepEqual(again, plan) {
			t.Fatalf("round %d: the same seed gave another plan", round)
		}
	}
}

func TestAssignBalancesAndMatches(t *testing.T) {
	var es []review.Candidate
	for i := 1; i <= 10; i++ {
		d := "43010"
		if i <= 2 {
			d = "52010"
		}
		es = append(es, review.Candidate{ID: int64(i), Employer: "单位" + strconv.Itoa(i), Disciplines: []string{d}})
	}
	var xs []review.Entry
	for i := 0; i < 20; i++ {
		xs = append(xs, review.Entry{ID: int64(100 + i), ApplicantID: 999, Discipline: "43010"})
	}
	xs = append(xs, review.Entry{ID: 500, ApplicantID: 999, Discipline: "52010"})
	plan := review.Assign(es, xs, review.AssignRules{Per: 3, Seed: 1})
	if len(plan.Unfilled) != 0 || plan.MaxLoad-plan.MinLoad > 2 {
		t.Errorf("unbalanced: %+v", plan)
	}
	match := 0
	for _, e := range plan.Experts[500] {
		if e <= 2 {
			match++
		}
	}
	if match != 2 {
		t.Errorf("the 52010 application got %v, want both 52010 experts", plan.Experts[500])
	}
	other := review.Assign(es, xs, review.AssignRules{Per: 3, Seed: 2})
	if reflect.DeepEqual(other.Experts, plan.Experts) {
		t.Error("another seed gave the same draw")
	}
}
