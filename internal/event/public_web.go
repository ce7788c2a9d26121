package event

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"time"

	"kexie/internal/access"
	"kexie/internal/botcheck"
	"kexie/internal/org"
	"kexie/internal/shortcode"
	"kexie/internal/std"
	"kexie/internal/web"
)

// PublicListPage is the public list of coming events.
type PublicListPage struct {
	Events []Event
	List   *web.List
	Areas  []Area // the cities the list narrows to
	Area   string // the city chosen (its org code), "" for all
}

// Area is a city 科协 under the root, named by its place (攀枝花市), whose
// subtree's events the public list narrows to.
type Area struct {
	Code, Name string
	org        org.Org
}

// areas lists the cities directly under the root, in tree order.
func (h *handler) areas(ctx context.Context) ([]Area, error) {
	root, err := h.orgs.Root(ctx)
	if err != nil {
		return nil, err
	}
	kids, err := h.orgs.Children(ctx, root, "tree", 200, 0)
	if err != nil {
		return nil, err
	}
	var out []Area
	for _, o := range kids {
		if o.Type != org.TypeCity {
			continue
		}
		name := o.Name
		if r, ok := std.Regions().Lookup(o.RegionCode); ok {
			name = r.Name
		}
		out = append(out, Area{Code: o.Code, Name: name, org: o})
	}
	return out, nil
}

// publicList shows every event that has not ended, soonest first: events
// are public, anyone may register.
func (h *handler) publicList(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "")
	p := PublicListPage{List: l}
	var err error
	if p.Areas, err = h.areas(r.Context()); err != nil {
		return err
	}
	// Events are public: every org's coming events are listed to anyone,
	// or a chosen city's (an unknown city is no choice).
	scope := access.Everywhere()
	for _, a := range p.Areas {
		if a.Code == l.Get("area") {
			p.Area, scope = a.Code, access.Subtrees(a.org.Path)
		}
	}
	list, total, err := h.store.Upcoming(r.Context(), scope, time.Now(), l.Q, l.PerPage, l.Offset())
	if err != nil {
		return err
	}
	l.Total = total
	p.Events = list
	return h.site.Render(w, r, "event/public_list.html", "event.title.public", p)
}

// PublicPage is an event's public page with the registration form.
type PublicPage struct {
	Event      Event
	Form       *web.Form
	Full       bool
	Stamp, Sig string // the bot check's signed moment the form was served
	// Mine is the signed-in visitor's live ticket for the event, shown in
	// place of the form; nil when they hold none or are not signed in.
	Mine *Ticket
}

// userID is the signed-in visitor's account, 0 for an anonymous one.
func userID(r *http.Request) int64 {
	if sub := web.SubjectFrom(r.Context()); sub != nil {
		return sub.UserID
	}
	return 0
}

// BotCheck is the bot check of the public registration form under key:
// filled in no faster than a person could, within a working session.
func BotCheck(key []byte) botcheck.Checker {
	return botcheck.Checker{Key: key, Kind: "event.register", Min: 3 * time.Second, Max: 2 * time.Hour}
}

func (h *handler) public(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	if sub := web.SubjectFrom(r.Context()); sub != nil && sub.Name != "" {
		f.Values.Set("name", sub.Name) // a signed-in member registers as themself by default
	}
	return h.renderPublic(w, r, f, http.StatusOK)
}

func (h *handler) renderPublic(w http.ResponseWriter, r *http.Request, f *web.Form, status int) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	e, err := h.store.Get(r.Context(), id)
	if err != nil {
		return err
	}
	p := PublicPage{Event: e, Form: f, Full: e.Confirmed >= e.Capacity}
	p.Stamp, p.Sig = h.bot.Stamp(time.Now())
	if t, ok, err := h.store.UserTicket(r.Context(), e.ID, userID(r)); err != nil {
		return err
	} else if ok {
		p.Mine = &t
	}
	return h.site.RenderStatus(w, r, status, "event/public.html", "event.title.public_event", p)
}

func (h *handler) register(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	var t Ticket
	if !h.bot.OK(time.Now(), f.Get("stamp"), f.Get("sig"), f.Value("website")) {
		err = web.Errorf(http.StatusUnprocessableEntity, "event.err.challenge")
	} else {
		t, err = h.store.RegisterAs(r.Context(), id, Registrant{Name: f.Get("name"), Source: h.bot.Source(web.ClientIP(r)), UserID: userID(r)})
	}
	if errors.Is(err, ErrRegistered) {
		h.site.AddFlash(w, r, "warn", "event.flash.already")
		return web.Redirect(w, r, "/t/"+t.Code)
	}
	if f.Fail(h.site.T(r), err) {
		return h.renderPublic(w, r, f, http.StatusUnprocessableEntity)
	} else if err != nil {
		return err
	}
	if t.Status == Waiting {
		h.site.AddFlash(w, r, "warn", "event.flash.waiting")
	} else {
		h.site.AddFlash(w, r, "ok", "event.flash.registered")
	}
	return web.Redirect(w, r, "/t/"+t.Code)
}

// TicketPage is a ticket with its QR code.
type TicketPage struct {
	Ticket Ticket
	Event  Event
	QR     template.URL
}

func (h *handler) ticket(w http.ResponseWriter, r *http.Request) error {
	t, err := h.store.Ticket(r.Context(), r.PathValue("code"))
	var nf *NotFoundError
	if errors.As(err, &nf) {
		return web.ErrNotFound
	} else if err != nil {
		return err
	}
	e, err := h.store.Get(r.Context(), t.EventID)
	if err != nil {
		return err
	}
	qr, err := web.QRDataURL(t.Code, 240)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return h.site.Render(w, r, "event/ticket.html", "event.title.ticket", TicketPage{Ticket: t, Event: e, QR: qr})
}

func (h *handler) cancel(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	if _, err := web.ParseForm(w, r, 1<<10); err != nil {
		return err
	}
	err := h.store.Cancel(r.Context(), code)
	var nf *NotFoundError
	if errors.As(err, &nf) {
		return web.ErrNotFound
	}
	f := web.NewForm()
	if f.Fail(h.site.T(r), err) {
		h.site.AddFlash(w, r, "error", "event.err.cancel_refused")
		return web.Redirect(w, r, "/t/"+shortcode.Norm(code))
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "event.flash.cancelled")
	return web.Redirect(w, r, fmt.Sprintf("/t/%s", shortcode.Norm(code)))
}
