package funding

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Budget is one entry of 科普经费 as recorded: a correction is an entry of its
// own that names the one it corrects, which stays, superseded.
type Budget struct {
	ID            int64
	OrgID         int64
	OrgName       string
	OrgPath       string
	Year          int
	Item          string
	Cents         int64
	CorrectsID    int64 // the entry this one corrects, 0 if none
	CorrectsCents int64 // that entry's amount
	SupersededBy  int64 // the entry that corrects this one, 0 while it counts
	Reason        string
	CreatedAt     time.Time
}

// YuanText is the amount with two decimals.
func (b Budget) YuanText() string { return fmt.Sprintf("%.2f", float64(b.Cents)/100) }

// CorrectsYuanText is the amount of the entry this one corrects.
func (b Budget) CorrectsYuanText() string { return fmt.Sprintf("%.2f", float64(b.CorrectsCents)/100) }

// BudgetFilter selects a year's budget entries in scope (narrow it with
// Scope.Within for one org's subtree).
type BudgetFilter struct {
	Scope  access.Scope
	Year   int
	Sort   string // org, amount, created ("-" descending); default newest first
	Limit  int
	Offset int
}

// budgetSorts are the columns Budgets sorts by.
var budgetSorts = map[string]string{"org": "o.path", "amount": "b.amount_cents", "created": "b.created_at"}

// Budgets lists one page of a year's entries in scope (superseded ones too,
// marked) and their total.
func (s *Store) Budgets(ctx context.Context, f BudgetFilter) ([]Budget, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	sc, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := "b.year = ? AND " + sc
	args = append([]any{f.Year}, args...)
	col, desc := strings.TrimPrefix(f.Sort, "-"), strings.HasPrefix(f.Sort, "-")
	order, ok := budgetSorts[col]
	if !ok {
		order, desc = budgetSorts["created"], true
	}
	if desc {
		order += " DESC"
	}
	rows, err := s.db.Query(ctx, `SELECT b.id, b.org_id, o.name, o.path, b.year, b.item, b.amount_cents, b.corrects_id, COALESCE(c.amount_cents, 0), b.superseded_by,
		b.reason, b.created_at, COUNT(*) OVER() FROM funding_budgets b JOIN orgs o ON o.id = b.org_id
		LEFT JOIN funding_budgets c ON c.id = b.corrects_id WHERE `+where+
		` ORDER BY `+order+`, b.id LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("funding: budgets: %w", err)
	}
	defer rows.Close()
	var out []Budget
	total := 0
	for rows.Next() {
		var b Budget
		var at int64
		if err := rows.Scan(&b.ID, &b.OrgID, &b.OrgName, &b.OrgPath, &b.Year, &b.Item, &b.Cents, &b.CorrectsID, &b.CorrectsCents, &b.SupersededBy,
			&b.Reason, &at, &total); err != nil {
			return nil, 0, err
		}
		b.CreatedAt = db.Time(at)
		out = append(out, b)
	}
	return out, total, rows.Err()
}
