package review_test

import (
	"testing"
	"time"

	"kexie/internal/review"
)

func TestEligible(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	who := review.Applicant{BirthYear: 1987, TitleLevel: "vice_senior", OrgPath: "/1/7/12/", Memberships: []string{"/1/7/30/"}}
	never := func(string, int) (bool, error) { return false, nil }
	cases := []struct {
		name    string
		rule    review.Rule
		who     func(a *review.Applicant)
		awarded bool
		want    string
	}{
		{"age 39 within 40", review.Rule{Kind: review.RuleMaxAge, N: 40, On: "2026-12-31"}, nil, false, ""},
		{"age 41 over 40", review.Rule{Kind: review.RuleMaxAge, N: 40, On: "2026-12-31"}, func(a *review.Applicant) { a.BirthYear = 1985 }, false, "eligibility:review.elig.age"},
		{"age unknown", review.Rule{Kind: review.RuleMaxAge, N: 40, On: "2026-12-31"}, func(a *review.Applicant) { a.BirthYear = 0 }, false, "eligibility:review.elig.age_unknown"},
		{"title 副高 meets 副高", review.Rule{Kind: review.RuleMinTitle, Level: "vice_senior"}, nil, false, ""},
		{"title 中级 below 副高", review.Rule{Kind: review.RuleMinTitle, Level: "vice_senior"}, func(a *review.Applicant) { a.TitleLevel = "intermediate" }, false, "eligibility:review.elig.title.vice_senior"},
		{"member of the 学会", review.Rule{Kind: review.RuleMemberOf, Path: "/1/7/30/", Name: "金属学会"}, nil, false, ""},
		{"not a member", review.Rule{Kind: review.RuleMemberOf, Path: "/1/7/31/", Name: "化学会"}, nil, false, "eligibility:review.elig.member"},
		{"org in subtree", review.Rule{Kind: review.RuleOrgIn, Path: "/1/7/"}, nil, false, ""},
		{"org outside", review.Rule{Kind: review.RuleOrgIn, Path: "/1/8/"}, nil, false, "eligibility:review.elig.org"},
		{"awarded recently", review.Rule{Kind: review.RuleNotAwarded, N: 4}, nil, true, "eligibility:review.elig.awarded"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := who
			if tc.who != nil {
				tc.who(&a)
			}
			if errs := review.CheckRules([]review.Rule{tc.rule}); len(errs) > 0 {
				t.Fatalf("rule: %v", errs)
			}
			awarded := never
			if tc.awarded {
				awarded = func(kind string, years int) (bool, error) { return kind == "award" && years == 4, nil }
			}
			errs, err := review.Eligible([]review.Rule{tc.rule}, a, now, awarded)
			if err != nil {
				t.Fatal(err)
			}
			if got := keys(errs); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if errs := review.CheckRules([]review.Rule{{Kind: "lucky"}, {Kind: review.RuleMaxAge, N: 40, On: "someday"}}); len(errs) != 2 {
		t.Errorf("bad rules accepted: %v", errs)
	}
}
