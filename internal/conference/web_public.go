package conference

import (
	"errors"
	"net/http"
	"strconv"

	"kexie/internal/botcheck"
	"kexie/internal/db"
	"kexie/internal/web"
)

// UpcomingPage is the public list of approved conferences to come.
type UpcomingPage struct {
	List  *web.List
	Confs []Conference
}

func (h *handler) upcoming(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "")
	list, total, err := h.store.Upcoming(r.Context(), l.PerPage, l.Offset())
	if err != nil {
		return err
	}
	l.Total = total
	return h.site.Render(w, r, "conference/upcoming.html", "conference.title.upcoming", UpcomingPage{List: l, Confs: list})
}

// PublicPage is one conference as anyone sees it — no contact, no
// registrant — with the registration form while it is open.
type PublicPage struct {
	Conf       Conference
	Form       *web.Form
	Stamp, Sig string
	SignedIn   bool
	Name       string // a member's name, from their account
	Mine       *Reg   // a member's registration
	CanApply   bool   // registration and papers are open
}

// published reports whether anyone may see c: approved and after.
func published(c Conference) bool {
	return c.Status == Approved || c.Status == Open || c.Status == Held || c.Status == Done
}

// publicConf is the conference of the path, if anyone may see it; one not
// yet approved is not found, as one that does not exist.
func (h *handler) publicConf(r *http.Request) (Conference, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return Conference{}, err
	}
	c, err := h.store.Get(r.Context(), id)
	if errors.Is(err, db.ErrNotFound) || (err == nil && !published(c)) {
		return Conference{}, web.ErrNotFound
	}
	return c, err
}

func (h *handler) renderPublic(w http.ResponseWriter, r *http.Request, f *web.Form, status int) error {
	c, err := h.publicConf(r)
	if err != nil {
		return err
	}
	id := c.ID
	st, sig := h.bot.Stamp(h.store.db.Now(), "conference.register", strconv.FormatInt(id, 10))
	p := PublicPage{Conf: c, Form: f, Stamp: st, Sig: sig, CanApply: c.Status == Open && today(h.store.db.Now()) <= c.EndsOn}
	if a := actor(r); a.UserID != 0 {
		p.SignedIn, p.Name = true, a.Name
		if mine, err := h.store.MyReg(r.Context(), id, a.UserID); err == nil {
			p.Mine = &mine
		} else if !errors.Is(err, db.ErrNotFound) {
			return err
		}
	}
	return h.site.RenderStatus(w, r, status, "conference/public.html", "conference.title.public", p)
}

func (h *handler) public(w http.ResponseWriter, r *http.Request) error {
	return h.renderPublic(w, r, web.NewForm(), http.StatusOK)
}

// register takes a place: a member by their account, the public with a
// name and a contact behind the bot check. The code is shown once by the
// flash (and stays on a member's pages).
func (h *handler) register(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<14)
	if err != nil {
		return err
	}
	c, err := h.publicConf(r)
	if err != nil {
		return err
	}
	id := c.ID
	in := RegInput{Employer: f.Get("employer")}
	if a := actor(r); a.UserID != 0 {
		in.UserID, in.Name = a.UserID, a.Name
	} else if h.bot.Verify(h.store.db.Now(), f.Get("stamp"), f.Get("sig"), f.Value("website"), "conference.register", strconv.FormatInt(id, 10)) != nil {
		err = web.Errorf(http.StatusUnprocessableEntity, "conference.err.challenge")
	} else {
		in.Name, in.Contact, in.Source = f.Get("name"), f.Get("contact"), botcheck.Source(h.bot.Key, "conference", web.ClientIP(r))
	}
	if err == nil {
		var reg Reg
		reg, err = h.store.Register(r.Context(), id, in)
		if err == nil || errors.Is(err, ErrRegistered) {
			key := "conference.flash.registered"
			if err != nil {
				key = "conference.flash.already"
			}
			h.site.AddFlash(w, r, "ok", key, reg.Code)
			return web.Redirect(w, r, "/conferences/"+strconv.FormatInt(id, 10))
		}
	}
	if !f.Fail(h.site.T(r), err) {
		return err
	}
	return h.renderPublic(w, r, f, http.StatusUnprocessableEntity)
}

// PaperPage is the call for papers' form.
type PaperPage struct {
	Conf Conference
	Form *web.Form
}

func (h *handler) renderPaper(w http.ResponseWriter, r *http.Request, f *web.Form, status int) error {
	c, err := h.publicConf(r)
	if err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, status, "conference/paper.html", "conference.title.paper", PaperPage{Conf: c, Form: f})
}

func (h *handler) paperForm(w http.ResponseWriter, r *http.Request) error {
	return h.renderPaper(w, r, web.NewForm(), http.StatusOK)
}

func (h *handler) paperSubmit(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	c, err := h.publicConf(r)
	if err != nil {
		return err
	}
	id := c.ID
	_, err = h.store.SubmitPaper(r.Context(), id, PaperInput{Title: f.Get("title"), Authors: f.Value("authors"), Abstract: f.Value("abstract"),
		Keywords: f.Get("keywords")}, actor(r))
	if err == nil {
		h.site.AddFlash(w, r, "ok", "conference.flash.paper")
		return web.Redirect(w, r, "/conference/mine")
	}
	if !f.Fail(h.site.T(r), err) {
		return err
	}
	return h.renderPaper(w, r, f, http.StatusUnprocessableEntity)
}

// MinePage is a member's registrations, with their codes, and papers.
type MinePage struct {
	Regs      []MyReg
	Papers    []Paper
	Reviewing []Conference // the conferences whose papers they review
}

func (h *handler) mine(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	regs, err := h.store.MyRegs(r.Context(), a.UserID)
	if err != nil {
		return err
	}
	papers, err := h.store.MyPapers(r.Context(), a.UserID)
	if err != nil {
		return err
	}
	rev, err := h.store.Reviewing(r.Context(), a.UserID)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "conference/mine.html", "conference.title.mine", MinePage{Regs: regs, Papers: papers, Reviewing: rev})
}
