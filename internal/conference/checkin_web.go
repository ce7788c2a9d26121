package conference

import (
	"errors"
	"net/http"

	"kexie/internal/checkin"
	"kexie/internal/web"
)

// CheckinPage is the door's phone page: package checkin's scanner, which
// keeps scans on the phone while the network is down, over a plain form
// that checks one code in where the script does not run; the answer for
// that form's last code, and the counts.
type CheckinPage struct {
	Conf Conference
	Door Door
	Form *web.Form
	Done *Reg // the registration the form just checked in
}

func (h *handler) renderCheckin(w http.ResponseWriter, r *http.Request, f *web.Form, done *Reg, status int) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.store.Get(r.Context(), id)
	if err != nil {
		return err
	}
	d, err := h.store.DoorCounts(r.Context(), id)
	if err != nil {
		return err
	}
	// The door may use the camera (the site's policy turns it off
	// everywhere else).
	w.Header().Set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()")
	return h.site.RenderStatus(w, r, status, "conference/checkin.html", "conference.title.checkin",
		CheckinPage{Conf: c, Door: d, Form: f, Done: done})
}

func (h *handler) checkinPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderCheckin(w, r, web.NewForm(), nil, http.StatusOK)
}

// checkin checks one code in and shows the page again, ready for the next.
func (h *handler) checkin(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	reg, err := h.store.CheckIn(r.Context(), id, f.Get("code"), actor(r))
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.renderCheckin(w, r, f, nil, http.StatusUnprocessableEntity)
	}
	web.KeepOnce(r) // checked in, answered with the page: the same form again is 409
	return h.renderCheckin(w, r, web.NewForm(), &reg, http.StatusOK)
}

// syncAnswer is the sync endpoint's answer: the batch's result, each
// rejection's message, and the door's counts after it.
type syncAnswer struct {
	checkin.Result
	Messages   []string `json:"messages"`
	CheckedIn  int      `json:"checked_in"`
	Registered int      `json:"registered"`
}

// sync takes one batch of a door phone's scans, {"scans": [...]}, within
// package checkin's bounds.
func (h *handler) sync(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	scans, err := checkin.Read(w, r)
	if err != nil {
		return web.ErrBadRequest
	}
	res, err := h.store.Sync(r.Context(), id, scans, actor(r))
	var nf *NotFoundError
	if errors.As(err, &nf) {
		return web.ErrNotFound
	} else if err != nil {
		return err
	}
	d, err := h.store.DoorCounts(r.Context(), id)
	if err != nil {
		return err
	}
	return checkin.Reply(w, syncAnswer{Result: res, Messages: checkin.Reasons(h.site.T(r), "conference.reason.", res),
		CheckedIn: d.CheckedIn, Registered: d.Registered})
}
