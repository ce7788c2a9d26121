package review

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"time"

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
}

func (h *handler) publicCall(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
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
	return h.site.Render(w, r, "review/call.html", "review.title.call", CallPage{Call: c, Form: sc, Stages: st, Open: c.Accepting(h.store.db.Now())})
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

// challenge signs the moment the form was served: a bot posting at once or
// replaying an old form is refused (a small, keyless-for-users bot check).
func (h *handler) challenge(callID int64, stamp string) string {
	m := hmac.New(sha256.New, h.cfg.Key)
	m.Write([]byte("objection|" + strconv.FormatInt(callID, 10) + "|" + stamp))
	return hex.EncodeToString(m.Sum(nil))
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
	stamp := strconv.FormatInt(now.Unix(), 10)
	return PublicityPage{Call: c, Listed: listed, Running: c.Status == CallPublicity && now.Before(c.PublicityTo), Form: f,
		Stamp: stamp, Challenge: h.challenge(id, stamp)}, nil
}

func (h *handler) publicity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := h.publicityPage(r, id, web.NewForm())
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "review/publicity.html", "review.title.publicity", p)
}

// Bounds of the objection form's challenge: filled in no faster than a
// person could, and within a working session.
const (
	challengeMin = 3 * time.Second
	challengeMax = 2 * time.Hour
)

func (h *handler) object(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	stamp := f.Get("stamp")
	sec, _ := strconv.ParseInt(stamp, 10, 64)
	age := h.store.db.Now().Sub(time.Unix(sec, 0))
	var ferr error
	if !hmac.Equal([]byte(h.challenge(id, stamp)), []byte(f.Get("challenge"))) || f.Get("website") != "" ||
		age < challengeMin || age > challengeMax {
		ferr = web.Errorf(http.StatusUnprocessableEntity, "review.err.challenge")
	} else {
		appID, _ := strconv.ParseInt(f.Get("application_id"), 10, 64)
		m := hmac.New(sha256.New, h.cfg.Key)
		m.Write([]byte("source|" + web.ClientIP(r)))
		_, ferr = h.store.FileObjection(r.Context(), ObjectionInput{AppID: appID, UserID: userID(r), Name: f.Get("name"),
			Contact: f.Get("contact"), Body: f.Get("body"), Source: hex.EncodeToString(m.Sum(nil))[:32]})
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
