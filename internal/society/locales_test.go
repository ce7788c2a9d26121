package society

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kexie/internal/web"
)

// Every key is in both catalogs, and every literal key the code and
// templates use, and every value a dynamic key is built from, is in them.
func TestCatalogsComplete(t *testing.T) {
	loc, _ := fs.Sub(files, "locales")
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
	srcs, _ := filepath.Glob("*.go")
	tpls, _ := filepath.Glob("templates/society/*.html")
	key := regexp.MustCompile(`"(society\.[a-z0-9_.]*[a-z0-9])"`)
	for _, f := range append(srcs, tpls...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			k := m[1]
			_, ok := zh[k]
			_, act := zh["audit.act."+k]
			perm := strings.HasPrefix(k, "society.view") || k == "society.edit" || k == "society.check" || k == "society.members"
			if !ok && !act && !perm && !strings.HasPrefix(k, "society.graded3a.") && k != "society.functions.count" && k != RemindKind && k != ReportsKind {
				t.Errorf("%s: %s not in the catalog", f, k)
			}
		}
	}
	var kinds []string
	for _, in := range Indicators {
		kinds = append(kinds, in.Group, in.Key)
	}
	dynamic := map[string][]string{
		"society.report.": {ReportDraft, ReportFiled, ReportReturned, ReportAccepted},
		"society.change.": ChangeKinds, "society.fact.": FactKinds, "society.body.": Bodies,
		"society.plan.":           {"none", "submitted", "approved", "returned"},
		"society.flash.term_":     {RenewSubmit, RenewApprove, RenewReturn, RenewElect},
		"audit.act.society.term_": {RenewSubmit, RenewApprove, RenewReturn, RenewElect},
		"society.state.":          {"on_time", "late", "missing", "overdue"},
		"society.member.":         {MemberApplied, MemberActive, MemberRejected},
		"society.invoice.":        {InvoiceUnpaid, InvoicePending, InvoicePaid, InvoiceRefunded, "arrears"},
		"society.kind.":           {KindIndividual, KindUnit}, "society.method.": {"transfer", "provider"},
		"society.assess.": {"draft", "submitted"}, "society.ind.": kinds,
	}
	for _, f := range reportFields {
		dynamic["society.rf."] = append(dynamic["society.rf."], f)
	}
	for prefix, vals := range dynamic {
		for _, v := range vals {
			if _, ok := zh[prefix+v]; !ok {
				t.Errorf("%s%s not in the catalog", prefix, v)
			}
		}
	}
}
