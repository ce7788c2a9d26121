package survey

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// ListPage is the list of the caller's surveys.
type ListPage struct {
	Surveys []Survey
	List    *web.List
	Now     time.Time
	Kinds   []string
}

// Kinds lists the kinds of survey.
func Kinds() []string { return []string{KindGeneral, KindLiteracy, KindStatus} }

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-created", "created", "title")
	col, desc := l.SortColumn()
	f := Filter{Scope: h.site.Scope(r, "survey.view"), Query: l.Get("q"), Kind: l.Get("kind"), Sort: col, Desc: desc, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 100000, 0
	}
	list, total, err := h.store.List(r.Context(), f)
	if err != nil {
		return err
	}
	now := h.store.db.Now()
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("survey.title"), Headers: []string{t("survey.f.title"), t("survey.f.kind"), t("survey.f.org"), t("survey.f.status"),
			t("survey.f.version"), t("survey.f.responses"), t("survey.f.created")}}
		for _, v := range list {
			tab.Rows = append(tab.Rows, []string{v.Title, t("survey.kind." + v.Kind), v.OrgName, t("survey.status." + v.Status(now)),
				strconv.Itoa(v.Version), strconv.Itoa(v.Responses), sheet.Date(v.CreatedAt)})
		}
		return sheet.ServeXLSX(w, "surveys-"+sheet.FileDate(now)+".xlsx", tab)
	}
	l.Total = total
	return h.site.Render(w, r, "survey/list.html", "survey.title", ListPage{Surveys: list, List: l, Now: now, Kinds: Kinds()})
}

// NewPage is the form creating a survey.
type NewPage struct {
	Form  *web.Form
	Year  int
	Kinds []string
}

func (h *handler) newForm(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	f.Values.Set("kind", r.URL.Query().Get("kind"))
	return h.site.Render(w, r, "survey/new.html", "survey.title.new", NewPage{Form: f, Year: h.store.db.Now().In(sheet.Zone).Year(), Kinds: Kinds()})
}

func (h *handler) create(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	year, _ := strconv.Atoi(f.Get("year"))
	v, err := h.store.Create(r.Context(), Input{OrgID: orgID, Kind: f.Get("kind"), Title: f.Get("title"), Year: year, UserID: userID(r)})
	if err == nil {
		h.site.AddFlash(w, r, "ok", "survey.flash.created")
		return web.Redirect(w, r, surveyURL(v.ID, "/edit"))
	}
	if !f.Fail(h.site.T(r), err) {
		return err
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "survey/new.html", "survey.title.new", NewPage{Form: f, Year: year, Kinds: Kinds()})
}

// ShowPage is a survey's overview: status, links, stations, versions.
type ShowPage struct {
	Survey   Survey
	Status   string
	Link     string
	Stations []Station
	Versions []VersionInfo
	Cells    []CellQuota
	CanEdit  bool
	Form     *web.Form
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	now := h.store.db.Now()
	p := ShowPage{Survey: v, Status: v.Status(now), Link: h.base(r) + "/s/" + v.Token, CanEdit: h.site.Policy.Can(r.Context(),
		web.SubjectFrom(r.Context()), "survey.edit", resourceOf(v)), Form: settingsForm(v)}
	if p.Stations, err = h.store.Stations(r.Context(), v.ID, now); err != nil {
		return err
	}
	if p.Versions, err = h.store.Versions(r.Context(), v.ID); err != nil {
		return err
	}
	if p.Cells, err = h.store.Cells(r.Context(), v.ID); err != nil {
		return err
	}
	return h.site.Render(w, r, "survey/show.html", "survey.title.show", p)
}

func settingsForm(v Survey) *web.Form {
	f := web.NewForm()
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(sheet.Zone).Format("2006-01-02T15:04")
	}
	f.Values.Set("year", strconv.Itoa(v.Year))
	f.Values.Set("opens_at", day(v.OpensAt))
	f.Values.Set("closes_at", day(v.ClosesAt))
	f.Values.Set("quota", strconv.Itoa(v.Quota))
	f.Values.Set("min_seconds", strconv.Itoa(v.MinSeconds))
	for k, b := range map[string]bool{"closed": v.Closed, "signed_in": v.SignedIn, "codes_only": v.CodesOnly} {
		if b {
			f.Values.Set(k, "1")
		}
	}
	return f
}

// base is the site's public address for links and QR codes.
func (h *handler) base(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (h *handler) settings(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	id := pathInt(r, "id")
	at := func(name string) time.Time {
		t, err := time.ParseInLocation("2006-01-02T15:04", f.Get(name), sheet.Zone)
		if err != nil {
			return time.Time{}
		}
		return t
	}
	year, _ := strconv.Atoi(f.Get("year"))
	quota, qerr := strconv.Atoi(orZero(f.Get("quota")))
	min, merr := strconv.Atoi(orZero(f.Get("min_seconds")))
	if qerr != nil {
		quota = -1
	}
	if merr != nil {
		min = -1
	}
	err = h.store.SetSettings(r.Context(), id, Settings{Year: year, OpensAt: at("opens_at"), ClosesAt: at("closes_at"), Closed: f.Get("closed") == "1",
		SignedIn: f.Get("signed_in") == "1", CodesOnly: f.Get("codes_only") == "1", Quota: quota, MinSeconds: min})
	return h.back(w, r, surveyURL(id, ""), err, "survey.flash.saved")
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

func (h *handler) addStation(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	id := pathInt(r, "id")
	o, err := h.orgs.FromForm(r.Context(), f.Get("station_org"))
	if err != nil {
		return h.back(w, r, surveyURL(id, "#stations"), validErr("station_org", "orgpick.err.unknown", f.Get("station_org")), "")
	}
	if !h.site.Scope(r, "survey.edit").Contains(o.Path) {
		return web.ErrForbidden
	}
	quota, _ := strconv.Atoi(orZero(f.Get("quota")))
	_, err = h.store.AddStation(r.Context(), id, o.ID, quota)
	return h.back(w, r, surveyURL(id, "#stations"), err, "survey.flash.station")
}

func (h *handler) stationOf(r *http.Request) (Station, error) {
	st, err := h.store.Station(r.Context(), pathInt(r, "sid"))
	if err != nil {
		return st, err
	}
	if st.SurveyID != pathInt(r, "id") {
		return st, web.ErrNotFound
	}
	return st, nil
}

func (h *handler) stationQuota(w http.ResponseWriter, r *http.Request) error {
	st, err := h.stationOf(r)
	if err != nil {
		return err
	}
	quota, qerr := strconv.Atoi(orZero(strings.TrimSpace(r.FormValue("quota"))))
	if qerr != nil {
		quota = -1
	}
	err = h.store.SetStationQuota(r.Context(), st.ID, quota)
	return h.back(w, r, surveyURL(st.SurveyID, "#stations"), err, "survey.flash.saved")
}

func (h *handler) issueCodes(w http.ResponseWriter, r *http.Request) error {
	st, err := h.stationOf(r)
	if err != nil {
		return err
	}
	n, _ := strconv.Atoi(strings.TrimSpace(r.FormValue("n")))
	batch, err := h.store.IssueCodes(r.Context(), st.ID, n)
	if err != nil {
		return h.back(w, r, surveyURL(st.SurveyID, "#stations"), err, "")
	}
	h.site.AddFlash(w, r, "ok", "survey.flash.codes", n)
	return web.Redirect(w, r, surveyURL(st.SurveyID, "/stations/"+strconv.FormatInt(st.ID, 10)+"/codes?batch="+strconv.Itoa(batch)))
}

// CodesPage is a station's printable answer codes.
type CodesPage struct {
	Survey  Survey
	Station Station
	Codes   []Code
	Link    string
	Batch   int
	Daily   []Daily
}

func (h *handler) codes(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	st, err := h.stationOf(r)
	if err != nil {
		return err
	}
	batch, _ := strconv.Atoi(r.URL.Query().Get("batch"))
	codes, err := h.store.Codes(r.Context(), st.ID, batch)
	if err != nil {
		return err
	}
	link := h.base(r) + "/s/" + st.Token
	if r.URL.Query().Get("format") == "csv" {
		t := h.site.T(r)
		rows := [][]string{{t("survey.f.code"), t("survey.f.batch"), t("survey.f.link"), t("survey.f.used")}}
		for _, c := range codes {
			used := ""
			if !c.UsedAt.IsZero() {
				used = sheet.DateTime(c.UsedAt)
			}
			rows = append(rows, []string{c.Code, strconv.Itoa(c.Batch), link + "?code=" + c.Code, used})
		}
		return serveCSV(w, "codes-"+strconv.FormatInt(st.ID, 10)+".csv", rows)
	}
	daily, err := h.store.StationDaily(r.Context(), st.ID, h.store.db.Now(), 13)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "survey/codes.html", "survey.title.codes", CodesPage{Survey: v, Station: st, Codes: codes, Link: link, Batch: batch, Daily: daily})
}

func (h *handler) cells(w http.ResponseWriter, r *http.Request) error {
	id := pathInt(r, "id")
	cells, err := ParseCells(r.FormValue("cells"))
	if err == nil {
		sid, _ := strconv.ParseInt(r.FormValue("station_id"), 10, 64)
		if sid != 0 {
			st, serr := h.store.Station(r.Context(), sid)
			if serr != nil || st.SurveyID != id {
				return web.ErrNotFound
			}
		}
		err = h.store.SetCells(r.Context(), id, sid, cells)
	}
	return h.back(w, r, surveyURL(id, "#quotas"), err, "survey.flash.saved")
}

// ResponsesPage lists a survey's responses with their flags.
type ResponsesPage struct {
	Survey    Survey
	Responses []Response
	Stations  []Station
	List      *web.List
	CanEdit   bool
}

func (h *handler) responses(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	l := web.ParseList(r, "-id", "id")
	sid, _ := strconv.ParseInt(l.Get("station"), 10, 64)
	list, total, err := h.store.Responses(r.Context(), v.ID, RespFilter{Scope: h.site.Scope(r, "survey.view"), StationID: sid, Flag: l.Get("flag"),
		Limit: l.PerPage, Offset: l.Offset()})
	if err != nil {
		return err
	}
	l.Total = total
	sts, err := h.store.Stations(r.Context(), v.ID, h.store.db.Now())
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "survey/responses.html", "survey.title.responses", ResponsesPage{Survey: v, Responses: list, Stations: sts, List: l,
		CanEdit: h.site.Policy.Can(r.Context(), web.SubjectFrom(r.Context()), "survey.edit", resourceOf(v))})
}

func (h *handler) exclude(w http.ResponseWriter, r *http.Request) error {
	id := pathInt(r, "id")
	rid := pathInt(r, "rid")
	if sid, err := h.store.ResponseSurvey(r.Context(), rid); err != nil || sid != id {
		return web.ErrNotFound
	}
	err := h.store.Exclude(r.Context(), rid, userID(r), r.FormValue("reason"))
	return h.back(w, r, surveyURL(id, "/responses"), err, "survey.flash.excluded")
}
