package volunteer

import (
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

type mePage struct {
	Form      *web.Form
	V         *Volunteer
	Hours     string
	Stars     []Star
	Held      int
	Now       time.Time
	Teams     []Team
	Joinable  []Team
	Signups   []Signup
	Claims    []Claim
	Ledger    []Entry
	Trainings []Training
	Reviewing int // claims awaiting this user as team admin
	Today     string
}

func userID(r *http.Request) int64 {
	if s := web.SubjectFrom(r.Context()); s != nil {
		return s.UserID
	}
	return 0
}

// me is the volunteer's own page: registration when not yet registered,
// else their hours, stars, teams, sign-ups, claims and ledger.
func (h *handler) me(w http.ResponseWriter, r *http.Request) error {
	return h.renderMe(w, r, http.StatusOK, web.NewForm())
}

func (h *handler) renderMe(w http.ResponseWriter, r *http.Request, status int, f *web.Form) error {
	ctx := r.Context()
	now := h.store.db.Now()
	p := mePage{Form: f, Now: now, Today: Day(now)}
	v, err := h.store.ByUser(ctx, userID(r))
	switch {
	case errors.Is(err, ErrNotVolunteer):
	case err != nil:
		return err
	default:
		p.V, p.Hours = &v, FormatHours(v.Minutes)
		if p.Stars, err = h.store.Stars(ctx, v.ID); err != nil {
			return err
		}
		p.Held = StarCount(p.Stars, now)
		if p.Teams, err = h.store.TeamsOf(ctx, v.ID); err != nil {
			return err
		}
		all, err := h.store.Teams(ctx, access.Everywhere())
		if err != nil {
			return err
		}
		in := map[int64]bool{}
		for _, t := range p.Teams {
			in[t.ID] = true
		}
		for _, t := range all {
			if !in[t.ID] {
				p.Joinable = append(p.Joinable, t)
			}
		}
		if p.Signups, err = h.store.SignupsOf(ctx, v.ID); err != nil {
			return err
		}
		if p.Claims, err = h.store.ClaimsOf(ctx, v.ID); err != nil {
			return err
		}
		if p.Ledger, err = h.store.Ledger(ctx, v.ID, 50); err != nil {
			return err
		}
		if p.Trainings, err = h.store.Trainings(ctx, v.ID); err != nil {
			return err
		}
	}
	pending, err := h.store.PendingClaims(ctx, userID(r))
	if err != nil {
		return err
	}
	p.Reviewing = len(pending)
	return h.site.RenderStatus(w, r, status, "volunteer/me.html", "volunteer.title.me", p)
}

// register is self-registration: the volunteer's own account, an org they
// pick, their ID number (checked for duplicates through its blind index).
func (h *handler) register(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	orgID := int64(-1)
	if o, err := h.orgs.FromForm(r.Context(), f.Get("org_id")); err == nil {
		orgID = o.ID
	} else if !errors.Is(err, db.ErrNotFound) {
		return err
	}
	_, err = h.store.Register(r.Context(), Input{OrgID: orgID, UserID: userID(r), Name: f.Get("name"), IDNumber: f.Get("id_number"),
		Phone: f.Get("phone"), Skills: []string{f.Get("skills")}}, userID(r))
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.renderMe(w, r, http.StatusUnprocessableEntity, f)
	}
	h.site.AddFlash(w, r, "ok", "volunteer.flash.registered")
	return web.Redirect(w, r, "/volunteer")
}

// back flashes a user-facing error and returns to the page, or returns
// err for the error page.
func (h *handler) back(w http.ResponseWriter, r *http.Request, err error, ok, to string) error {
	if err == nil {
		h.site.AddFlash(w, r, "ok", ok)
		return web.Redirect(w, r, to)
	}
	var ve *valid.Error
	if errors.As(err, &ve) {
		h.site.AddFlash(w, r, "error", ve.Key, ve.Args...)
		return web.Redirect(w, r, to)
	}
	if es, isList := valid.As(err); isList {
		h.site.AddFlash(w, r, "error", es[0].Key, es[0].Args...)
		return web.Redirect(w, r, to)
	}
	return err
}

func (h *handler) mine(r *http.Request) (Volunteer, error) {
	v, err := h.store.ByUser(r.Context(), userID(r))
	if errors.Is(err, ErrNotVolunteer) {
		return v, web.Errorf(http.StatusConflict, "volunteer.err.register_first")
	}
	return v, err
}

func (h *handler) fileClaim(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	v, err := h.mine(r)
	if err != nil {
		return err
	}
	team, _ := strconv.ParseInt(f.Get("team_id"), 10, 64)
	hours, ok := valid.Number(f.Get("hours"))
	if !ok || hours <= 0 {
		return h.back(w, r, valid.New("hours", "volunteer.err.minutes"), "", "/volunteer")
	}
	hours = min(hours, 10*MaxDayMinutes/60) // the store names the limit; keep the int in range
	_, err = h.store.FileClaim(r.Context(), v.ID, team, f.Get("day"), int(hours*60+0.5), f.Get("note"), userID(r))
	return h.back(w, r, err, "volunteer.flash.claimed", "/volunteer")
}

type reviewPage struct{ Claims []Claim }

func (h *handler) reviewClaims(w http.ResponseWriter, r *http.Request) error {
	cs, err := h.store.PendingClaims(r.Context(), userID(r))
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "volunteer/review.html", "volunteer.title.review", reviewPage{Claims: cs})
}

func (h *handler) decideClaim(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	err = h.store.DecideClaim(r.Context(), id, f.Get("decision") == "approve", userID(r))
	return h.back(w, r, err, "volunteer.flash.decided", "/volunteer/claims/review")
}

type oppPage struct {
	Opps   []Opportunity
	Mine   map[int64]bool
	Signed bool
}

func (h *handler) opportunities(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	ps, err := h.store.Opportunities(ctx, access.Everywhere(), h.store.db.Now(), 200)
	if err != nil {
		return err
	}
	p := oppPage{Opps: ps, Mine: map[int64]bool{}}
	if v, err := h.store.ByUser(ctx, userID(r)); err == nil {
		p.Signed = true
		gs, err := h.store.SignupsOf(ctx, v.ID)
		if err != nil {
			return err
		}
		for _, g := range gs {
			p.Mine[g.OpportunityID] = true
		}
	}
	return h.site.Render(w, r, "volunteer/opportunities.html", "volunteer.title.opportunities", p)
}

func (h *handler) signUp(w http.ResponseWriter, r *http.Request) error {
	if _, err := web.ParseForm(w, r, 1<<12); err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	v, err := h.mine(r)
	if err != nil {
		return err
	}
	return h.back(w, r, h.store.SignUp(r.Context(), id, v.ID), "volunteer.flash.signed", "/volunteer/opportunities")
}

func (h *handler) join(w http.ResponseWriter, r *http.Request) error {
	if _, err := web.ParseForm(w, r, 1<<12); err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	v, err := h.mine(r)
	if err != nil {
		return err
	}
	return h.back(w, r, h.store.Join(r.Context(), id, v.ID), "volunteer.flash.joined", "/volunteer")
}

// issue records a certificate of the volunteer's own service and sends the
// PDF.
func (h *handler) issue(w http.ResponseWriter, r *http.Request) error {
	if _, err := web.ParseForm(w, r, 1<<12); err != nil {
		return err
	}
	v, err := h.mine(r)
	if err != nil {
		return err
	}
	c, err := h.store.IssueCertificate(r.Context(), v.ID, userID(r))
	if err != nil {
		return err
	}
	return web.Redirect(w, r, "/volunteer/certificate/"+c.Code)
}

func (h *handler) certificatePDF(w http.ResponseWriter, r *http.Request) error {
	// Who asks first: a user who is no volunteer learns nothing of the code
	// (a real one and a forged one answer alike: not found).
	v, err := h.store.ByUser(r.Context(), userID(r))
	if errors.Is(err, ErrNotVolunteer) {
		return web.ErrNotFound
	} else if err != nil {
		return err
	}
	c, err := h.store.VerifyCertificate(r.Context(), r.PathValue("code"))
	if errors.Is(err, ErrForged) {
		return web.ErrNotFound
	}
	if err != nil {
		return err
	}
	if c.VolunteerID != v.ID {
		return web.ErrNotFound
	}
	pdf, err := h.store.CertificatePDF(c, h.verifyURL(c.Code))
	if err != nil {
		return web.Errorf(http.StatusServiceUnavailable, "volunteer.err.no_font")
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="certificate-`+c.Code+`.pdf"`)
	_, err = w.Write(pdf)
	return err
}

func (h *handler) verifyURL(code string) string {
	return strings.TrimSuffix(h.cfg.BaseURL, "/") + "/cert/" + code
}
