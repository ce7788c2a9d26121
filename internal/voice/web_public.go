package voice

import (
	"errors"
	"net/http"
	"strconv"

	"kexie/internal/botcheck"
	"kexie/internal/db"
	"kexie/internal/web"
)

// formLimit bounds a posted form: the text at its longest, in UTF-8, and
// the other fields.
const formLimit = 4*MaxBody + 1<<14

// FormPage is the filing form, for the public and for members.
type FormPage struct {
	Form       *web.Form
	Stamp, Sig string
	SignedIn   bool
	OrgLabel   string // the chosen org's name beside the picker
	Kinds      []Kind
	Topics     []string
	// The time limits the form announces, in working days.
	RequestDays, SuggestionDays int
}

func (h *handler) formPage(r *http.Request, f *web.Form) FormPage {
	st, sig := h.bot.Stamp(h.store.db.Now(), "voice.file")
	p := FormPage{Form: f, Stamp: st, Sig: sig, SignedIn: subject(r) != nil, Kinds: Kinds, Topics: Topics,
		RequestDays: h.store.DueDays(Request), SuggestionDays: h.store.DueDays(Suggestion)}
	if v := f.Get("org_id"); v != "" {
		if id, err := h.orgs.PublicByCode(r.Context(), v); err == nil && id != 0 {
			if o, err := h.orgs.Get(r.Context(), id); err == nil {
				p.OrgLabel = o.Name
			}
		}
	}
	return p
}

// form is the public page: what 建言 and 诉求 are, and the form.
func (h *handler) form(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	f.Values.Set("kind", string(Request))
	if o := r.URL.Query().Get("org"); o != "" && len(o) <= 64 {
		f.Values.Set("org_id", o)
	}
	return h.site.Render(w, r, "voice/form.html", "voice.title.form", h.formPage(r, f))
}

// file files an item and sends the filer to the tracking page, where the
// one-time flash shows their code.
func (h *handler) file(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	var ferr error
	if h.bot.Verify(h.store.db.Now(), f.Get("stamp"), f.Get("sig"), f.Value("website"), "voice.file") != nil {
		ferr = web.Errorf(http.StatusUnprocessableEntity, "voice.err.challenge")
	} else {
		in := FileInput{Kind: Kind(f.Get("kind")), Topic: f.Get("topic"), Title: f.Get("title"), Body: f.Value("body"),
			Contact: f.Get("contact"), Source: botcheck.Source(h.bot.Key, "voice", web.ClientIP(r))}
		if s := subject(r); s != nil {
			a := actor(r)
			in.UserID, in.Name = a.UserID, a.Name
		}
		if in.OrgID, ferr = h.orgs.PublicByCode(r.Context(), f.Get("org_id")); ferr == nil {
			var it Item
			var code string
			if it, code, ferr = h.store.File(r.Context(), in); ferr == nil {
				h.site.AddFlash(w, r, "ok", "voice.flash.filed", code)
				if in.UserID != 0 {
					return web.Redirect(w, r, "/voice/mine/"+strconv.FormatInt(it.ID, 10))
				}
				return web.Redirect(w, r, "/voice/track")
			}
		}
	}
	if !f.Fail(h.site.T(r), ferr) {
		return ferr
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "voice/form.html", "voice.title.form", h.formPage(r, f))
}

// lookup answers the form's org picker: the orgs anyone may write to.
func (h *handler) lookup(w http.ResponseWriter, r *http.Request) error {
	pq, err := web.ParsePick(r, "")
	if err != nil {
		return err
	}
	list, total, err := h.orgs.Publics(r.Context(), pq.Q, pq.Limit, pq.Offset)
	if err != nil {
		return err
	}
	hits := make([]web.PickHit, 0, len(list))
	for _, o := range list {
		hits = append(hits, web.PickHit{ID: strconv.FormatInt(o.ID, 10), Code: o.Code, Name: o.Name, Tag: o.Code, Path: o.Name})
	}
	return web.WritePick(w, hits, total, pq.Offset)
}

// FilerView is an item as its filer sees it: no staff note, no staff
// member's name (the org answers), the contact masked, and the forms to
// rate or reopen it.
type FilerView struct {
	Item         Item
	Events       []Event
	Code         string // posted back by the tracking page's forms
	RateAction   string
	ReopenAction string
	Ratings      []string
}

// TrackPage is the tracking page: the code form, then the item it finds.
type TrackPage struct {
	Form   *web.Form
	Filer  *FilerView
	Events []Event // the filer's timeline (Filer.Events), for the shared partial
	Done   string  // the message of a step just done
}

// filerView is what the filer may see of an item and its timeline: staff
// members are not named to the public (D240.16), the filer's own steps keep
// their name.
func filerView(it Item, evs []Event) *FilerView {
	it.HandlerName = ""
	out := make([]Event, 0, len(evs))
	for _, e := range evs {
		switch e.Action {
		case "file", "rate", "reopen": // the filer's own steps
		case "assign":
			e.ActorName, e.Detail = "", "" // who handles it stays inside
		default:
			e.ActorName = ""
		}
		out = append(out, e)
	}
	return &FilerView{Item: it, Events: out, Ratings: Ratings}
}

func (h *handler) trackForm(w http.ResponseWriter, r *http.Request) error {
	return h.site.Render(w, r, "voice/track.html", "voice.title.track", TrackPage{Form: web.NewForm()})
}

// renderTrack shows the item code follows, or the form with the error.
func (h *handler) renderTrack(w http.ResponseWriter, r *http.Request, f *web.Form, status int, done string) error {
	code := f.Get("code")
	it, err := h.store.ByCode(r.Context(), code)
	if errors.Is(err, db.ErrNotFound) {
		f.Errors["code"] = h.site.T(r)("voice.err.code")
		return h.site.RenderStatus(w, r, http.StatusNotFound, "voice/track.html", "voice.title.track", TrackPage{Form: f})
	}
	if err != nil {
		return err
	}
	evs, err := h.store.Events(r.Context(), it.ID, false)
	if err != nil {
		return err
	}
	fv := filerView(it, evs)
	fv.Code, fv.RateAction, fv.ReopenAction = code, "/voice/track/rate", "/voice/track/reopen"
	return h.site.RenderStatus(w, r, status, "voice/track.html", "voice.title.track", TrackPage{Form: f, Filer: fv, Events: fv.Events, Done: done})
}

func (h *handler) track(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	return h.renderTrack(w, r, f, http.StatusOK, "")
}

// filerStep runs a rating or a reopening posted with the code and shows
// the item again, with the step's message or its error.
func (h *handler) filerStep(w http.ResponseWriter, r *http.Request, step func(id int64, f *web.Form, by Filer) error, done string) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	it, err := h.store.ByCode(r.Context(), f.Get("code"))
	if err != nil {
		return h.renderTrack(w, r, f, http.StatusNotFound, "")
	}
	if err := step(it.ID, f, Filer{Code: f.Get("code")}); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.renderTrack(w, r, f, http.StatusUnprocessableEntity, "")
	}
	web.KeepOnce(r) // rated or reopened, answered with the page: the same form again is 409
	return h.renderTrack(w, r, f, http.StatusOK, done)
}

func (h *handler) trackRate(w http.ResponseWriter, r *http.Request) error {
	return h.filerStep(w, r, func(id int64, f *web.Form, by Filer) error { return h.store.Rate(r.Context(), id, f.Get("rating"), by) }, "voice.flash.rated")
}

func (h *handler) trackReopen(w http.ResponseWriter, r *http.Request) error {
	return h.filerStep(w, r, func(id int64, f *web.Form, by Filer) error {
		return h.store.Reopen(r.Context(), id, f.Value("reason"), by)
	}, "voice.flash.reopened")
}
