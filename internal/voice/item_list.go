package voice

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/sheet"
)

// Filter selects items for staff: always within Scope.
type Filter struct {
	Scope   access.Scope
	Q       string // words of the title or text
	Kind    Kind   // "" for both
	Status  Status // "" for every status
	Topic   string // "" for every topic
	OrgPath string // "" for the whole scope; else this org's subtree (inside Scope)
	Overdue bool   // only items past their time limit without an answer
	Sort    string // "filed", "due", "status"; a leading "-" for descending
	Limit   int
	Offset  int
}

var sorts = map[string]string{"filed": "i.filed_at", "due": "i.due_at", "status": "i.status"}

// where builds the filter's conditions on voice_items i alone (the scope
// and the org filter as a subquery of the orgs in them, so a query needs
// no join to count); ok is false when nothing can match.
func (s *Store) where(f Filter) (string, []any, bool) {
	var where []string
	var args []any
	// With every org in scope and no org filter the list needs no condition.
	if !f.Scope.All() || f.OrgPath != "" {
		cond, a, ok := db.ScopeIn(s.db, "o.path", f.Scope, f.OrgPath)
		if !ok {
			return "", nil, false
		}
		where, args = append(where, "i.org_id IN (SELECT o.id FROM orgs o WHERE "+cond+")"), a
	}
	if f.Kind != "" {
		where, args = append(where, "i.kind = ?"), append(args, string(f.Kind))
	}
	if f.Status != "" {
		where, args = append(where, "i.status = ?"), append(args, string(f.Status))
	}
	if f.Topic != "" {
		where, args = append(where, "i.topic = ?"), append(args, f.Topic)
	}
	if f.Overdue {
		where, args = append(where, "i.status IN ('accepted', 'assigned') AND i.due_at > 0 AND i.due_at < ?"), append(args, db.Millis(s.db.Now()))
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where, args = append(where, `(i.title LIKE ? ESCAPE '\' OR i.body LIKE ? ESCAPE '\')`), append(args, like, like)
	}
	if len(where) == 0 {
		return "1=1", args, true
	}
	return strings.Join(where, " AND "), args, true
}

// List lists one page of the items in the filter and how many match (a
// count, then the page: db.Page).
func (s *Store) List(ctx context.Context, f Filter) ([]Item, int, error) {
	where, args, ok := s.where(f)
	if !ok {
		return nil, 0, nil
	}
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*) FROM voice_items i WHERE ` + where,
		Select: `SELECT ` + itemCols + ` FROM voice_items i JOIN orgs o ON o.id = i.org_id WHERE ` + where +
			` ORDER BY ` + db.Order(f.Sort, sorts, "i.filed_at DESC") + `, i.id DESC LIMIT ? OFFSET ?`,
		Args: args, Limit: f.Limit, Offset: f.Offset}, func(r db.Scanner) (Item, error) {
		it, err := scanItem(r)
		s.mask(&it)
		return it, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("voice: items: %w", err)
	}
	return out, total, nil
}

// ExportHeaders are the columns of the XLSX export; a contact is never one.
var ExportHeaders = []string{"序号", "类别", "主题", "标题", "内容", "受理单位", "状态", "提交时间", "受理时间", "答复期限", "是否逾期", "承办人", "答复时间", "答复", "评价"}

// Export writes every item of the filter (not one page) for the XLSX
// export, labelled by t. Contacts are never written.
func (s *Store) Export(ctx context.Context, f Filter, t func(string, ...any) string) (sheet.Table, error) {
	tab := sheet.Table{Sheet: t("voice.title.list"), Headers: ExportHeaders}
	f.Limit, f.Offset = 1000, 0
	for {
		items, _, err := s.List(ctx, f)
		if err != nil {
			return tab, err
		}
		for _, it := range items {
			overdue := ""
			if it.Overdue {
				overdue = t("voice.overdue")
			}
			rating := ""
			if it.Rating != "" {
				rating = t("voice.rating." + it.Rating)
			}
			tab.Rows = append(tab.Rows, []string{fmt.Sprint(len(tab.Rows) + 1), t("voice.kind." + string(it.Kind)), t("voice.topic." + it.Topic),
				it.Title, it.Body, it.OrgName, t("voice.status." + string(it.Status)), sheet.Date(it.FiledAt), sheet.Date(it.AcceptedAt),
				sheet.Date(it.DueAt), overdue, it.HandlerName, sheet.Date(it.AnsweredAt), it.Answer, rating})
		}
		if len(items) < f.Limit {
			return tab, nil
		}
		f.Offset += f.Limit
	}
}
