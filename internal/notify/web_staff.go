package notify

import (
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/sheet"
	"kexie/internal/std"
	"kexie/internal/web"
)

// MessagesPage is the staff list of messages with delivery counts.
type MessagesPage struct {
	List     *web.List
	Messages []Message
	State    string
}

func (h *handler) messages(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-created", "created", "title", "recipients", "sent", "opened")
	col, desc := l.SortColumn()
	f := MessageFilter{Scope: h.site.Scope(r, "notify.view"), Q: l.Q, State: l.Get("state"), Sort: col, Desc: desc,
		Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	ms, total, err := h.store.Messages(r.Context(), f)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("notify.title.messages"), Headers: []string{t("notify.f.title"), t("notify.f.org"),
			t("notify.f.state"), t("notify.f.recipients"), t("notify.f.sent"), t("notify.f.failed"), t("notify.f.opened"), t("notify.f.created")}}
		for _, m := range ms {
			tab.Rows = append(tab.Rows, []string{m.Title, m.OrgName, t("notify.state." + m.State), strconv.FormatInt(m.Recipients, 10),
				strconv.FormatInt(m.Sent, 10), strconv.FormatInt(m.Failed, 10), strconv.FormatInt(m.Opened, 10), sheet.DateTime(m.CreatedAt)})
		}
		return sheet.ServeXLSX(w, t("notify.title.messages")+".xlsx", tab)
	}
	l.Total = total
	return h.site.Render(w, r, "notify/messages.html", "notify.title.messages", MessagesPage{List: l, Messages: ms, State: f.State})
}

// NewMessagePage is the manual announcement form.
type NewMessagePage struct {
	Form      *web.Form
	Audiences []Choice
	Topics    []Choice
}

func (h *handler) newMessagePage(r *http.Request, f *web.Form) NewMessagePage {
	t := h.site.T(r)
	p := NewMessagePage{Form: f}
	for _, a := range Audiences {
		p.Audiences = append(p.Audiences, Choice{a, t("notify.audience." + a), known(f.Values["audience"], a)})
	}
	for _, a := range Topics {
		p.Topics = append(p.Topics, Choice{a, t("notify.topic." + a), known(f.Values["topic"], a)})
	}
	return p
}

func (h *handler) newMessage(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	if id := web.IdentityFrom(r.Context()); id != nil && id.CurrentOrgID != 0 {
		f.Values.Set("org_id", strconv.FormatInt(id.CurrentOrgID, 10))
	}
	return h.site.Render(w, r, "notify/new.html", "notify.title.new", h.newMessagePage(r, f))
}

func (h *handler) createMessage(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	o, err := h.orgs.FromForm(r.Context(), f.Get("org_id")) // the route's rule checked it
	if err != nil {
		return err
	}
	m := Message{Key: "manual:" + strconv.FormatInt(h.store.db.NewID(), 10), OrgID: o.ID, Title: f.Get("title"),
		Summary: f.Get("summary"), Link: f.Get("link"), Audiences: f.Values["audience"], Topics: f.Values["topic"],
		RegionCode: regionCode(f.Get("region"))}
	if s := web.SubjectFrom(r.Context()); s != nil {
		m.CreatedBy = s.UserID
	}
	if m.Link != "" && !strings.HasPrefix(m.Link, "/") && !strings.HasPrefix(m.Link, "https://") && !strings.HasPrefix(m.Link, "http://") {
		f.Errors["link"] = h.site.T(r)("notify.err.link")
	}
	if f.Valid() {
		if _, err = h.store.Announce(r.Context(), m); err == nil {
			h.site.AddFlash(w, r, "ok", "notify.flash.announced")
			return web.Redirect(w, r, "/notify/admin/messages")
		}
		if !f.Fail(h.site.T(r), err) {
			return err
		}
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "notify/new.html", "notify.title.new", h.newMessagePage(r, f))
}

// SubscribersPage counts and lists subscribers of the caller's subtree.
type SubscribersPage struct {
	List     *web.List
	Total    int
	ByAud    []Count
	ByRegion []Count
	Accounts []Account
}

// RegionName names a region code for the page.
func (SubscribersPage) RegionName(code string) string {
	if code == "" {
		return ""
	}
	return std.Regions().FullName(code)
}

func (h *handler) subscribers(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-created", "created")
	scope := h.site.Scope(r, "notify.view")
	total, byAud, byRegion, err := h.store.SubscriberCounts(r.Context(), scope)
	if err != nil {
		return err
	}
	limit, offset := l.PerPage, l.Offset()
	if web.WantsExport(r) {
		limit, offset = 10000, 0
	}
	accs, n, err := h.store.Subscribers(r.Context(), scope, l.Get("region"), limit, offset)
	if err != nil {
		return err
	}
	p := SubscribersPage{List: l, Total: total, ByAud: byAud, ByRegion: byRegion, Accounts: accs}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("notify.title.subscribers"), Headers: []string{t("notify.f.addr"), t("notify.f.channel"), t("notify.f.region"), t("notify.f.verified")}}
		for _, a := range accs {
			tab.Rows = append(tab.Rows, []string{a.Masked, t("notify.channel." + a.Channel), p.RegionName(a.RegionCode), sheet.DateTime(a.VerifiedAt)})
		}
		return sheet.ServeXLSX(w, t("notify.title.subscribers")+".xlsx", tab)
	}
	l.Total = n
	return h.site.Render(w, r, "notify/subscribers.html", "notify.title.subscribers", p)
}
