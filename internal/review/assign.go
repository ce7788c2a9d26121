package review

import (
	"math/rand/v2"
	"sort"
	"strings"
)

// Candidate is an expert as assignment sees one.
type Candidate struct {
	ID          int64
	Employer    string
	OrgPath     string
	Disciplines []string // GB/T 13745 codes
}

// Entry is an application as assignment sees one.
type Entry struct {
	ID          int64
	ApplicantID int64 // the applicant's person ID: never their own reviewer
	Employer    string
	OrgPath     string
	Discipline  string
	Conflicts   []int64 // experts the applicant declared (回避)
}

// AssignRules are a stage's assignment settings.
type AssignRules struct {
	Per     int   // reviewers per application
	MaxLoad int   // applications per reviewer; 0: no cap, load still balanced
	SameOrg bool  // also avoid experts whose org is the applicant's org
	Seed    int64 // the draw's seed (随机抽取): the same seed gives the same answer
}

// Plan is an assignment: experts per application, the applications left
// short of Per reviewers, and the least and greatest load.
type Plan struct {
	Experts  map[int64][]int64
	Unfilled []int64
	MinLoad  int
	MaxLoad  int
}

func normEmployer(s string) string { return strings.Join(strings.Fields(s), "") }

// Conflicted reports whether e may not review x: the applicant themself,
// the same employer, a declared conflict, or (when rules say) the same org.
func Conflicted(e Candidate, x Entry, sameOrg bool) bool {
	ids := employerIDs{}
	return conflicted(e, ids.of(e.Employer), x, ids.of(x.Employer), sameOrg)
}

// employerIDs numbers normalised employers, 0 for none, so the inner loop
// compares integers.
type employerIDs map[string]int

func (m employerIDs) of(s string) int {
	s = normEmployer(s)
	if s == "" {
		return 0
	}
	id, ok := m[s]
	if !ok {
		id = len(m) + 1
		m[s] = id
	}
	return id
}

// conflicted is Conflicted on employers already numbered.
func conflicted(e Candidate, eEmp int, x Entry, xEmp int, sameOrg bool) bool {
	if e.ID == x.ApplicantID {
		return true
	}
	if xEmp != 0 && xEmp == eEmp {
		return true
	}
	if sameOrg && x.OrgPath != "" && e.OrgPath == x.OrgPath {
		return true
	}
	for _, c := range x.Conflicts {
		if c == e.ID {
			return true
		}
	}
	return false
}

// match is 2 for the same discipline, 1 for the same first-level
// discipline (the first three digits of a GB/T 13745 code), 0 otherwise.
func match(e Candidate, d string) int {
	if d == "" {
		return 0
	}
	best := 0
	for _, x := range e.Disciplines {
		switch {
		case x == d:
			return 2
		case len(x) >= 3 && len(d) >= 3 && x[:3] == d[:3]:
			best = 1
		}
	}
	return best
}

// Assign gives each application up to Per experts, never a conflicted one.
// Applications with the fewest possible experts are served first; among the
// possible experts the least loaded win, a discipline match counting as two
// applications less load, then a draw from the seed. The answer depends
// only on the inputs and the seed.
func Assign(experts []Candidate, apps []Entry, r AssignRules) Plan {
	rng := rand.New(rand.NewPCG(uint64(r.Seed), 0x6b657869))
	draw := make([]uint64, len(experts))
	for i := range draw {
		draw[i] = rng.Uint64()
	}
	emp := employerIDs{}
	eEmp := make([]int, len(experts))
	for k, e := range experts {
		eEmp[k] = emp.of(e.Employer)
	}
	xEmp := make([]int, len(apps))
	order := make([]int, len(apps))
	free := make([]int, len(apps))
	tie := make([]uint64, len(apps))
	for i, x := range apps {
		order[i], tie[i], xEmp[i] = i, rng.Uint64(), emp.of(x.Employer)
		for k, e := range experts {
			if !conflicted(e, eEmp[k], x, xEmp[i], r.SameOrg) {
				free[i]++
			}
		}
	}
	sort.Slice(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if free[i] != free[j] {
			return free[i] < free[j]
		}
		return tie[i] < tie[j]
	})
	load := make([]int, len(experts))
	plan := Plan{Experts: make(map[int64][]int64, len(apps))}
	best := make([]int, 0, r.Per)
	keys := make([]int, 0, r.Per)
	for _, i := range order {
		x := apps[i]
		best, keys = best[:0], keys[:0]
		// better orders candidates: less load (a discipline match counting
		// as two applications less), then the seed's draw, then the ID.
		better := func(k, kk, l, lk int) bool {
			if kk != lk {
				return kk < lk
			}
			if draw[k] != draw[l] {
				return draw[k] < draw[l]
			}
			return experts[k].ID < experts[l].ID
		}
		for k, e := range experts {
			if (r.MaxLoad > 0 && load[k] >= r.MaxLoad) || conflicted(e, eEmp[k], x, xEmp[i], r.SameOrg) {
				continue
			}
			kk := 2*load[k] - 2*match(e, x.Discipline)
			// keep best sorted, at most Per long (Per is small)
			pos := len(best)
			for pos > 0 && better(k, kk, best[pos-1], keys[pos-1]) {
				pos--
			}
			if pos >= r.Per {
				continue
			}
			if len(best) < r.Per {
				best, keys = append(best, 0), append(keys, 0)
			}
			copy(best[pos+1:], best[pos:len(best)-1])
			copy(keys[pos+1:], keys[pos:len(keys)-1])
			best[pos], keys[pos] = k, kk
		}
		ids := make([]int64, len(best))
		for n, k := range best {
			load[k]++
			ids[n] = experts[k].ID
		}
		plan.Experts[x.ID] = ids
		if len(ids) < r.Per {
			plan.Unfilled = append(plan.Unfilled, x.ID)
		}
	}
	sort.Slice(plan.Unfilled, func(a, b int) bool { return plan.Unfilled[a] < plan.Unfilled[b] })
	for k := range load {
		if k == 0 || load[k] < plan.MinLoad {
			plan.MinLoad = load[k]
		}
		if load[k] > plan.MaxLoad {
			plan.MaxLoad = load[k]
		}
	}
	return plan
}
