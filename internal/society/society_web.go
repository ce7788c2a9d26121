package society

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"kexie/internal/org"
	"kexie/internal/web"
)

type showPage struct {
	Soc        Ref
	ParentPath string
	Profile    Profile
	Facts      []Fact
	Terms      []Term
	Grades     []Grade
	Reports    []Report
	Reminders  []string
	Years      []int
	Now        time.Time
	FactKinds  []string
	Bodies     []string
	Form       *web.Form
}

func (h *handler) society(ctx context.Context, r *http.Request) (Ref, string, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return Ref{}, "", err
	}
	soc, err := h.store.Society(ctx, id)
	if err != nil {
		return soc, "", err
	}
	parent := soc.Path
	if soc.ParentID != 0 {
		ref, err := org.Lookup(ctx, h.store.db, soc.ParentID)
		if err != nil {
			return soc, "", err
		}
		parent = ref.Path
	}
	return soc, parent, nil
}

// societyForm reads the society in the path and the form posted to it.
func (h *handler) societyForm(w http.ResponseWriter, r *http.Request) (Ref, *web.Form, error) {
	soc, _, err := h.society(r.Context(), r)
	if err != nil {
		return soc, nil, err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	return soc, f, err
}

// page renders a page of the module with a form, in a status.
type page func(w http.ResponseWriter, r *http.Request, status int, f *web.Form) error

// done ends a form's POST once the store has answered err: a refusal the
// form can show puts it on the page again (422), another error is the
// handler's, and success flashes and goes to back.
func (h *handler) done(w http.ResponseWriter, r *http.Request, f *web.Form, err error, again page, flash, back string) error {
	if err != nil {
		if f.Fail(h.site.T(r), err) {
			return again(w, r, http.StatusUnprocessableEntity, f)
		}
		return err
	}
	h.site.AddFlash(w, r, "ok", flash)
	return web.Redirect(w, r, back)
}

// ofSociety is page for the society orgID, when the path named a row of
// it (a member, an invoice); the page has no field for a refusal, so a
// field's message becomes the form's.
func ofSociety(orgID int64, render page) page {
	return func(w http.ResponseWriter, r *http.Request, status int, f *web.Form) error {
		r.SetPathValue("id", strconv.FormatInt(orgID, 10))
		if f.Message == "" {
			for _, msg := range f.Errors {
				f.Message = msg
			}
		}
		return render(w, r, status, f)
	}
}

// show is a society's page: profile, bodies and terms, grades, reports and
// reminders, with the forms its staff use.
func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	return h.renderShow(w, r, http.StatusOK, web.NewForm())
}

func (h *handler) renderShow(w http.ResponseWriter, r *http.Request, status int, f *web.Form) error {
	ctx := r.Context()
	soc, parent, err := h.society(ctx, r)
	if err != nil {
		return err
	}
	p := showPage{Soc: soc, ParentPath: parent, Now: time.Now(), FactKinds: FactKinds, Bodies: Bodies, Form: f}
	if p.Profile, err = h.store.GetProfile(ctx, soc.ID); err != nil {
		return err
	}
	if p.Facts, err = h.store.Facts(ctx, soc.ID); err != nil {
		return err
	}
	if p.Terms, err = h.store.Terms(ctx, soc.ID); err != nil {
		return err
	}
	if p.Grades, err = h.store.Grades(ctx, soc.ID); err != nil {
		return err
	}
	if p.Reports, err = h.store.Reports(ctx, soc.ID); err != nil {
		return err
	}
	rs, err := h.store.Reminders(ctx, soc.ID)
	if err != nil {
		return err
	}
	t := h.site.T(r)
	for _, x := range rs {
		for i, a := range x.Args {
			switch v := a.(type) {
			case string:
				if strings.HasPrefix(v, "society.") {
					x.Args[i] = t(v)
				}
			case float64: // JSON numbers; the catalog's %d wants an int
				x.Args[i] = int64(v)
			}
		}
		p.Reminders = append(p.Reminders, t(x.Message, x.Args...)+" · "+web.Date(x.At))
	}
	y := time.Now().In(h.store.cfg.Loc).Year()
	for i := 1; i <= 3; i++ {
		p.Years = append(p.Years, y-i)
	}
	return h.site.RenderStatus(w, r, status, "society/show.html", "society.title.show", p)
}

// profileForm edits the society's registration and organisation.
func (h *handler) profileForm(w http.ResponseWriter, r *http.Request) error {
	soc, _, err := h.society(r.Context(), r)
	if err != nil {
		return err
	}
	p, err := h.store.GetProfile(r.Context(), soc.ID)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values.Set("uscc", p.USCC)
	f.Values.Set("registrar", p.Registrar)
	f.Values.Set("supervisor", p.Supervisor)
	f.Values.Set("host_unit", p.HostUnit)
	f.Values.Set("founded_on", web.Date(p.FoundedOn))
	f.Values.Set("staff_full", strconv.Itoa(p.StaffFull))
	f.Values.Set("staff_part", strconv.Itoa(p.StaffPart))
	f.Values.Set("party_members", strconv.Itoa(p.PartyMembers))
	if p.PartyOrg {
		f.Values.Set("party_org", "1")
	}
	return h.site.Render(w, r, "society/profile.html", "society.title.profile", profilePage{Soc: soc, Form: f})
}

type profilePage struct {
	Soc  Ref
	Form *web.Form
}

func (h *handler) profileSave(w http.ResponseWriter, r *http.Request) error {
	soc, f, err := h.societyForm(w, r)
	if err != nil {
		return err
	}
	again := func(w http.ResponseWriter, r *http.Request, status int, f *web.Form) error {
		return h.site.RenderStatus(w, r, status, "society/profile.html", "society.title.profile", profilePage{Soc: soc, Form: f})
	}
	p := Profile{OrgID: soc.ID, USCC: f.Get("uscc"), Registrar: f.Get("registrar"), Supervisor: f.Get("supervisor"),
		HostUnit: f.Get("host_unit"), PartyOrg: f.Get("party_org") == "1"}
	var bad bool
	p.StaffFull, bad = atoi(f, "staff_full", bad)
	p.StaffPart, bad = atoi(f, "staff_part", bad)
	p.PartyMembers, bad = atoi(f, "party_members", bad)
	founded, ok := day(f.Get("founded_on"), h.store.cfg.Loc)
	if !ok {
		f.Errors["founded_on"] = h.site.T(r)("society.err.date")
	}
	p.FoundedOn = founded
	if bad || !ok {
		for k := range f.Errors {
			if f.Errors[k] == "" {
				f.Errors[k] = h.site.T(r)("society.err.number")
			}
		}
		return again(w, r, http.StatusUnprocessableEntity, f)
	}
	_, err = h.store.SaveProfile(r.Context(), p)
	return h.done(w, r, f, err, again, "society.flash.saved", "/societies/"+strconv.FormatInt(soc.ID, 10))
}

// atoi reads a whole number field ("" is 0), marking the form on error.
func atoi(f *web.Form, field string, bad bool) (int, bool) {
	v := f.Get(field)
	if v == "" {
		return 0, bad
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		f.Errors[field] = ""
		return 0, true
	}
	return n, bad
}

func (h *handler) factAdd(w http.ResponseWriter, r *http.Request) error {
	soc, f, err := h.societyForm(w, r)
	if err != nil {
		return err
	}
	from, ok1 := day(f.Get("from"), h.store.cfg.Loc)
	to, ok2 := day(f.Get("to"), h.store.cfg.Loc)
	if !ok1 || !ok2 {
		f.Errors["to"] = h.site.T(r)("society.err.date")
		return h.renderShow(w, r, http.StatusUnprocessableEntity, f)
	}
	_, err = h.store.AddFact(r.Context(), Fact{OrgID: soc.ID, Kind: f.Get("kind"), Name: f.Get("name"), Role: f.Get("role"),
		Detail: f.Get("detail"), From: from, To: to})
	return h.done(w, r, f, err, h.renderShow, "society.flash.saved", "/societies/"+strconv.FormatInt(soc.ID, 10)+"#facts")
}

func (h *handler) termAdd(w http.ResponseWriter, r *http.Request) error {
	soc, f, err := h.societyForm(w, r)
	if err != nil {
		return err
	}
	starts, ok1 := day(f.Get("starts_on"), h.store.cfg.Loc)
	ends, ok2 := day(f.Get("ends_on"), h.store.cfg.Loc)
	seq, _ := strconv.Atoi(f.Get("seq"))
	if !ok1 || !ok2 {
		f.Errors["ends_on"] = h.site.T(r)("society.err.date")
		return h.renderShow(w, r, http.StatusUnprocessableEntity, f)
	}
	_, err = h.store.AddTerm(r.Context(), TermInput{OrgID: soc.ID, Body: f.Get("body"), Seq: seq, StartsOn: starts, EndsOn: ends})
	return h.done(w, r, f, err, h.renderShow, "society.flash.saved", "/societies/"+strconv.FormatInt(soc.ID, 10)+"#terms")
}

// termStep takes one 换届 step on a term of the society in the path.
func (h *handler) termStep(step string) web.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		soc, _, err := h.society(r.Context(), r)
		if err != nil {
			return err
		}
		tid, err := web.PathID(r, "term")
		if err != nil {
			return err
		}
		t, err := h.store.GetTerm(r.Context(), tid)
		if err != nil {
			return err
		}
		if t.OrgID != soc.ID {
			return web.ErrNotFound
		}
		f, err := web.ParseForm(w, r, 1<<20)
		if err != nil {
			return err
		}
		on, ok := day(f.Get("elected_on"), h.store.cfg.Loc)
		if !ok {
			f.Errors["elected_on"] = h.site.T(r)("society.err.date")
			return h.renderShow(w, r, http.StatusUnprocessableEntity, f)
		}
		_, err = h.store.RenewalStep(r.Context(), tid, step, web.SubjectFrom(r.Context()).UserID, f.Get("text"), on)
		return h.done(w, r, f, err, h.renderShow, "society.flash.term_"+step, "/societies/"+strconv.FormatInt(soc.ID, 10)+"#terms")
	}
}
