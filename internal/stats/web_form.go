package stats

import (
	"net/http"
	"sort"
	"strconv"
	"time"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// formLimit bounds a posted form: 42 figures and their explanations.
const formLimit = 256 << 10

// MinePage is the filer's start page: the forms of their orgs for a year.
type MinePage struct {
	Year  int
	Years []int
	Rows  []Row
	Due   map[int64]time.Time
}

// mine lists the forms of the viewer's orgs for a year (the report being
// filed now by default), each linked to its form.
func (h *handler) mine(w http.ResponseWriter, r *http.Request) error {
	p := MinePage{Year: h.year(r), Years: h.years(), Due: map[int64]time.Time{}}
	var err error
	if p.Rows, err = h.store.Own(r.Context(), h.site.Scope(r, "stats.fill"), p.Year); err != nil {
		return err
	}
	for _, x := range p.Rows {
		if p.Due[x.OrgID], err = h.store.Deadline(r.Context(), x.OrgPath, p.Year); err != nil {
			return err
		}
	}
	return h.site.Render(w, r, "stats/mine.html", "stats.title.form", p)
}

func (h *handler) pathYear(r *http.Request) (int64, int, error) {
	id, err := web.PathID(r, "org")
	if err != nil {
		return 0, 0, err
	}
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil || year < 2000 || year > h.store.db.Now().In(zone).Year() {
		return 0, 0, web.ErrNotFound
	}
	return id, year, nil
}

// RowView is one indicator as the form page shows it.
type RowView struct {
	Code, Label, Unit string
	Part              bool   // a 其中 row
	Value             string // as typed, or as stored
	Last              string // last year's approved figure, "" when none
	Prefill           string // what the live measure suggested
	PrefillState      string // "pending" (shown, not saved yet), "taken", "changed", ""
	Msgs              []string
	Error, Warn       bool
	Note              string
	NeedNote          bool // a warning: the explanation box is shown
}

// TableView is one table of the form page.
type TableView struct {
	Code, Title string
	Rows        []RowView
}

// FormPage is an org's form of a year.
type FormPage struct {
	Form      Form
	Tables    []TableView
	Messages  []string // every finding, in form order
	Errors    int
	Warnings  int
	HasLast   bool
	Editable  bool // the viewer may fill it now
	CanReview bool // the viewer may approve, return or reopen it
	Own       bool // the viewer submitted or saved this form, in any revision
	Staff     bool // the viewer is on the staff of the form's org (or one below it)
	Events    []Event
	Snaps     []Snap
	Deadline  time.Time
	Late      bool
	Step      *web.Form // a review step's form, with its errors
	Message   string    // the page's error, e.g. "nothing saved"
	Import    []string  // what was wrong in an imported workbook, by sheet and row
	Years     []int
}

// Snap is a revision's values kept in the timeline, for reading again.
type Snap struct {
	Event Event
	Rows  []SnapRow
}

// SnapRow is one figure of a revision.
type SnapRow struct{ Code, Label, Value string }

// render shows the org's form of year: raw (by code) and notes are what
// was typed when a save failed, nil otherwise; issues the findings to show
// (nil: run the draft checks on what is stored).
func (h *handler) render(w http.ResponseWriter, r *http.Request, status int, raw, notes map[string]string, issues []Issue, msg string, step *web.Form, imported ...string) error {
	id, year, err := h.pathYear(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	f, err := h.store.Form(ctx, id, year)
	if err != nil {
		return err
	}
	last, err := h.store.LastYear(ctx, id, year)
	if err != nil {
		return err
	}
	sc := h.store.Schema()
	kind := f.Kind()
	suggest := Values{}
	if f.Status == None && raw == nil {
		if suggest, err = h.store.Suggest(ctx, id, year); err != nil {
			return err
		}
	}
	if issues == nil && raw == nil {
		issues = sc.Check(f.Values, last, f.Notes, kind, false)
	}
	if notes == nil {
		notes = f.Notes
	}
	p := FormPage{Form: f, HasLast: last != nil, Message: msg, Step: step, Import: imported}
	if p.Step == nil {
		p.Step = web.NewForm()
	}
	ln, t := lang(r), h.site.T(r)
	p.Editable = f.Status.Editable() && h.site.Scope(r, "stats.fill").Contains(f.OrgPath)
	p.CanReview = h.site.Scope(r, "stats.review").Contains(parentPath(f.OrgPath))
	me := h.reviewer(r)
	p.Staff = me.staffOf(f.OrgPath)
	if p.Events, err = h.store.Events(ctx, f.ID); err != nil {
		return err
	}
	p.Own = me.UserID != 0 && f.FiledBy == me.UserID
	for _, e := range p.Events {
		if e.ActorUser == me.UserID && (e.Action == "save" || e.Action == "submit") {
			p.Own = true
		}
		if e.Snap != nil {
			sn := Snap{Event: e}
			for _, in := range sc.Indicators() {
				if v, ok := e.Snap[in.Code]; ok {
					sn.Rows = append(sn.Rows, SnapRow{Code: in.Code, Label: in.LabelIn(ln), Value: Format(v, in.Scale)})
				}
			}
			p.Snaps = append(p.Snaps, sn)
		}
	}
	sort.SliceStable(p.Snaps, func(i, j int) bool { return p.Snaps[i].Event.At.After(p.Snaps[j].Event.At) })
	if p.Deadline, err = h.store.Deadline(ctx, f.OrgPath, year); err != nil {
		return err
	}
	p.Late = !f.Status.Editable() && !f.FirstFiled.IsZero() && !f.FirstFiled.Before(p.Deadline) || f.Status.Editable() && !h.store.db.Now().Before(p.Deadline)
	byCode := map[string][]Issue{}
	message := func(is Issue) string { return sc.Message(ln, t, is) }
	for _, is := range issues {
		byCode[is.Code] = append(byCode[is.Code], is)
		p.Messages = append(p.Messages, message(is))
		if is.Warning {
			p.Warnings++
		} else {
			p.Errors++
		}
	}
	for i := range sc.Tables {
		tab := &sc.Tables[i]
		tv := TableView{Code: tab.Code, Title: tab.TitleIn(ln)}
		for _, in := range tab.Rows {
			if !in.Applies(kind) {
				continue
			}
			rv := RowView{Code: in.Code, Label: in.LabelIn(ln), Unit: in.Unit, Part: in.PartOf != "", Note: notes[in.Code]}
			switch {
			case raw != nil:
				rv.Value = raw[in.Code]
			case f.Status == None:
				if v, ok := suggest[in.Code]; ok {
					rv.Value, rv.Prefill, rv.PrefillState = Format(v, in.Scale), Format(v, in.Scale), "pending"
				}
			default:
				if v, ok := f.Values[in.Code]; ok {
					rv.Value = Format(v, in.Scale)
				}
			}
			if pv, ok := f.Prefill[in.Code]; ok && f.Status != None {
				rv.Prefill, rv.PrefillState = Format(pv, in.Scale), "changed"
				if v, ok := f.Values[in.Code]; ok && v == pv {
					rv.PrefillState = "taken"
				}
			}
			if v, ok := last[in.Code]; ok {
				rv.Last = Format(v, in.Scale)
			}
			for _, is := range byCode[in.Code] {
				rv.Msgs = append(rv.Msgs, message(is))
				rv.Error = rv.Error || !is.Warning
				rv.Warn = rv.Warn || is.Warning
			}
			rv.NeedNote = rv.Warn || rv.Note != ""
			tv.Rows = append(tv.Rows, rv)
		}
		if len(tv.Rows) > 0 {
			p.Tables = append(p.Tables, tv)
		}
	}
	now := h.store.db.Now().In(zone).Year()
	for y := now; y >= now-5; y-- {
		p.Years = append(p.Years, y)
	}
	return h.site.RenderStatus(w, r, status, "stats/form.html", "stats.title.form", p)
}

func (h *handler) form(w http.ResponseWriter, r *http.Request) error {
	return h.render(w, r, http.StatusOK, nil, nil, nil, "", nil)
}

// save keeps a draft (action=save) or submits (action=submit). Figures
// that cannot be read keep nothing: the page comes back with the values
// as typed and the messages. A blocked submit keeps the draft and shows
// why it was not sent.
func (h *handler) save(w http.ResponseWriter, r *http.Request) error {
	id, year, err := h.pathYear(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	in := Input{Raw: map[string]string{}, Notes: map[string]string{}}
	for _, ind := range h.store.Schema().Indicators() {
		in.Raw[ind.Code] = f.Value("v." + ind.Code)
		in.Notes[ind.Code] = f.Value("n." + ind.Code)
	}
	submit := f.Get("action") == "submit"
	var res SaveResult
	if submit {
		res, err = h.store.Submit(r.Context(), id, year, in, actor(r))
	} else {
		res, err = h.store.Save(r.Context(), id, year, in, actor(r))
	}
	t := h.site.T(r)
	if ve, ok := valid.As(err); ok {
		msg := ""
		for _, e := range ve {
			msg = t(e.Key, e.Args...)
		}
		if valid.Has(err, "stats.err.blocked") {
			// The draft was kept: show it as stored with the submit's findings.
			return h.render(w, r, http.StatusUnprocessableEntity, nil, nil, res.Issues, msg, nil)
		}
		return h.render(w, r, http.StatusUnprocessableEntity, in.Raw, in.Notes, res.Issues, msg, nil)
	}
	if err != nil {
		return err
	}
	if res.Submitted {
		h.site.AddFlash(w, r, "ok", "stats.flash.submitted")
	} else {
		h.site.AddFlash(w, r, "ok", "stats.flash.saved")
	}
	return web.Redirect(w, r, formHref(id, year))
}

// reviewStep runs a step of the org above on a form: approve, return or
// reopen; a refused step shows the form with the error and changes nothing.
func (h *handler) reviewStep(action string) web.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, year, err := h.pathYear(r)
		if err != nil {
			return err
		}
		f, err := web.ParseForm(w, r, 1<<14)
		if err != nil {
			return err
		}
		by := h.reviewer(r)
		switch action {
		case "approve":
			err = h.store.Approve(r.Context(), id, year, by)
		case "return":
			err = h.store.Return(r.Context(), id, year, f.Value("reason"), by)
		default:
			err = h.store.Reopen(r.Context(), id, year, f.Value("reason"), by)
		}
		if err != nil {
			if !f.Fail(h.site.T(r), err) {
				return err
			}
			return h.render(w, r, http.StatusUnprocessableEntity, nil, nil, nil, "", f)
		}
		h.site.AddFlash(w, r, "ok", "stats.flash."+action)
		return web.Redirect(w, r, formHref(id, year))
	}
}
