package survey

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"kexie/internal/org"
	"kexie/internal/sheet"
)

// The analysis page's by-region table drills down: a region's name narrows
// the page (the region filter, so the figures, the total and the export
// follow) to that region's children, and a breadcrumb from the survey's org
// leads back up. A region outside the viewer's scope shows nothing.

// RegionCrumb is one step of the by-region table's breadcrumb; Href is ""
// for the region shown.
type RegionCrumb struct {
	Region
	Href string
}

// DrillHref is the page narrowed to the children of the region id: the
// region filter set to it, one level down, the other filters kept.
func (p AnalysisPage) DrillHref(id int64) string {
	return p.href(strconv.FormatInt(id, 10))
}

// href is the page's address with the region filter set to within ("" for
// the survey's own org) and the table one level below it.
func (p AnalysisPage) href(within string) string {
	q := url.Values{}
	for k, v := range p.query {
		q[k] = append([]string(nil), v...)
	}
	q.Del("format")
	if within == "" {
		q.Del("within")
	} else {
		q.Set("within", within)
	}
	q.Set("level", "1")
	return "?" + q.Encode()
}

// markBelow marks the rows of t whose regions have orgs under them.
func (s *Store) markBelow(ctx context.Context, t *RegionTable) error {
	if len(t.Rows) == 0 {
		return nil
	}
	args := make([]any, len(t.Rows))
	marks := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		args[i], marks[i] = r.ID, "?"
	}
	rows, err := s.db.Query(ctx, `SELECT DISTINCT parent_id FROM orgs WHERE parent_id IN (`+strings.Join(marks, ",")+`)`, args...)
	if err != nil {
		return fmt.Errorf("survey: regions below: %w", err)
	}
	defer rows.Close()
	below := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("survey: regions below: %w", err)
		}
		below[id] = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("survey: regions below: %w", err)
	}
	for i := range t.Rows {
		t.Rows[i].Below = below[t.Rows[i].ID]
	}
	return nil
}

// regionCrumbs is the way from the survey's org down to anchor, each step
// but the last a link. An anchor outside the survey's subtree (the filter
// set to an org above it) stands alone.
func (h *handler) regionCrumbs(ctx context.Context, p AnalysisPage, anchor Region) ([]RegionCrumb, error) {
	ids := org.PathIDs(anchor.Path)
	from := -1
	for i, id := range ids {
		if id == p.Survey.OrgID {
			from = i
		}
	}
	if from < 0 || from == len(ids)-1 {
		return []RegionCrumb{{Region: anchor}}, nil
	}
	ids = ids[from:]
	args := make([]any, len(ids))
	marks := make([]string, len(ids))
	for i, id := range ids {
		args[i], marks[i] = id, "?"
	}
	rows, err := h.store.db.Query(ctx, `SELECT id, name, path FROM orgs WHERE id IN (`+strings.Join(marks, ",")+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("survey: region crumbs: %w", err)
	}
	defer rows.Close()
	var out []RegionCrumb
	for rows.Next() {
		var c RegionCrumb
		if err := rows.Scan(&c.ID, &c.Name, &c.Path); err != nil {
			return nil, fmt.Errorf("survey: region crumbs: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("survey: region crumbs: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i].Path) < len(out[j].Path) })
	for i := range out {
		switch {
		case i == len(out)-1:
		case out[i].ID == p.Survey.OrgID:
			out[i].Href = p.href("")
		default:
			out[i].Href = p.DrillHref(out[i].ID)
		}
	}
	return out, nil
}

// regionSheet is the by-region table as a sheet: per column the share in
// percent, its standard error in points, the 95% interval and the rows
// counted.
func regionSheet(rt RegionTable, t func(string, ...any) string) sheet.Table {
	head := t("survey.f.region")
	if rt.Anchor.Name != "" {
		head = t("survey.a.region_under", rt.Anchor.Name)
	}
	st := sheet.Table{Sheet: t("survey.a.by_region_sheet"), Headers: []string{head}}
	for _, c := range rt.Cols {
		name := c.Label
		if c.Key == "literacy" {
			name = t("survey.a.literacy")
		}
		st.Headers = append(st.Headers, name+" %", name+" "+t("survey.a.se"), name+" "+t("survey.a.ci_lo"), name+" "+t("survey.a.ci_hi"), name+" n")
	}
	line := func(name string, rates []Rate) []string {
		out := []string{name}
		for _, r := range rates {
			if r.N == 0 {
				out = append(out, "", "", "", "", "0")
				continue
			}
			out = append(out, r.PS(), r.SES(), r.LoS(), r.HiS(), strconv.Itoa(r.N))
		}
		return out
	}
	for _, row := range rt.Rows {
		st.Rows = append(st.Rows, line(row.Name, row.Rates))
	}
	st.Rows = append(st.Rows, line(t("survey.a.total"), rt.Total.Rates))
	return st
}
