package volunteer

import (
	"errors"
	"net/http"
	"strconv"

	"kexie/internal/web"
)

type verifyPage struct {
	Code  string
	Cert  *Certificate
	Hours string
}

// verify is the public verification page of a certificate's code: a code
// never issued here (ErrForged or not on record) says so.
func (h *handler) verify(w http.ResponseWriter, r *http.Request) error {
	p := verifyPage{Code: r.PathValue("code")}
	c, err := h.store.VerifyCertificate(r.Context(), p.Code)
	switch {
	case errors.Is(err, ErrForged), errors.Is(err, ErrNotFound):
		return h.site.RenderStatus(w, r, http.StatusNotFound, "volunteer/verify.html", "volunteer.title.verify", p)
	case err != nil:
		return err
	}
	p.Cert, p.Hours = &c, FormatHours(c.Minutes)
	return h.site.Render(w, r, "volunteer/verify.html", "volunteer.title.verify", p)
}

type publicityPage struct {
	Stars []Star
}

// publicity lists the stars in their 公示, for anyone to object to.
func (h *handler) publicity(w http.ResponseWriter, r *http.Request) error {
	st, err := h.store.InPublicity(r.Context(), h.store.db.Now())
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "volunteer/publicity.html", "volunteer.title.publicity", publicityPage{Stars: st})
}

// withhold stops a star during its 公示 (an objection upheld by staff).
func (h *handler) withhold(w http.ResponseWriter, r *http.Request) error {
	if _, err := web.ParseForm(w, r, 1<<12); err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	level, err := strconv.Atoi(r.PathValue("level"))
	if err != nil {
		return web.ErrNotFound
	}
	err = h.store.Withhold(r.Context(), id, level, h.site.Scope(r, "volunteer.manage"), userID(r))
	return h.back(w, r, err, "volunteer.flash.withheld", "/volunteers/publicity")
}
