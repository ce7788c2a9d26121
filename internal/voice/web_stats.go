package voice

import (
	"fmt"
	"net/http"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// StatsPage is a year's numbers of the viewer's scope (or one org's
// subtree inside it), by topic, with a chart.
type StatsPage struct {
	Year     int
	Years    []int
	Org      string
	Stats    Stats
	Chart    string
	Requests Tally
	Sugs     Tally
}

func (h *handler) stats(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	now := h.store.db.Now().In(sheet.Zone).Year()
	year, err := strconv.Atoi(q.Get("year"))
	if err != nil || year < 2000 || year > now+1 {
		year = now
	}
	scope := h.site.Scope(r, "voice.view")
	p := StatsPage{Year: year, Org: q.Get("org")}
	for y := now; y >= now-5; y-- {
		p.Years = append(p.Years, y)
	}
	path := ""
	if p.Org != "" {
		o, err := h.orgs.FromForm(r.Context(), p.Org)
		if err != nil {
			path = "/0/" // no such org: nothing
		} else {
			path = o.Path
		}
	}
	if p.Stats, err = h.store.YearStats(r.Context(), scope, path, year); err != nil {
		return err
	}
	p.Requests, p.Sugs = p.Stats.ByKind[Request], p.Stats.ByKind[Suggestion]
	t := h.site.T(r)
	if web.WantsExport(r) {
		return sheet.ServeXLSX(w, fmt.Sprintf("建言诉求统计-%d.xlsx", year), statsTable(t, p.Stats))
	}
	p.Chart = statsChart(t, p.Stats)
	return h.site.Render(w, r, "voice/stats.html", "voice.title.stats", p)
}

// statsTable is the year's numbers by topic, then the total.
func statsTable(t func(string, ...any) string, st Stats) sheet.Table {
	tab := sheet.Table{Sheet: t("voice.title.stats"), Headers: []string{t("voice.f.topic"), t("voice.st.filed"), t("voice.st.declined"),
		t("voice.st.answered"), t("voice.st.closed"), t("voice.st.on_time"), t("voice.st.satisfied"), t("voice.st.overdue")}}
	row := func(name string, x Tally) []string {
		return []string{name, strconv.Itoa(x.Filed), strconv.Itoa(x.Declined), strconv.Itoa(x.Answered), strconv.Itoa(x.Closed),
			rate(x.Timed, x.OnTimeRate()), rate(x.Rated, x.SatisfiedRate()), strconv.Itoa(x.Overdue)}
	}
	for _, tt := range st.ByTopic {
		tab.Rows = append(tab.Rows, row(t("voice.topic."+tt.Topic), tt.Tally))
	}
	tab.Rows = append(tab.Rows, row(t("voice.st.total"), st.Total))
	return tab
}

// rate shows a percentage, or "—" when its base is empty.
func rate(base int, v float64) string {
	if base == 0 {
		return "—"
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + "%"
}

// Rate is rate for templates.
func (t Tally) Rate(which string) string {
	switch which {
	case "on_time":
		return rate(t.Timed, t.OnTimeRate())
	case "satisfied":
		return rate(t.Rated, t.SatisfiedRate())
	case "closed":
		return rate(t.Filed-t.Declined, t.ClosedRate())
	}
	return ""
}

// statsChart draws filed and answered items by topic as bars.
func statsChart(t func(string, ...any) string, st Stats) string {
	if st.Total.Filed == 0 {
		return ""
	}
	var names []string
	var filed, answered []int
	for _, tt := range st.ByTopic {
		names = append(names, t("voice.topic."+tt.Topic))
		filed = append(filed, tt.Filed)
		answered = append(answered, tt.Answered)
	}
	return web.ChartJSON(map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0},
		"grid":    map[string]any{"left": 110, "right": 16, "top": 32, "bottom": 24},
		"xAxis":   map[string]any{"type": "value", "minInterval": 1},
		"yAxis":   map[string]any{"type": "category", "data": names, "inverse": true},
		"series": []map[string]any{
			{"name": t("voice.st.filed"), "type": "bar", "data": filed, "barMaxWidth": 16},
			{"name": t("voice.st.answered"), "type": "bar", "data": answered, "barMaxWidth": 16},
		},
	})
}
