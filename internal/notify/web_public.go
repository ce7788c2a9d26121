package notify

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"kexie/internal/std"
	"kexie/internal/web"
)

// SessionFor is how long a verified public account stays signed in.
const SessionFor = 30 * 24 * time.Hour

// SubscribePage is the public subscribe form and, after a code was sent,
// the verify form.
type SubscribePage struct {
	Form   *web.Form
	Addr   string // what was typed, carried to the verify form
	Masked string
	Org    string // the portal org's code (?org=), or ""
}

func (h *handler) subscribeForm(w http.ResponseWriter, r *http.Request) error {
	if _, ok := h.account(r); ok {
		return web.Redirect(w, r, "/notify/me")
	}
	return h.site.Render(w, r, "notify/subscribe.html", "notify.title.subscribe",
		SubscribePage{Form: web.NewForm(), Org: r.URL.Query().Get("org")})
}

func (h *handler) sendCode(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	p := SubscribePage{Form: f, Addr: f.Get("addr"), Org: f.Get("org")}
	a, err := h.store.StartVerify(r.Context(), p.Addr)
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "notify/subscribe.html", "notify.title.subscribe", p)
	}
	p.Masked, p.Form = a.Masked(), web.NewForm()
	web.KeepOnce(r) // a code went out: the same form again (a reload) sends none, it is 409
	return h.site.Render(w, r, "notify/verify.html", "notify.title.verify", p)
}

func (h *handler) verify(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	p := SubscribePage{Form: f, Addr: f.Get("addr"), Org: f.Get("org")}
	orgID, err := h.store.PortalOrg(r.Context(), p.Org)
	if err != nil {
		return err
	}
	acc, err := h.store.Verify(r.Context(), p.Addr, f.Get("code"), orgID)
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		if a, perr := ParseAddress(p.Addr); perr == nil {
			p.Masked = a.Masked()
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "notify/verify.html", "notify.title.verify", p)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: h.store.SessionToken(acc.ID, h.store.db.Now().Add(SessionFor)),
		Path: "/notify", HttpOnly: true, Secure: h.cfg.Secure, SameSite: http.SameSiteLaxMode, MaxAge: int(SessionFor / time.Second)})
	h.site.AddFlash(w, r, "ok", "notify.flash.verified")
	return web.Redirect(w, r, "/notify/me")
}

// Choice is one checkbox.
type Choice struct {
	Value, Label string
	Checked      bool
}

// MePage is a signed-in account's page: what it follows and its inbox.
type MePage struct {
	Account    Account
	Form       *web.Form
	Audiences  []Choice
	Topics     []Choice
	RegionName string
	Inbox      []InboxItem
	Unread     int
	Unsub      string // the account's unsubscribe link
}

func (h *handler) mePage(r *http.Request, id int64, f *web.Form) (MePage, error) {
	acc, err := h.store.Account(r.Context(), id)
	if err != nil {
		return MePage{}, err
	}
	t := h.site.T(r)
	p := MePage{Account: acc, Form: f, Unsub: "/notify/unsubscribe?t=" + h.store.UnsubscribeToken(id)}
	for _, a := range Audiences {
		p.Audiences = append(p.Audiences, Choice{a, t("notify.audience." + a), known(acc.Audiences, a)})
	}
	for _, a := range Topics {
		p.Topics = append(p.Topics, Choice{a, t("notify.topic." + a), known(acc.Topics, a)})
	}
	if acc.RegionCode != "" {
		p.RegionName = std.Regions().FullName(acc.RegionCode)
	}
	p.Inbox, p.Unread, err = h.store.Inbox(r.Context(), id, 50, 0)
	return p, err
}

func (h *handler) me(w http.ResponseWriter, r *http.Request) error {
	id, ok := h.account(r)
	if !ok {
		return web.Redirect(w, r, "/notify")
	}
	p, err := h.mePage(r, id, web.NewForm())
	if errors.Is(err, ErrNoAccount) {
		return web.Redirect(w, r, "/notify")
	}
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "notify/me.html", "notify.title.me", p)
}

func (h *handler) saveFollow(w http.ResponseWriter, r *http.Request) error {
	id, ok := h.account(r)
	if !ok {
		return web.Redirect(w, r, "/notify")
	}
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	fl := Follow{Audiences: f.Values["audience"], Topics: f.Values["topic"], RegionCode: regionCode(f.Get("region"))}
	if err := h.store.SetFollow(r.Context(), id, fl); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p, perr := h.mePage(r, id, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "notify/me.html", "notify.title.me", p)
	}
	h.site.AddFlash(w, r, "ok", "notify.flash.saved")
	return web.Redirect(w, r, "/notify/me")
}

// regionCode reads a region typed as a code or a name ("滁州市"); what
// matches nothing stays as typed and fails validation.
func regionCode(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || std.Regions().ValidCode(s) {
		return s
	}
	if hits := std.Regions().Search(s, 1); len(hits) == 1 {
		return hits[0].Code
	}
	return s
}

// openMessage marks an inbox message read and goes to what it announces.
func (h *handler) openMessage(w http.ResponseWriter, r *http.Request) error {
	id, ok := h.account(r)
	if !ok {
		return web.Redirect(w, r, "/notify")
	}
	msg, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return web.ErrNotFound
	}
	found, err := h.store.MarkOpened(r.Context(), msg, id)
	if err != nil {
		return err
	}
	if !found {
		return web.ErrNotFound
	}
	link, err := h.store.MessageLink(r.Context(), msg)
	if err != nil {
		return err
	}
	if link == "" || !strings.HasPrefix(link, "/") || strings.HasPrefix(link, "//") {
		link = "/notify/me"
	}
	return web.Redirect(w, r, link)
}

func (h *handler) signOut(w http.ResponseWriter, r *http.Request) error {
	if _, err := web.ParseForm(w, r, 1<<10); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/notify", MaxAge: -1, HttpOnly: true, Secure: h.cfg.Secure})
	return web.Redirect(w, r, "/notify")
}

// UnsubscribePage confirms (or reports) a one-click unsubscribe.
type UnsubscribePage struct {
	Token  string
	Done   bool
	Masked string
}

func (h *handler) unsubscribeForm(w http.ResponseWriter, r *http.Request) error {
	tok := r.URL.Query().Get("t")
	id, ok := h.store.UnsubscribeAccount(tok)
	if !ok {
		return web.Errorf(http.StatusNotFound, "notify.err.token")
	}
	acc, err := h.store.Account(r.Context(), id)
	if errors.Is(err, ErrNoAccount) {
		return web.Errorf(http.StatusNotFound, "notify.err.token")
	}
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "notify/unsubscribe.html", "notify.title.unsubscribe",
		UnsubscribePage{Token: tok, Masked: acc.Masked, Done: acc.Status == "unsubscribed"})
}

func (h *handler) unsubscribe(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	id, ok := h.store.UnsubscribeAccount(f.Get("t"))
	if !ok {
		return web.Errorf(http.StatusNotFound, "notify.err.token")
	}
	if err := h.store.Unsubscribe(r.Context(), id); errors.Is(err, ErrNoAccount) {
		return web.Errorf(http.StatusNotFound, "notify.err.token")
	} else if err != nil {
		return err
	}
	acc, err := h.store.Account(r.Context(), id)
	if err != nil {
		return err
	}
	web.KeepOnce(r) // unsubscribed, answered with the page
	return h.site.Render(w, r, "notify/unsubscribe.html", "notify.title.unsubscribe",
		UnsubscribePage{Done: true, Masked: acc.Masked})
}

// gif is a transparent 1×1 image.
var gif = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

func (h *handler) pixel(w http.ResponseWriter, r *http.Request) error {
	tok := strings.TrimSuffix(r.PathValue("token"), ".gif")
	if err := h.store.OpenedByToken(r.Context(), tok); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/gif")
	w.Header().Set("Cache-Control", "no-store")
	_, err := w.Write(gif)
	return err
}
