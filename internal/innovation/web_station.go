package innovation

import (
	"net/http"
	"strconv"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// StationsPage is the registry of stations in the viewer's scope.
type StationsPage struct {
	List     *web.List
	Stations []Station
	Kind     string
	Status   string
	Org      string
	Region   string
	Place    web.RegionFilter
	Kinds    []string
}

func (h *handler) stations(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-founded", "founded", "name")
	p := StationsPage{List: l, Kind: l.Get("kind"), Status: l.Get("status"), Org: l.Get("org"), Region: l.Get("region"), Kinds: StationKinds}
	f := StationFilter{Scope: h.site.Scope(r, "innovation.view"), Q: l.Q, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if inList(StationKinds, p.Kind) {
		f.Kind = p.Kind
	}
	if p.Status == Active || p.Status == Revoked {
		f.Status = p.Status
	}
	var redirect string
	if p.Place, redirect = web.ReadRegionFilter(h.site.T(r), l); redirect != "" {
		return web.Redirect(w, r, redirect)
	}
	f.Region = p.Place.Code
	if p.Org != "" {
		if o, err := h.orgs.FromForm(r.Context(), p.Org); err != nil {
			f.OrgPath = "/0/"
		} else {
			f.OrgPath = o.Path
		}
	}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
		list, _, err := h.store.Stations(r.Context(), f)
		if err != nil {
			return err
		}
		return serveStations(w, h.site.T(r), list)
	}
	list, total, err := h.store.Stations(r.Context(), f)
	if err != nil {
		return err
	}
	p.Stations, l.Total = list, total
	return h.site.Render(w, r, "innovation/stations.html", "innovation.title.stations", p)
}

// StationFormPage registers a station; the lead expert is searched in the
// talent database and picked from the hits.
type StationFormPage struct {
	Form    *web.Form
	ExpertQ string
	Hits    []Expert
	Kinds   []string
}

func (h *handler) stationPage(r *http.Request, f *web.Form) (StationFormPage, error) {
	p := StationFormPage{Form: f, Kinds: StationKinds, ExpertQ: f.Get("expert_q")}
	var err error
	if p.ExpertQ != "" {
		p.Hits, err = h.store.FindExperts(r.Context(), h.site.Scope(r, "innovation.handle"), p.ExpertQ)
	}
	return p, err
}

func (h *handler) stationForm(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	for _, k := range []string{"expert_q", "kind", "name", "host", "host_uscc", "region_code", "founded", "org_id"} {
		if v := r.URL.Query().Get(k); v != "" && len(v) <= 200 {
			f.Values.Set(k, v)
		}
	}
	p, err := h.stationPage(r, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "innovation/station_new.html", "innovation.title.station_new", p)
}

func (h *handler) stationCreate(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<14)
	if err != nil {
		return err
	}
	pid, _ := strconv.ParseInt(f.Get("person_id"), 10, 64)
	in := StationInput{Kind: f.Get("kind"), Name: f.Get("name"), Host: f.Get("host"), HostUSCC: f.Get("host_uscc"),
		RegionCode: f.Get("region_code"), PersonID: pid, Founded: f.Get("founded")}
	var ferr error
	if o, err := h.orgs.FromForm(r.Context(), f.Get("org_id")); err != nil {
		ferr = valid.New("org_id", "innovation.err.org")
	} else {
		in.OrgID = o.ID
		var id int64
		if id, ferr = h.store.Register(r.Context(), in, h.site.Scope(r, "innovation.handle"), actor(r)); ferr == nil {
			h.site.AddFlash(w, r, "ok", "innovation.flash.station")
			return web.Redirect(w, r, "/innovation/admin/stations/"+strconv.FormatInt(id, 10))
		}
	}
	if !f.Fail(h.site.T(r), ferr) {
		return ferr
	}
	p, err := h.stationPage(r, f)
	if err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "innovation/station_new.html", "innovation.title.station_new", p)
}

// StationPage is one station, its assessments, and the form to assess it.
type StationPage struct {
	Station     Station
	Assessments []Assessment
	Form        *web.Form
	Grades      []string
	Outcomes    []string
	Year        int
}

func (h *handler) renderStation(w http.ResponseWriter, r *http.Request, f *web.Form, status int) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	st, err := h.store.Station(r.Context(), id)
	if err != nil {
		return err
	}
	as, err := h.store.Assessments(r.Context(), id)
	if err != nil {
		return err
	}
	p := StationPage{Station: st, Assessments: as, Form: f, Grades: Grades, Outcomes: Outcomes, Year: h.store.db.Now().In(zone).Year() - 1}
	return h.site.RenderStatus(w, r, status, "innovation/station.html", "innovation.title.station", p)
}

func (h *handler) station(w http.ResponseWriter, r *http.Request) error {
	return h.renderStation(w, r, web.NewForm(), http.StatusOK)
}

func (h *handler) assess(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<13)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	year, _ := strconv.Atoi(f.Get("year"))
	if err := h.store.Assess(r.Context(), id, year, f.Get("grade"), f.Get("outcome"), f.Value("note"), actor(r)); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.renderStation(w, r, f, http.StatusUnprocessableEntity)
	}
	h.site.AddFlash(w, r, "ok", "innovation.flash.assessed")
	return web.Redirect(w, r, "/innovation/admin/stations/"+strconv.FormatInt(id, 10))
}
