package review

import (
	"io/fs"
	"regexp"
	"testing"

	"kexie/internal/web/webtest"
)

// Every key is in both catalogs, and every literal key the code and
// templates use, and every value a dynamic key is built from, is in them.
func TestCatalogsComplete(t *testing.T) {
	loc, err := fs.Sub(localeFS, "locales")
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, tpl := range Templates() {
		labels = append(labels, tpl.Label)
	}
	webtest.CheckCatalogs(t, loc, webtest.CatalogUse{
		Key:       regexp.MustCompile(`"(review\.[a-z0-9_.]*[a-z0-9])"`),
		Templates: []string{"templates/review/*.html", "templates/review/partials/*.html"},
		NotKey: func(k string) bool {
			return k == "review.manage" || k == "review.recommend" || k == "review.unit" // permissions
		},
		Dynamic: map[string][]string{
			"review.kind.": Kinds, "review.status.": {CallDraft, CallOpen, CallClosed, CallPublicity, CallFinal},
			"review.app.":   {AppDraft, AppRecommending, AppReturned, AppInStage, AppRejected, AppSelected, AppNotSelected, AppAwarded},
			"review.stage.": {StageFormal, StageReview, StagePublicity, StageResult}, "review.type.": FieldTypes,
			"review.method.": {Mean, Trimmed, Median}, "review.assign.": {AssignOpen, AssignDone, AssignDeclined},
			"review.objection.": {ObjectionOpen, ObjectionAccepted, ObjectionRejected},
			"review.rule.":      {RuleMaxAge, RuleMemberOf, RuleOrgIn, RuleNotAwarded},
			"review.notice.":    {AppInStage, AppSelected, AppReturned, AppRejected, AppNotSelected, "rec_" + Approve, "rec_" + Return, "rec_" + Reject},
			"":                  labels, // the call templates' labels
		},
	})
}
