package innovation

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/sheet"
	"kexie/internal/std"
)

// Filter selects needs for staff: always within Scope.
type Filter struct {
	Scope   access.Scope
	Q       string // words of the title, text or enterprise
	Status  Status // "" for every status
	Field   string // "" for every field
	OrgPath string // "" for the whole scope; else this org's subtree (inside Scope)
	Region  string // a GB/T 2260 code: the region and those under it
	Waiting bool   // only published needs waiting over WaitDays without a 对接
	Public  bool   // only what the public list shows (and no scope needed)
	Sort    string // "filed", "wanted", "status"; a leading "-" for descending
	Limit   int
	Offset  int
}

var sorts = map[string]string{"filed": "n.filed_at", "wanted": "n.wanted_by", "status": "n.status"}

// where builds the filter's conditions on innovation_needs n alone; ok is
// false when nothing can match.
func (s *Store) where(f Filter) (string, []any, bool) {
	if f.Public {
		f.Scope = access.Everywhere()
	}
	var where []string
	var args []any
	// With every org in scope and no org filter the list needs no condition.
	if !f.Scope.All() || f.OrgPath != "" {
		cond, a, ok := db.ScopeIn(s.db, "o.path", f.Scope, f.OrgPath)
		if !ok {
			return "", nil, false
		}
		where, args = append(where, "n.org_id IN (SELECT o.id FROM orgs o WHERE "+cond+")"), a
	}
	if f.Public {
		where = append(where, "n.status IN ('published', 'matching', 'solved')")
	}
	if f.Status != "" {
		where, args = append(where, "n.status = ?"), append(args, string(f.Status))
	}
	if f.Field != "" {
		where, args = append(where, "n.field = ?"), append(args, f.Field)
	}
	if f.Region != "" {
		where, args = append(where, `n.region_code LIKE ? ESCAPE '\'`), append(args, db.LikeEscape(std.RegionPrefix(f.Region))+"%")
	}
	if f.Waiting {
		where, args = append(where, "n.status = 'published' AND n.published_at < ?"),
			append(args, db.Millis(s.db.Now().AddDate(0, 0, -s.cfg.WaitDays)))
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where, args = append(where, `(n.title LIKE ? ESCAPE '\' OR n.body LIKE ? ESCAPE '\' OR n.enterprise LIKE ? ESCAPE '\')`), append(args, like, like, like)
	}
	if len(where) == 0 {
		return "1=1", args, true
	}
	return strings.Join(where, " AND "), args, true
}

// List lists one page of the needs in the filter and how many match (a
// count, then the page: db.Page). A public filter's needs come without
// contact, filer or credit code.
func (s *Store) List(ctx context.Context, f Filter) ([]Need, int, error) {
	where, args, ok := s.where(f)
	if !ok {
		return nil, 0, nil
	}
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*) FROM innovation_needs n WHERE ` + where,
		Select: `SELECT ` + needCols + ` FROM innovation_needs n JOIN orgs o ON o.id = n.org_id WHERE ` + where +
			` ORDER BY ` + db.Order(f.Sort, sorts, "n.filed_at DESC") + `, n.id DESC LIMIT ? OFFSET ?`,
		Args: args, Limit: f.Limit, Offset: f.Offset}, func(r db.Scanner) (Need, error) {
		n, err := scanNeed(r)
		if f.Public {
			n.Contact, n.FilerName, n.USCC = "", "", ""
		} else {
			s.mask(&n)
		}
		return n, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("innovation: needs: %w", err)
	}
	return out, total, nil
}

// ExportHeaders are the columns of the XLSX export; a contact is never one.
var ExportHeaders = []string{"序号", "企业名称", "统一社会信用代码", "所在地区", "行业领域", "需求名称", "需求描述", "预算（万元）", "期望解决时间",
	"受理单位", "状态", "提交时间", "发布时间", "首次对接", "对接结果", "合同金额（万元）"}

// Export writes every need of the filter (not one page) for the XLSX
// export, labelled by t. Contacts are never written.
func (s *Store) Export(ctx context.Context, f Filter, t func(string, ...any) string) (sheet.Table, error) {
	tab := sheet.Table{Sheet: t("innovation.title.needs"), Headers: ExportHeaders}
	f.Limit, f.Offset = 1000, 0
	regions := std.Regions()
	for {
		list, _, err := s.List(ctx, f)
		if err != nil {
			return tab, err
		}
		for _, n := range list {
			result, amount := "", ""
			if n.Result != "" {
				result = t("innovation.result." + n.Result)
			}
			if n.Result == Signed {
				amount = FormatWan(n.Amount)
			}
			tab.Rows = append(tab.Rows, []string{fmt.Sprint(len(tab.Rows) + 1), n.Enterprise, n.USCC, regions.FullName(n.RegionCode),
				t("innovation.field." + n.Field), n.Title, n.Body, n.Budget(), sheet.Date(n.WantedBy), n.OrgName,
				t("innovation.status." + string(n.Status)), sheet.Date(n.FiledAt), sheet.Date(n.PublishedAt), sheet.Date(n.MatchedAt), result, amount})
		}
		if len(list) < f.Limit {
			return tab, nil
		}
		f.Offset += f.Limit
	}
}

// Budget is the budget range as text ("10–50", "≥10", "≤50"), "" when none.
func (n Need) Budget() string {
	switch {
	case n.BudgetLo == 0 && n.BudgetHi == 0:
		return ""
	case n.BudgetHi == 0:
		return "≥" + FormatWan(n.BudgetLo)
	case n.BudgetLo == 0:
		return "≤" + FormatWan(n.BudgetHi)
	case n.BudgetLo == n.BudgetHi:
		return FormatWan(n.BudgetLo)
	}
	return FormatWan(n.BudgetLo) + "–" + FormatWan(n.BudgetHi)
}

// AmountText is the contract amount in 万元 as text.
func (n Need) AmountText() string { return FormatWan(n.Amount) }
