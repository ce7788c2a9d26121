package event

import (
	"errors"
	"net/http"

	"kexie/internal/checkin"
	"kexie/internal/web"
)

// CheckinPage is the phone page that scans tickets, online or not.
type CheckinPage struct {
	Event      Event
	Attendance Attendance
}

// checkin serves the check-in page. It may use the camera (the site's
// policy turns the camera off everywhere else) and is cached by the
// page's service worker, so it opens again without a network.
func (h *handler) checkin(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	e, err := h.store.Get(r.Context(), id)
	if err != nil {
		return err
	}
	a, err := h.store.Attendance(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()")
	return h.site.Render(w, r, "event/checkin.html", "event.title.checkin", CheckinPage{Event: e, Attendance: a})
}

// syncAnswer is the web endpoint's answer: the batch's result, each
// rejection with its message, and the event's counts after it.
type syncAnswer struct {
	SyncResult
	Messages  []string `json:"messages"`
	CheckedIn int      `json:"checked_in"`
	WalkInsAt int      `json:"walk_ins_total"`
}

// sync takes one batch from a check-in page: {"scans": [...]}, within
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
	res, err := h.store.Sync(r.Context(), id, scans)
	var nf *NotFoundError
	if errors.As(err, &nf) {
		return web.ErrNotFound
	} else if err != nil {
		return err
	}
	a, err := h.store.Attendance(r.Context(), id)
	if err != nil {
		return err
	}
	return checkin.Reply(w, syncAnswer{SyncResult: res, Messages: checkin.Reasons(h.site.T(r), "event.reason.", res),
		CheckedIn: a.CheckedIn, WalkInsAt: a.WalkIns})
}

// AttendancePage is the counts of an event and its scans that did not
// count once: duplicates (double scans, a second device) and rejections.
type AttendancePage struct {
	Event      Event
	Attendance Attendance
	Scans      []ScanRecord
	List       *web.List
	Outcomes   []string
}

func (h *handler) attendance(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	e, err := h.store.Get(r.Context(), id)
	if err != nil {
		return err
	}
	a, err := h.store.Attendance(r.Context(), id)
	if err != nil {
		return err
	}
	l := web.ParseList(r, "")
	scans, total, err := h.store.Scans(r.Context(), id, l.Get("outcome"), l.PerPage, l.Offset())
	if err != nil {
		return err
	}
	l.Total = total
	return h.site.Render(w, r, "event/attendance.html", "event.title.attendance",
		AttendancePage{Event: e, Attendance: a, Scans: scans, List: l, Outcomes: []string{Accepted, Duplicate, Rejected, WalkIn}})
}
