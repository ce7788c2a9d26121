package society

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"kexie/internal/web/webtest"
)

// Every key is in both catalogs, and every literal key the code and
// templates use, and every value a dynamic key is built from, is in them.
func TestCatalogsComplete(t *testing.T) {
	loc, err := fs.Sub(files, "locales")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, in := range Indicators {
		kinds = append(kinds, in.Group, in.Key)
	}
	webtest.CheckCatalogs(t, loc, webtest.CatalogUse{
		Key:       regexp.MustCompile(`"(society\.[a-z0-9_.]*[a-z0-9])"`),
		Templates: []string{"templates/society/*.html"},
		NotKey: func(k string) bool {
			perm := strings.HasPrefix(k, "society.view") || k == "society.edit" || k == "society.check" || k == "society.members"
			return perm || strings.HasPrefix(k, "society.graded3a.") || k == "society.functions.count"
		},
		Dynamic: map[string][]string{
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
			"society.rf.": reportFields,
		},
	})
}
