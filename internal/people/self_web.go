package people

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// MePage is the data of "my profile".
type MePage struct {
	Person      *Person
	Form        *web.Form
	Levels      []Option
	Consents    []Consent
	Revealed    string
	Notice      string
	Requested   bool
	Memberships []Membership
}

func (h *handler) mePage(r *http.Request, f *web.Form) (MePage, error) {
	ctx := r.Context()
	sub := web.SubjectFrom(ctx)
	p := MePage{Form: f, Levels: h.levels(r, f.Value("title_level")), Notice: NoticeVersion}
	own, err := h.store.OwnProfile(ctx, sub.UserID)
	switch {
	case errors.Is(err, db.ErrNotFound):
		// The associations a worker may join are public: any org may be
		// chosen (the org picker's "org.join" look-up).
	case err != nil:
		return p, err
	default:
		p.Person = &own
		if p.Consents, err = h.store.Consents(ctx, own.ID); err != nil {
			return p, err
		}
		// Holders see all their own memberships, wherever in the tree.
		if p.Memberships, err = h.store.Memberships(ctx, own.ID, access.Everywhere()); err != nil {
			return p, err
		}
		reqs, err := h.store.DeletionRequests(ctx, access.Subtrees(own.OrgPath))
		if err != nil {
			return p, err
		}
		for _, q := range reqs {
			p.Requested = p.Requested || q.PersonID == own.ID && q.Status == "pending"
		}
	}
	return p, nil
}

func (h *handler) me(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	p, err := h.mePage(r, f)
	if err != nil {
		return err
	}
	if p.Person != nil {
		for k, v := range map[string]string{"name": p.Person.Name, "email": p.Person.Email, "employer": p.Person.Employer, "employer_uscc": p.Person.EmployerUSCC,
			"title": p.Person.Title, "title_level": p.Person.TitleLevel, "education": p.Person.Education, "degree": p.Person.Degree,
			"discipline": p.Person.Discipline, "disciplines2": joinCodes(p.Person.Disciplines2), "expertise": p.Person.Expertise,
			"region_code": p.Person.RegionCode} {
			f.Values.Set(k, v)
		}
		p.Levels = h.levels(r, p.Person.TitleLevel)
	}
	return h.site.Render(w, r, "people/me.html", "people.title.me", p)
}

func (h *handler) saveMe(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	sub := web.SubjectFrom(ctx)
	in := Input{Name: f.Get("name"), IDNumber: f.Get("id_number"), Phone: f.Get("phone"), Email: f.Get("email"),
		Employer: f.Get("employer"), TitleLevel: f.Get("title_level"), Title: f.Get("title"), Education: f.Get("education"),
		Degree: f.Get("degree"), Discipline: f.Get("discipline"), Disciplines2: splitCodes(f.Get("disciplines2")),
		Expertise: f.Get("expertise"), RegionCode: f.Get("region_code"), EmployerUSCC: f.Get("employer_uscc")}
	own, err := h.store.OwnProfile(ctx, sub.UserID)
	var floor time.Time // no answer before it (zero: none)
	if (err == nil && own.IDSealed == "" || errors.Is(err, db.ErrNotFound)) && strings.TrimSpace(in.IDNumber) != "" {
		// Giving an ID number is rate-limited, and answered no sooner than
		// idAnswerFloor: whether it is held elsewhere (a claim is filed,
		// a little more work) must not be learnt by trying or by timing.
		floor = time.Now().Add(idAnswerFloor)
		if lerr := h.store.CountIDAttempt(ctx, sub.UserID, web.ClientIP(r)); lerr != nil {
			if !f.Fail(h.site.T(r), lerr) {
				return lerr
			}
			p, perr := h.mePage(r, f)
			if perr != nil {
				return perr
			}
			return h.site.RenderStatus(w, r, http.StatusTooManyRequests, "people/me.html", "people.title.me", p)
		}
	}
	switch {
	case errors.Is(err, db.ErrNotFound):
		if in.OrgID, err = h.orgs.FormID(ctx, f.Get("org_id")); err != nil {
			return err
		}
		_, err = h.store.CreateOwn(ctx, sub.UserID, in, f.Get("consent") == "yes")
	case err == nil:
		if in.Phone == "" {
			// The phone is shown masked; an empty field keeps it.
			if in.Phone, err = h.store.keys.Open("phone", own.PhoneSealed); err != nil {
				return err
			}
		}
		// Talent categories are the office's to assign; the holder's form
		// does not show them, so their update keeps them.
		in.Categories = own.Categories
		// Holders pick no org employer; one recorded by the office stays
		// while they keep its name and give no USCC.
		if own.EmployerOrgID != 0 && strings.TrimSpace(in.Employer) == own.Employer && in.EmployerUSCC == "" {
			in.EmployerOrgID = own.EmployerOrgID
		}
		_, err = h.store.UpdateOwn(ctx, sub.UserID, in)
	}
	time.Sleep(time.Until(floor)) // before a byte of the answer is written
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p, perr := h.mePage(r, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "people/me.html", "people.title.me", p)
	}
	h.site.AddFlash(w, r, "ok", "people.flash.me_saved")
	return web.Redirect(w, r, "/me")
}

// idAnswerFloor is the least time a save that gives an ID number takes:
// far above the difference between filing a claim and not (well under a
// millisecond), far below what a person filling in a form notices.
const idAnswerFloor = 150 * time.Millisecond

// myData sends the holder everything Kexie keeps about them (PIPL right of access).
func (h *handler) myData(w http.ResponseWriter, r *http.Request) error {
	e, err := h.store.ExportOwn(r.Context(), web.SubjectFrom(r.Context()).UserID)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="my-data.json"`)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(e)
}

func (h *handler) deleteMe(w http.ResponseWriter, r *http.Request) error {
	err := h.store.RequestDeletion(r.Context(), web.SubjectFrom(r.Context()).UserID, r.PostFormValue("reason"))
	if list, ok := valid.As(err); ok {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
		return web.Redirect(w, r, "/me")
	}
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "people.flash.deletion_requested")
	return web.Redirect(w, r, "/me")
}

// DeletionsPage is the data of the deletion requests page.
type DeletionsPage struct {
	Requests []DeletionRequest
}

func (h *handler) deletions(w http.ResponseWriter, r *http.Request) error {
	reqs, err := h.store.DeletionRequests(r.Context(), h.scope(r, "people.erase"))
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "people/deletions.html", "people.title.deletions", DeletionsPage{Requests: reqs})
}

func (h *handler) resolveDeletion(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err := h.store.ResolveDeletion(r.Context(), id, web.SubjectFrom(r.Context()).UserID); err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "people.flash.erased")
	return web.Redirect(w, r, "/people/deletions")
}
