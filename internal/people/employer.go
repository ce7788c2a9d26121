package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"kexie/internal/db"
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
	q, args := `SELECT o.name FROM orgs o WHERE o.id = ?`, []any{r.EmployerOrgID}
	if r.EmployerScope != nil {
		if len(r.EmployerScope) == 0 {
			return valid.New("employer_org_id", "people.err.employer_org")
		}
		c, a := db.InSubtrees(tx, "o.path", r.EmployerScope)
		q, args = q+" AND "+c, append(args, a...)
	}
	var name string
	err := tx.QueryRow(ctx, q, args...).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return valid.New("employer_org_id", "people.err.employer_org")
	}
	if err != nil {
		return fmt.Errorf("people: employer org %d: %w", r.EmployerOrgID, err)
	}
	if r.Employer == "" {
		r.Employer = name
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
