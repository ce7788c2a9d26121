package survey

import (
	"encoding/json"
	"net/http"
	"sort"
	"strconv"

	"kexie/internal/web"
)

// MonitorPage is the science-literacy dashboard of an org's subtree.
type MonitorPage struct {
	Root    Region
	Monitor Monitor
	Chart   string
	Pick    string
	Roles   []string
	Labels  map[string]map[string]string // role → code → label
}

// Cats lists a role's categories in code order.
func (p MonitorPage) Cats(role string) []string {
	var out []string
	for c := range p.Monitor.Breakdown[role] {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Rate is the rate of a role's category.
func (p MonitorPage) Rate(role, cat string) Rate { return p.Monitor.Breakdown[role][cat] }

// Label names a role's category.
func (p MonitorPage) Label(role, cat string) string {
	if l, ok := p.Labels[role][cat]; ok {
		return l
	}
	return cat
}

// YearRate is a region's rate in a year (zero when none).
func (p MonitorPage) YearRate(rr RegionRates, y int) Rate { return rr.ByYear[y] }

func (h *handler) monitor(w http.ResponseWriter, r *http.Request) error {
	scope := h.site.Scope(r, "survey.monitor")
	p := MonitorPage{Roles: Roles, Labels: map[string]map[string]string{}}
	lang := langOf(r)
	for _, q := range demographics().Questions {
		p.Labels[q.Role] = map[string]string{}
		for _, o := range q.Options {
			p.Labels[q.Role][o.Code] = o.Text.In(lang)
		}
	}
	pick := r.URL.Query().Get("org")
	var root Region
	if pick != "" {
		o, err := h.orgs.FromForm(r.Context(), pick)
		if err != nil || !scope.Contains(o.Path) {
			return web.ErrNotFound
		}
		root = Region{ID: o.ID, Name: o.Name, Path: o.Path}
	} else if id := web.IdentityFrom(r.Context()); id != nil && id.Subject != nil {
		// The caller's own (current) org, or the top of their grants.
		for _, g := range id.Subject.Grants {
			if g.OrgID == id.CurrentOrgID || root.ID == 0 {
				if scope.Contains(g.OrgPath) {
					root = Region{ID: g.OrgID, Name: g.OrgName, Path: g.OrgPath}
				}
			}
		}
		if root.ID == 0 && scope.All() {
			o, err := h.orgs.Root(r.Context())
			if err != nil {
				return err
			}
			root = Region{ID: o.ID, Name: o.Name, Path: o.Path}
		}
	}
	p.Root, p.Pick = root, pick
	if root.ID != 0 {
		m, err := h.store.Monitor(r.Context(), scope, root)
		if err != nil {
			return err
		}
		p.Monitor = m
		p.Chart = monitorChart(m, h.site.T(r)("survey.m.overall"))
	}
	return h.site.Render(w, r, "survey/monitor.html", "survey.title.monitor", p)
}

func monitorChart(m Monitor, overall string) string {
	if len(m.Years) == 0 {
		return ""
	}
	var years []string
	for _, y := range m.Years {
		years = append(years, strconv.Itoa(y))
	}
	line := func(name string, by map[int]Rate) map[string]any {
		var data []any
		for _, y := range m.Years {
			if r, ok := by[y]; ok && r.N > 0 {
				data = append(data, float64(int(r.P*1000+0.5))/10)
			} else {
				data = append(data, nil)
			}
		}
		return map[string]any{"type": "line", "name": name, "data": data, "connectNulls": true}
	}
	series := []any{line(overall, m.Overall)}
	var names []string
	names = append(names, overall)
	for _, rr := range m.Regions {
		if len(rr.ByYear) > 0 {
			series = append(series, line(rr.Name, rr.ByYear))
			names = append(names, rr.Name)
		}
	}
	b, _ := json.Marshal(map[string]any{
		"grid":    map[string]any{"left": 8, "right": 16, "top": 16, "bottom": 40, "containLabel": true},
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"type": "scroll", "data": names, "bottom": 0},
		"xAxis":   map[string]any{"type": "category", "data": years},
		"yAxis":   map[string]any{"type": "value", "axisLabel": map[string]any{"formatter": "{value}%"}},
		"series":  series,
	})
	return string(b)
}
