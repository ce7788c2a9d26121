package people

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// checkEmployer validates the employer's USCC and that an org employer and
// a USCC are not both given: a USCC identifies a unit outside the tree.
func checkEmployer(r *row, errs *valid.Errors) {
	r.EmployerUSCC = strings.TrimSpace(r.EmployerUSCC)
	if r.EmployerOrgID < 0 {
		errs.Add("employer_org_id", "people.err.employer_org")
	}
	if r.EmployerUSCC == "" {
		return
	}
	if r.EmployerOrgID != 0 {
		errs.Add("employer_uscc", "people.err.employer_exclusive")
		return
	}
	code, err := std.CheckUSCC(r.EmployerUSCC)
	var ue *std.USCCError
	if errors.As(err, &ue) {
		errs.Add("employer_uscc", "people.err."+strings.ReplaceAll(ue.Code, ".", "_"))
		return
	}
	r.EmployerUSCC = code
	if r.Employer == "" {
		errs.Add("employer", "people.err.employer_name")
	}
}

// employerOrg checks in tx that r's org employer exists inside
// r.EmployerScope, and names the employer after it when no name was given.
func employerOrg(ctx context.Context, tx *db.Tx, r *row) error {
	if r.EmployerOrgID == 0 {
		return nil
	}
	o, err := org.Lookup(ctx, tx, r.EmployerOrgID)
	if errors.Is(err, db.ErrNotFound) {
		return valid.New("employer_org_id", "people.err.employer_org")
	}
	if err != nil {
		return fmt.Errorf("people: employer org: %w", err)
	}
	if !r.EmployerScope.Contains(o.Path) {
		return valid.New("employer_org_id", "people.err.employer_org")
	}
	if r.Employer == "" {
		r.Employer = o.Name
	}
	return nil
}

// idText is an optional id for an audit summary ("" for none).
func idText(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}
