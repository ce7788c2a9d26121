package volunteer

import (
	"net/http"
	"strconv"
	"time"

	"kexie/internal/valid"
	"kexie/internal/web"
)

type showPage struct {
	V         Volunteer
	Hours     string
	Held      int
	Stars     []Star
	Teams     []Team
	Ledger    []Entry
	Trainings []Training
	Today     string
	Now       time.Time
	Me        int64        // the signed-in user: never decides their own filing
	Fixable   []Entry      // the entries a correction may name (not corrections)
	Fixes     []Correction // newest first
	Pending   int          // corrections awaiting a decision
}

// show is a volunteer's record for staff: hours, stars, teams, ledger and
// training, with the form that records a training.
func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	v, err := h.store.Volunteer(ctx, id)
	if err != nil {
		return err
	}
	now := h.store.db.Now()
	p := showPage{V: v, Hours: FormatHours(v.Minutes), Today: Day(now), Now: now, Me: userID(r)}
	if p.Stars, err = h.store.Stars(ctx, id); err != nil {
		return err
	}
	p.Held = StarCount(p.Stars, now)
	if p.Teams, err = h.store.TeamsOf(ctx, id); err != nil {
		return err
	}
	if p.Ledger, err = h.store.Ledger(ctx, id, 100); err != nil {
		return err
	}
	for _, e := range p.Ledger {
		if e.Source != SourceCorrection {
			p.Fixable = append(p.Fixable, e)
		}
	}
	if p.Fixes, err = h.store.CorrectionsOf(ctx, id); err != nil {
		return err
	}
	for _, c := range p.Fixes {
		if c.Status == Pending {
			p.Pending++
		}
	}
	if p.Trainings, err = h.store.Trainings(ctx, id); err != nil {
		return err
	}
	return h.site.Render(w, r, "volunteer/show.html", "volunteer.title.show", p)
}

func (h *handler) addTraining(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	hours, _ := valid.Number(f.Get("hours"))        // not a number: 0 minutes, which the store refuses
	hours = max(0, min(hours, 10*MaxDayMinutes/60)) // the store names the limit; keep the int in range
	err = h.store.AddTraining(r.Context(), id, Training{Title: f.Get("title"), Provider: f.Get("provider"), HeldOn: f.Get("held_on"), Minutes: int(hours*60 + 0.5)}, userID(r))
	return h.back(w, r, err, "volunteer.flash.training", "/volunteers/"+strconv.FormatInt(id, 10))
}
