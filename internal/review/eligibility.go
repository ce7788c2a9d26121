package review

import (
	"strings"
	"time"

	"kexie/internal/valid"
)

// Rule kinds of eligibility.
const (
	RuleMaxAge     = "max_age"     // age ≤ N in the year of On (birth year only is kept: D43)
	RuleMinTitle   = "min_title"   // title level ≥ Level
	RuleMemberOf   = "member_of"   // an active member of the org at Path (a 学会) or under it
	RuleOrgIn      = "org_in"      // the applicant's org lies in the subtree at Path
	RuleNotAwarded = "not_awarded" // not awarded in a call of Kind within N years
)

// Rule is one eligibility condition, checked when an applicant submits.
type Rule struct {
	Kind     string `json:"kind"`
	N        int    `json:"n,omitempty"`
	On       string `json:"on,omitempty"` // YYYY-MM-DD: the date age is counted on
	Level    string `json:"level,omitempty"`
	Path     string `json:"path,omitempty"`
	Name     string `json:"name,omitempty"` // the org's name, shown in the reason
	CallKind string `json:"call_kind,omitempty"`
}

// titleRank orders people's title levels (职称级别): higher is more senior.
var titleRank = map[string]int{"none": 0, "junior": 1, "intermediate": 2, "vice_senior": 3, "senior": 4}

// CheckRules reports what is wrong with rules themselves (for the editor).
func CheckRules(rules []Rule) valid.Errors {
	var errs valid.Errors
	for _, r := range rules {
		switch r.Kind {
		case RuleMaxAge:
			if _, err := time.Parse("2006-01-02", r.On); err != nil || r.N <= 0 || r.N > 120 {
				errs.Add("rules", "review.err.rule_age")
			}
		case RuleMinTitle:
			if _, ok := titleRank[r.Level]; !ok {
				errs.Add("rules", "review.err.rule_title")
			}
		case RuleMemberOf, RuleOrgIn:
			if !strings.HasPrefix(r.Path, "/") || !strings.HasSuffix(r.Path, "/") {
				errs.Add("rules", "review.err.rule_org")
			}
		case RuleNotAwarded:
			if r.N <= 0 || r.N > 50 {
				errs.Add("rules", "review.err.rule_years")
			}
		default:
			errs.Add("rules", "review.err.rule_kind")
		}
	}
	return errs
}

// AwardedWithin answers whether the applicant was awarded in a call of kind
// within the years before now; the store supplies it from its own tables.
type AwardedWithin func(kind string, years int) (bool, error)

// Eligible evaluates rules for a, returning one error per failed rule with
// the reason (field "eligibility").
func Eligible(rules []Rule, a Applicant, now time.Time, awarded AwardedWithin) (valid.Errors, error) {
	var errs valid.Errors
	for _, r := range rules {
		switch r.Kind {
		case RuleMaxAge:
			on, _ := time.Parse("2006-01-02", r.On)
			switch {
			case a.BirthYear == 0:
				errs.Add("eligibility", "review.elig.age_unknown")
			case on.Year()-a.BirthYear > r.N:
				errs.Add("eligibility", "review.elig.age", r.N, r.On, on.Year()-a.BirthYear)
			}
		case RuleMinTitle:
			if titleRank[a.TitleLevel] < titleRank[r.Level] {
				errs.Add("eligibility", "review.elig.title."+r.Level)
			}
		case RuleMemberOf:
			ok := false
			for _, p := range a.Memberships {
				if strings.HasPrefix(p, r.Path) {
					ok = true
				}
			}
			if !ok {
				errs.Add("eligibility", "review.elig.member", r.Name)
			}
		case RuleOrgIn:
			if !strings.HasPrefix(a.OrgPath, r.Path) {
				errs.Add("eligibility", "review.elig.org", r.Name)
			}
		case RuleNotAwarded:
			kind := r.CallKind
			if kind == "" {
				kind = "award"
			}
			got, err := awarded(kind, r.N)
			if err != nil {
				return nil, err
			}
			if got {
				errs.Add("eligibility", "review.elig.awarded", r.N)
			}
		}
	}
	return errs, nil
}
