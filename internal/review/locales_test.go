package review

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"kexie/internal/web"
)

// Every key is in both catalogs, and every literal key the code and
// templates use, and every value a dynamic key is built from, is in them.
func TestCatalogsComplete(t *testing.T) {
	loc, _ := fs.Sub(localeFS, "locales")
	c, err := web.NewCatalogs(loc)
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Missing(); len(m) > 0 {
		t.Errorf("keys missing: %v", m)
	}
	var zh map[string]string
	b, _ := os.ReadFile("locales/zh-CN.json")
	if err := json.Unmarshal(b, &zh); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.go")
	tpls, _ := filepath.Glob("templates/review/*.html")
	parts, _ := filepath.Glob("templates/review/partials/*.html")
	tpls = append(tpls, parts...)
	key := regexp.MustCompile(`"(review\.[a-z0-9_.]*[a-z0-9])"`)
	for _, f := range append(files, tpls...) {
		if filepath.Ext(f) == ".go" && len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			if _, ok := zh[m[1]]; !ok && m[1] != "review.manage" && m[1] != "review.recommend" && m[1] != "review.unit" && !isAction(m[1]) &&
				m[1] != DeliverKind { // a job kind, labelled as jobs.kind.<kind>
				t.Errorf("%s: %s not in the catalog", f, m[1])
			}
		}
	}
	dynamic := map[string][]string{
		"review.kind.": Kinds, "review.status.": {CallDraft, CallOpen, CallClosed, CallPublicity, CallFinal},
		"review.app.":   {AppDraft, AppRecommending, AppReturned, AppInStage, AppRejected, AppSelected, AppNotSelected, AppAwarded},
		"review.stage.": {StageFormal, StageReview, StagePublicity, StageResult}, "review.type.": FieldTypes,
		"review.method.": {Mean, Trimmed, Median}, "review.assign.": {AssignOpen, AssignDone, AssignDeclined},
		"review.objection.": {ObjectionOpen, ObjectionAccepted, ObjectionRejected},
		"review.rule.":      {RuleMaxAge, RuleMemberOf, RuleOrgIn, RuleNotAwarded},
		"review.notice.":    {AppInStage, AppSelected, AppReturned, AppRejected, AppNotSelected, "rec_" + Approve, "rec_" + Return, "rec_" + Reject},
	}
	for prefix, vals := range dynamic {
		for _, v := range vals {
			if _, ok := zh[prefix+v]; !ok {
				t.Errorf("%s%s not in the catalog", prefix, v)
			}
		}
	}
	for _, tpl := range Templates() {
		if _, ok := zh[tpl.Label]; !ok {
			t.Errorf("template label %s not in the catalog", tpl.Label)
		}
	}
}

// isAction tells audit actions (labelled as audit.act.<action>) from keys.
func isAction(k string) bool {
	_, ok := map[string]bool{"review.assign": true, "review.call_create": true, "review.call_publish": true, "review.decide": true,
		"review.decline": true, "review.draft_save": true, "review.finalize": true, "review.form_save": true,
		"review.objection_file": true, "review.objection_handle": true, "review.publicity": true, "review.reopen": true,
		"review.score": true, "review.select": true, "review.submit": true, "review.remind": true, "review.window": true, "review.report": true, "review.instruction": true}[k]
	return ok
}
