package review

import (
	"net/http"
	"strconv"
	"time"

	"kexie/internal/botcheck"
	"kexie/internal/web"
)

// OpenPage is the public list of calls.
type OpenPage struct {
	Calls []Call
	Now   time.Time
}

func (h *handler) openCalls(w http.ResponseWriter, r *http.Request) error {
	now := h.store.db.Now()
	calls, err := h.store.OpenCalls(r.Context(), now, 200)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "review/open.html", "review.title.open", OpenPage{Calls: calls, Now: now})
}

// CallPage is the public page of one call.
type CallPage struct {
	Call   Call
	Form   Schema
	Stages []Stage
	Open   bool
	Status string // as shown now (Call.StatusAt)
}

func (h *handler) publicCall(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.store.Call(r.Context(), id)
	if err != nil {
		return err
	}
	if c.Status == CallDraft {
		return web.ErrNotFound
	}
	sc, _, err := h.store.Form(r.Context(), id, 0)
	if err != nil {
		return err
	}
	st, err := h.store.Stages(r.Context(), id)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "review/call.html", "review.title.call", CallPage{Call: c, Form: sc, Stages: st, Open: c.Accepting(h.store.db.Now()), Status: c.StatusAt(h.store.db.Now())})
}

// PublicityPage is the public 公示 page with the objection form.
type PublicityPage struct {
	Call      Call
	Listed    []Application
	Running   bool
	Form      *web.Form
	Challenge string
	Stamp     string
}

// ObjectionCheck is the bot check of call callID's objection form under
// key (package botcheck): the signed moment the form was served, bound to
// the call, so a bot posting at once or replaying an old form, or another
// call's form, is refused. It is filled in no faster than a person could,
// within a working session.
func ObjectionCheck(key []byte, callID int64) botcheck.Checker {
	return botcheck.Checker{Key: key, Kind: "review/objection|" + strconv.FormatInt(callID, 10), Min: 3 * time.Second, Max: 2 * time.Hour}
}

// objectionSource is the keyed hash of a sender's address the objection
// rate limit counts, the same for every call.
func (h *handler) objectionSource(r *http.Request) string {
	return botcheck.Checker{Key: h.cfg.Key, Kind: "review/objection"}.Source(web.ClientIP(r))
}

func (h *handler) publicityPage(r *http.Request, id int64, f *web.Form) (PublicityPage, error) {
	c, err := h.store.Call(r.Context(), id)
	if err != nil {
		return PublicityPage{}, err
	}
	if c.Status != CallPublicity && c.Status != CallFinal {
		return PublicityPage{}, web.ErrNotFound
	}
	listed, err := h.store.Listed(r.Context(), id)
	if err != nil {
		return PublicityPage{}, err
	}
	now := h.store.db.Now()
	stamp, sig := ObjectionCheck(h.cfg.Key, id).Stamp(now)
	return PublicityPage{Call: c, Listed: listed, Running: c.Status == CallPublicity && now.Before(c.PublicityTo), Form: f,
		Stamp: stamp, Challenge: sig}, nil
}

func (h *handler) publicity(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	p, err := h.publicityPage(r, id, web.NewForm())
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "review/publicity.html", "review.title.publicity", p)
}

func (h *handler) object(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	var ferr error
	if !ObjectionCheck(h.cfg.Key, id).OK(h.store.db.Now(), f.Get("stamp"), f.Get("challenge"), f.Value("website")) {
		ferr = web.Errorf(http.StatusUnprocessableEntity, "review.err.challenge")
	} else {
		appID, _ := strconv.ParseInt(f.Get("application_id"), 10, 64)
		_, ferr = h.store.FileObjection(r.Context(), ObjectionInput{AppID: appID, UserID: userID(r), Name: f.Get("name"),
			Contact: f.Get("contact"), Body: f.Get("body"), Source: h.objectionSource(r)})
		if ferr == nil {
			h.site.AddFlash(w, r, "ok", "review.flash.objection")
			return web.Redirect(w, r, "/calls/"+strconv.FormatInt(id, 10)+"/publicity")
		}
	}
	if !f.Fail(h.site.T(r), ferr) {
		return ferr
	}
	p, err := h.publicityPage(r, id, f)
	if err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "review/publicity.html", "review.title.publicity", p)
}
