package volunteer

import (
	"math"
	"net/http"
	"strconv"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// fileCorrection files a correction of one of the volunteer's ledger
// entries; it reaches the ledger once another staff member approves it.
func (h *handler) fileCorrection(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	to := "/volunteers/" + strconv.FormatInt(id, 10) + "#corrections"
	hours, ok := valid.Number(f.Get("hours"))
	if !ok {
		return h.back(w, r, valid.New("hours", "volunteer.err.hours_number"), "", to)
	}
	minutes := math.Round(hours * 60)
	if math.Abs(minutes) > 10*MaxDayMinutes { // the store names the limit; keep the int in range
		minutes = math.Copysign(10*MaxDayMinutes, minutes)
	}
	seq, _ := strconv.ParseInt(f.Get("entry"), 10, 64)
	_, err = h.store.FileCorrection(r.Context(), CorrectionInput{VolunteerID: id, EntrySeq: seq, Minutes: int(minutes), Reason: f.Get("reason")},
		h.site.Scope(r, "volunteer.manage"), userID(r))
	return h.back(w, r, err, "volunteer.flash.correction_filed", to)
}

// decideCorrection approves or rejects a pending correction of the
// volunteer's (never one the signed-in user filed).
func (h *handler) decideCorrection(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	cid, err := web.PathID(r, "cid")
	if err != nil {
		return err
	}
	c, err := h.store.Correction(r.Context(), cid)
	if err != nil {
		return err
	}
	if c.VolunteerID != id { // the path's volunteer is the one scope was checked on
		return web.ErrNotFound
	}
	err = h.store.DecideCorrection(r.Context(), cid, f.Get("decision") == "approve", h.site.Scope(r, "volunteer.manage"), userID(r))
	return h.back(w, r, err, "volunteer.flash.correction_decided", backTo(f, "/volunteers/"+strconv.FormatInt(id, 10)+"#corrections"))
}

// reviewStar keeps or revokes a star a correction flagged.
func (h *handler) reviewStar(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	level, err := strconv.Atoi(r.PathValue("level"))
	if err != nil || level < 1 || level > len(StarHours) {
		return web.ErrNotFound
	}
	err = h.store.ReviewStar(r.Context(), id, level, f.Get("decision") == "keep", h.site.Scope(r, "volunteer.manage"), userID(r))
	return h.back(w, r, err, "volunteer.flash.star_reviewed", backTo(f, "/volunteers/"+strconv.FormatInt(id, 10)))
}
