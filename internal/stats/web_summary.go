package stats

import (
	"fmt"
	"math"
	"net/http"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// SumRow is one indicator's total beside last year's.
type SumRow struct {
	Code, Label, Unit string
	Part              bool
	Value, Last       string
	Change            string // "+12%" for the orgs approved both years, "" when none or last year is 0
	Why               string // the catalog key of why there is no change, shown beside its —
	Up, Down          bool
}

// SumTable is one table of the summary.
type SumTable struct {
	Code, Title string
	Rows        []SumRow
}

// SummaryPage is a subtree's totals of a year.
type SummaryPage struct {
	Year    int
	Years   []int
	Org     string
	Sum     Summary
	Tables  []SumTable
	Chart   string
	OrgName string
}

func (h *handler) summary(w http.ResponseWriter, r *http.Request) error {
	p := SummaryPage{Year: h.year(r), Years: h.years(), Org: r.URL.Query().Get("org")}
	scope := h.site.Scope(r, "stats.view")
	path, _, name := h.orgPath(r, scope, p.Org)
	p.OrgName = name
	ln, t := lang(r), h.site.T(r)
	if web.WantsExport(r) {
		tabs, err := h.store.Export(r.Context(), scope, path, p.Year, ln, t)
		if err != nil {
			return err
		}
		return sheet.ServeXLSXBook(w, fmt.Sprintf("统计年报-%d.xlsx", p.Year), tabs...)
	}
	var err error
	if p.Sum, err = h.store.Summarize(r.Context(), scope, path, p.Year); err != nil {
		return err
	}
	sc := h.store.Schema()
	var names []string
	var changes []map[string]any
	for i := range sc.Tables {
		tab := &sc.Tables[i]
		st := SumTable{Code: tab.Code, Title: tab.TitleIn(ln)}
		for _, in := range tab.Rows {
			v, l := p.Sum.Totals[in.Code], p.Sum.Last[in.Code]
			row := SumRow{Code: in.Code, Label: in.LabelIn(ln), Unit: in.Unit, Part: in.PartOf != "", Value: Format(v, in.Scale)}
			if p.Sum.LastIncl > 0 {
				row.Last = Format(l, in.Scale)
			}
			// The change compares like with like: the orgs approved both
			// years, not this year's forms so far with last year's all.
			if b, bl := p.Sum.Both[in.Code], p.Sum.BothLast[in.Code]; bl > 0 && p.Sum.BothN > 0 {
				pct := float64(b-bl) * 100 / float64(bl)
				row.Change, row.Up, row.Down = changeText(pct)
				if in.PartOf == "" {
					names = append(names, in.Code+" "+in.LabelIn(ln))
					// Each bar says its change as the table does, sign and all.
					changes = append(changes, map[string]any{"value": float64(int(pct*10)) / 10, "label": map[string]any{"formatter": row.Change}})
				}
			}
			if row.Change == "" {
				row.Why = p.Sum.NoChange(in.Code)
			}
			st.Rows = append(st.Rows, row)
		}
		p.Tables = append(p.Tables, st)
	}
	if len(names) > 0 {
		p.Chart = web.ChartJSON(map[string]any{
			"tooltip": map[string]any{"trigger": "axis"},
			"grid":    map[string]any{"left": 180, "right": 64, "top": 16, "bottom": 24},
			"xAxis":   map[string]any{"type": "value", "splitNumber": 4, "axisLabel": map[string]any{"formatter": "{value}%", "hideOverlap": true}},
			"yAxis":   map[string]any{"type": "category", "data": names, "inverse": true},
			"series": []map[string]any{{"name": t("stats.sum.change"), "type": "bar", "data": changes, "barMaxWidth": 14,
				"label": map[string]any{"show": true, "position": "right"}}},
		})
	}
	return h.site.Render(w, r, "stats/summary.html", "stats.title.summary", p)
}

// NoChange is the catalog key of the short reason indicator code shows no
// change from last year ("" when it shows one): no approved form last year,
// no org whose forms of both years are approved yet, or 0 last year among
// those — a change needs a base, never 0 % or +100 % from nothing.
func (s Summary) NoChange(code string) string {
	switch {
	case s.LastIncl == 0:
		return "stats.why.no_last"
	case s.BothN == 0:
		return "stats.why.no_both"
	case s.BothLast[code] == 0:
		return "stats.why.zero_last"
	}
	return ""
}

// changeText is a change in percent as the page shows it, to one decimal:
// a change that rounds to nothing reads 0.0%, neither up nor down (not
// -0.0% in red).
func changeText(pct float64) (text string, up, down bool) {
	r := math.Round(pct*10) / 10
	if r == 0 {
		return "0.0%", false, false
	}
	return fmt.Sprintf("%+.1f%%", r), r > 0, r < 0
}
