package voice

import (
	"net/http"

	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// ListPage is the staff's list of items in their scope.
type ListPage struct {
	List     *web.List
	Items    []Item
	Kind     string
	Status   string
	Topic    string
	Org      string // the org filter as typed or picked (a code)
	Overdue  bool
	Kinds    []Kind
	Statuses []Status
	Topics   []string
}

// filter reads the list's filter from the query; the org filter is
// resolved to a path (the store keeps it inside the scope).
func (h *handler) filter(r *http.Request, l *web.List) (Filter, ListPage, error) {
	p := ListPage{List: l, Kind: l.Get("kind"), Status: l.Get("status"), Topic: l.Get("topic"), Org: l.Get("org"),
		Overdue: l.Get("overdue") == "1", Kinds: Kinds, Statuses: Statuses, Topics: Topics}
	f := Filter{Scope: h.site.Scope(r, "voice.view"), Q: l.Q, Overdue: p.Overdue, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if k := Kind(p.Kind); k.Valid() {
		f.Kind = k
	}
	for _, st := range Statuses {
		if string(st) == p.Status {
			f.Status = st
		}
	}
	if knownTopic(p.Topic) {
		f.Topic = p.Topic
	}
	if p.Org != "" {
		o, err := h.orgs.FromForm(r.Context(), p.Org)
		if err != nil {
			f.OrgPath = "/0/" // no org has it: an org that does not exist matches nothing
		} else {
			f.OrgPath = o.Path
		}
	}
	return f, p, nil
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-filed", "filed", "due", "status")
	f, p, err := h.filter(r, l)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		t, err := h.store.Export(r.Context(), f, h.site.T(r))
		if err != nil {
			return err
		}
		return sheet.ServeXLSX(w, "建言诉求.xlsx", t)
	}
	items, total, err := h.store.List(r.Context(), f)
	if err != nil {
		return err
	}
	p.Items, l.Total = items, total
	return h.site.Render(w, r, "voice/list.html", "voice.title.list", p)
}

// ShowPage is one item for staff: the whole timeline with notes, and the
// forms of the steps its status allows.
type ShowPage struct {
	Item     Item
	Events   []Event
	Form     *web.Form
	Revealed string // the contact in full, on the reveal's answer only
	IsFiler  bool   // the viewer filed it: no step is offered
	Statuses []Status
}

func (h *handler) renderShow(w http.ResponseWriter, r *http.Request, f *web.Form, status int, revealed string) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	it, err := h.store.Item(r.Context(), id)
	if err != nil {
		return err
	}
	evs, err := h.store.Events(r.Context(), id, true)
	if err != nil {
		return err
	}
	me := actor(r).UserID
	return h.site.RenderStatus(w, r, status, "voice/show.html", "voice.title.item",
		ShowPage{Item: it, Events: evs, Form: f, Revealed: revealed, IsFiler: me != 0 && me == it.FilerUser, Statuses: Statuses})
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	return h.renderShow(w, r, web.NewForm(), http.StatusOK, "")
}

// step runs one staff step posted on an item: on success it flashes done
// and shows the item again; a refused step shows the page with the error
// and changes nothing.
func (h *handler) step(w http.ResponseWriter, r *http.Request, done string, fn func(id int64, f *web.Form) error) error {
	return h.site.Step(w, r, formLimit, done, "/voice/admin/", fn, func(f *web.Form) error {
		return h.renderShow(w, r, f, http.StatusUnprocessableEntity, "")
	})
}

func (h *handler) accept(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "voice.flash.accepted", func(id int64, f *web.Form) error { return h.store.Accept(r.Context(), id, actor(r)) })
}

func (h *handler) decline(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "voice.flash.declined", func(id int64, f *web.Form) error {
		return h.store.Decline(r.Context(), id, f.Value("reason"), actor(r))
	})
}

func (h *handler) assign(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "voice.flash.assigned", func(id int64, f *web.Form) error {
		name := f.Get("handler")
		if f.Get("me") == "1" {
			if s := subject(r); s != nil {
				name = s.Username
			}
		}
		return h.store.Assign(r.Context(), id, name, actor(r))
	})
}

func (h *handler) transfer(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "voice.flash.transferred", func(id int64, f *web.Form) error {
		to, err := h.orgs.FromForm(r.Context(), f.Get("org_id"))
		if err != nil {
			return valid.New("org_id", "voice.err.transfer_org")
		}
		return h.store.Transfer(r.Context(), id, to.ID, f.Value("reason"), h.site.Scope(r, "voice.handle"), actor(r))
	})
}

func (h *handler) answer(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "voice.flash.answered", func(id int64, f *web.Form) error {
		return h.store.Answer(r.Context(), id, f.Value("answer"), actor(r))
	})
}

func (h *handler) correct(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "voice.flash.corrected", func(id int64, f *web.Form) error {
		return h.store.Correct(r.Context(), id, f.Value("answer"), f.Value("reason"), actor(r))
	})
}

func (h *handler) note(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "voice.flash.noted", func(id int64, f *web.Form) error {
		return h.store.Note(r.Context(), id, f.Value("note"), actor(r))
	})
}

// reveal shows the filer's contact in full on this answer only; the store
// audits it.
func (h *handler) reveal(w http.ResponseWriter, r *http.Request) error {
	if _, err := web.ParseForm(w, r, 1<<12); err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	plain, err := h.store.Reveal(r.Context(), id)
	if err != nil {
		return err
	}
	return h.renderShow(w, r, web.NewForm(), http.StatusOK, plain)
}
