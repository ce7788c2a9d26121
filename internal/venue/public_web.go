package venue

import (
	"errors"
	"math"
	"net/http"
	"strings"

	"kexie/internal/access"
	"kexie/internal/web"
)

// mapOption is an ECharts option drawing the venues that have coordinates
// as a scatter on a longitude–latitude grid, one series (and colour) per
// kind: a map that needs no outside map service. With region outlines
// loaded, it also names them (kexieMap): the page's script fetches them from
// this server, registers them and draws the same points over them, framed on
// the venues; without them, or if the fetch fails, the grid stays. The table
// beside it carries the same venues for readers without scripts.
func mapOption(t func(string, ...any) string, list []Venue, outlines *Outlines) string {
	type point struct {
		Name  string     `json:"name"`
		Value [2]float64 `json:"value"`
	}
	byKind := map[string][]point{}
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, v := range list {
		if v.Lng == nil {
			continue
		}
		byKind[v.Kind] = append(byKind[v.Kind], point{Name: v.Name, Value: [2]float64{*v.Lng, *v.Lat}})
		minX, maxX = math.Min(minX, *v.Lng), math.Max(maxX, *v.Lng)
		minY, maxY = math.Min(minY, *v.Lat), math.Max(maxY, *v.Lat)
	}
	if len(byKind) == 0 {
		return ""
	}
	pad := func(lo, hi float64) (float64, float64) {
		d := math.Max((hi-lo)*0.08, 0.05)
		return math.Floor((lo-d)*100) / 100, math.Ceil((hi+d)*100) / 100
	}
	x0, x1 := pad(minX, maxX)
	y0, y1 := pad(minY, maxY)
	var series []map[string]any
	var legend []string
	for _, k := range Kinds() {
		if pts := byKind[k]; len(pts) > 0 {
			name := t("venue.kind." + k)
			legend = append(legend, name)
			series = append(series, map[string]any{"type": "scatter", "name": name, "data": pts, "symbolSize": 10})
		}
	}
	opt := map[string]any{
		"color":   []string{"#c62828", "#2f6fde", "#1a7f37", "#8a6500", "#7b1fa2"},
		"tooltip": map[string]any{"trigger": "item"},
		"legend":  map[string]any{"data": legend, "top": 0, "type": "scroll"}, // one line on a phone
		"grid":    map[string]any{"left": 48, "right": 16, "top": 60, "bottom": 36},
		"xAxis": map[string]any{"type": "value", "name": t("venue.f.lng"), "min": x0, "max": x1, "scale": true,
			"axisLabel": map[string]any{"showMinLabel": false, "showMaxLabel": false}},
		"yAxis": map[string]any{"type": "value", "name": t("venue.f.lat"), "min": y0, "max": y1, "scale": true,
			"axisLabel": map[string]any{"showMinLabel": false, "showMaxLabel": false}},
		"series": series,
	}
	if outlines != nil {
		// Framed on the venues, but at least about a county wide, so that
		// the outlines around a few close venues show.
		widen := func(lo, hi float64) (float64, float64) {
			if d := 0.8 - (hi - lo); d > 0 {
				return lo - d/2, hi + d/2
			}
			return lo, hi
		}
		gx0, gx1 := widen(x0, x1)
		gy0, gy1 := widen(y0, y1)
		opt["kexieMap"] = map[string]any{"url": OutlinesPath + "?v=" + strings.Trim(outlines.ETag, `"`), "name": "kexie-regions",
			"geo": map[string]any{"map": "kexie-regions", "roam": true, "boundingCoords": [2][2]float64{{gx0, gy1}, {gx1, gy0}},
				"top": 48, "bottom": 16, "left": 8, "right": 8, "label": map[string]any{"show": false},
				"itemStyle": map[string]any{"areaColor": "#ffffff", "borderColor": "#7b8594", "borderWidth": 1},
				"emphasis":  map[string]any{"disabled": true}, "select": map[string]any{"disabled": true}}}
	}
	return web.ChartJSON(opt)
}

// PublicListPage is the public list and map of venues.
type PublicListPage struct {
	Venues []Venue
	List   *web.List
	Kinds  []string
	Map    string
}

// publicList shows every venue in service (not removed), anyone may look.
func (h *handler) publicList(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "name", "name", "kind", "region")
	col, desc := l.SortColumn()
	// Venues in service are public: every org's.
	f := Filter{Scope: access.Everywhere(), Public: true, Q: l.Q, Kind: l.Get("kind"), Region: l.Get("region"), Sort: col, Desc: desc}
	all, _, err := h.store.List(r.Context(), f)
	if err != nil {
		return err
	}
	l.Total = len(all)
	page := all[min(l.Offset(), len(all)):min(l.Offset()+l.PerPage, len(all))]
	return h.site.Render(w, r, "venue/public_list.html", "venue.title.public",
		PublicListPage{Venues: page, List: l, Kinds: Kinds(), Map: mapOption(h.site.T(r), all, h.store.outlines)})
}

// PublicPage is one venue for the public.
type PublicPage struct {
	Venue Venue
	Six   []string
}

func (h *handler) public(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	v, err := h.store.Get(r.Context(), id)
	var nf *NotFoundError
	if errors.As(err, &nf) || (err == nil && v.Status == Removed) {
		return web.ErrNotFound
	} else if err != nil {
		return err
	}
	return h.site.Render(w, r, "venue/public.html", "venue.title.public", PublicPage{Venue: v, Six: SixItems()})
}

// CoveragePage is the venues per region.
type CoveragePage struct {
	Rows   []CoverageRow
	Region string
	Name   string
	Kinds  []string
	Total  CoverageRow
}

func (h *handler) coverage(w http.ResponseWriter, r *http.Request) error {
	region := r.URL.Query().Get("region")
	if region != "" && !h.store.regions.ValidCode(region) {
		region = ""
	}
	rows, err := h.store.Coverage(r.Context(), h.site.Scope(r, "venue.view"), region)
	if err != nil {
		return err
	}
	p := CoveragePage{Rows: rows, Region: region, Kinds: Kinds(), Total: CoverageRow{ByKind: map[string]int{}}}
	if region != "" {
		p.Name = h.store.regions.FullName(region)
	}
	for _, x := range rows {
		for k, n := range x.ByKind {
			p.Total.ByKind[k] += n
		}
		p.Total.Total += x.Total
		p.Total.SixComplete += x.SixComplete
		p.Total.Townships += x.Townships
		p.Total.Visitors += x.Visitors
	}
	return h.site.Render(w, r, "venue/coverage.html", "venue.title.coverage", p)
}
