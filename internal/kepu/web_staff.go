package kepu

import (
	"html/template"
	"io"
	"net/http"
	"slices"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

func actor(r *http.Request) Actor {
	sub := web.SubjectFrom(r.Context())
	if sub == nil {
		return Actor{}
	}
	name := sub.Name
	if name == "" {
		name = sub.Username
	}
	return Actor{UserID: sub.UserID, Name: name}
}

// ItemsPage is the editors' list.
type ItemsPage struct {
	Items    []Item
	List     *web.List
	Status   string
	Statuses []Status
}

// itemStatuses are the statuses the editors' list filters by, in the
// order an item passes through them.
var itemStatuses = []Status{Draft, InReview, Reviewed, Published, Withdrawn}

// items is the editors' list: search the title's words, filter by status,
// sort by last change, title or status, page, export.
func (h *handler) items(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-updated", "updated", "title", "status")
	status := Status(l.Get("status"))
	if !slices.Contains(itemStatuses, status) {
		status = ""
	}
	f := ItemFilter{Scope: h.site.Scope(r, "kepu.edit"), Status: status, Q: l.Q, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	items, total, err := h.store.StaffItems(r.Context(), f)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("kepu.title.items"), Headers: []string{t("kepu.f.title"), t("kepu.f.status"), t("kepu.f.lang"),
			t("kepu.f.audience"), t("kepu.f.topic"), t("kepu.f.org"), t("kepu.f.author"), t("kepu.reviewer"), t("kepu.published_at"), t("kepu.f.updated")}}
		for _, it := range items {
			tab.Rows = append(tab.Rows, []string{it.Title, t("kepu.status." + string(it.Status)), t("kepu.lang." + it.Lang),
				t("kepu.audience." + it.Audience), it.Topic, it.OrgName, it.AuthorName, it.ReviewerName, sheet.Date(it.PublishedAt), sheet.Date(it.UpdatedAt)})
		}
		return sheet.ServeXLSX(w, t("kepu.title.items")+".xlsx", tab)
	}
	l.Total = total
	return h.site.Render(w, r, "kepu/items.html", "kepu.title.items", ItemsPage{Items: items, List: l, Status: string(status), Statuses: itemStatuses})
}

// EditPage is the form of a draft and the actions on an item.
type EditPage struct {
	Item      Item
	Form      *web.Form
	Body      template.HTML
	Audiences []string
	Languages []string
	Pools     []Pool
	Experts   []Expert
	PoolID    int64
	History   []Earlier
	Versions  []Item
	IsNew     bool
	Me        int64
	Series    []Series
}

func (h *handler) editPage(r *http.Request, it Item, f *web.Form) (EditPage, error) {
	p := EditPage{Item: it, Form: f, Body: template.HTML(it.Body), Audiences: Audiences, Languages: Languages,
		IsNew: it.ID == 0, Me: actor(r).UserID}
	ctx := r.Context()
	var err error
	if p.Series, err = h.store.SeriesList(ctx, h.site.Scope(r, "kepu.edit")); err != nil {
		return p, err
	}
	if it.ID == 0 {
		return p, nil
	}
	if p.Pools, err = h.store.experts.Pools(ctx, h.site.Scope(r, "kepu.edit")); err != nil {
		return p, err
	}
	if pid, _ := strconv.ParseInt(r.URL.Query().Get("pool"), 10, 64); pid != 0 {
		p.PoolID = pid
		if inPools(p.Pools, pid) { // another city's pool lists no one, as an unknown one
			if p.Experts, err = h.store.Eligible(ctx, it, pid); err != nil {
				return p, err
			}
		}
	}
	if p.History, err = h.store.History(ctx, it.ID); err != nil {
		return p, err
	}
	p.Versions, err = h.store.Versions(ctx, it.GroupID)
	return p, err
}

func (h *handler) newItem(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	f.Values.Set("audience", "public")
	f.Values.Set("kind", "article")
	p, _ := h.editPage(r, Item{}, f)
	return h.site.Render(w, r, "kepu/edit.html", "kepu.title.new", p)
}

func draftInput(f *web.Form) DraftInput {
	atoi := func(k string) int64 { v, _ := strconv.ParseInt(f.Get(k), 10, 64); return v }
	return DraftInput{OrgID: atoi("org_id"), Kind: Kind(f.Get("kind")), Lang: f.Get("lang"), Title: f.Get("title"),
		Summary: f.Get("summary"), Body: f.Value("body"), VideoURL: f.Get("video_url"), VideoMedia: atoi("video_media"),
		CoverMedia: atoi("cover_media"), Audience: f.Get("audience"), Topic: f.Get("topic"), SeriesID: atoi("series_id")}
}

func (h *handler) createItem(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	it, err := h.store.CreateDraft(r.Context(), draftInput(f), actor(r))
	if f.Fail(h.site.T(r), err) {
		p, _ := h.editPage(r, Item{}, f)
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "kepu/edit.html", "kepu.title.new", p)
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "kepu.flash.saved")
	return web.Redirect(w, r, "/kepu/admin/items/"+strconv.FormatInt(it.ID, 10))
}

func (h *handler) loadItem(r *http.Request) (Item, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return Item{}, err
	}
	return h.store.Item(r.Context(), id)
}

func itemForm(it Item) *web.Form {
	f := web.NewForm()
	for k, v := range map[string]string{"title": it.Title, "summary": it.Summary, "body": it.Body, "video_url": it.VideoURL,
		"audience": it.Audience, "topic": it.Topic, "kind": string(it.Kind), "lang": it.Lang,
		"org_id": strconv.FormatInt(it.OrgID, 10), "series_id": strconv.FormatInt(it.SeriesID, 10),
		"video_media": strconv.FormatInt(it.VideoMedia, 10)} {
		f.Values.Set(k, v)
	}
	return f
}

func (h *handler) showItem(w http.ResponseWriter, r *http.Request) error {
	it, err := h.loadItem(r)
	if err != nil {
		return err
	}
	p, err := h.editPage(r, it, itemForm(it))
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "kepu/edit.html", "kepu.title.item", p)
}

// act runs a store action from a form post, redirecting back to the item
// with a flash, or re-rendering the item with the error.
func (h *handler) act(w http.ResponseWriter, r *http.Request, flash string, do func(f *web.Form, it Item) error) error {
	it, err := h.loadItem(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	err = do(f, it)
	if f.Fail(h.site.T(r), err) {
		it2, _ := h.store.Item(r.Context(), it.ID)
		p, perr := h.editPage(r, it2, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "kepu/edit.html", "kepu.title.item", p)
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", flash)
	return web.Redirect(w, r, "/kepu/admin/items/"+strconv.FormatInt(it.ID, 10))
}

func (h *handler) updateItem(w http.ResponseWriter, r *http.Request) error {
	return h.act(w, r, "kepu.flash.saved", func(f *web.Form, it Item) error {
		in := draftInput(f)
		in.OrgID, in.Lang, in.Kind = it.OrgID, it.Lang, it.Kind
		return h.store.UpdateDraft(r.Context(), it.ID, in, actor(r))
	})
}

func (h *handler) submitItem(w http.ResponseWriter, r *http.Request) error {
	return h.act(w, r, "kepu.flash.submitted", func(f *web.Form, it Item) error {
		pool, err := h.scopedPool(r, "kepu.edit", f.Get("pool_id"))
		if err != nil {
			return err
		}
		person, _ := strconv.ParseInt(f.Get("expert"), 10, 64)
		_, err = h.store.SubmitForReview(r.Context(), it.ID, pool, person, actor(r))
		return err
	})
}

func (h *handler) translateItem(w http.ResponseWriter, r *http.Request) error {
	it, err := h.loadItem(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	in := draftInput(f)
	in.OrgID, in.GroupID, in.Kind, in.Audience, in.Topic = it.OrgID, it.GroupID, it.Kind, it.Audience, it.Topic
	in.VideoURL, in.VideoMedia, in.CoverMedia = it.VideoURL, it.VideoMedia, it.CoverMedia
	v, err := h.store.CreateDraft(r.Context(), in, actor(r))
	if f.Fail(h.site.T(r), err) {
		p, perr := h.editPage(r, it, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "kepu/edit.html", "kepu.title.item", p)
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "kepu.flash.saved")
	return web.Redirect(w, r, "/kepu/admin/items/"+strconv.FormatInt(v.ID, 10))
}

func (h *handler) publishItem(w http.ResponseWriter, r *http.Request) error {
	return h.act(w, r, "kepu.flash.published", func(f *web.Form, it Item) error {
		return h.store.Publish(r.Context(), it.ID, actor(r))
	})
}

func (h *handler) correctItem(w http.ResponseWriter, r *http.Request) error {
	return h.act(w, r, "kepu.flash.corrected", func(f *web.Form, it Item) error {
		return h.store.Correct(r.Context(), it.ID, Correction{Title: f.Get("title"), Summary: f.Get("summary"),
			Body: f.Value("body"), Note: f.Get("note")}, actor(r))
	})
}

func (h *handler) withdrawItem(w http.ResponseWriter, r *http.Request) error {
	return h.act(w, r, "kepu.flash.withdrawn", func(f *web.Form, it Item) error {
		return h.store.Withdraw(r.Context(), it.ID, f.Get("reason"), actor(r))
	})
}

// upload stores an editor's image or video and shows its address to put
// in the text.
func (h *handler) upload(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, MaxVideoBytes+(1<<20))
	if err != nil {
		return err
	}
	file, _, err := r.FormFile("file")
	if err != nil {
		return web.Errorf(http.StatusUnprocessableEntity, "kepu.err.file_missing")
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, MaxVideoBytes+1))
	if err != nil {
		return err
	}
	var m Media
	if http.DetectContentType(data)[:6] == "video/" {
		m, err = CheckVideo("file", data)
	} else {
		m, err = CheckImage("file", data)
	}
	if err != nil {
		return err
	}
	org, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	id, err := h.store.SaveMedia(r.Context(), org, m, actor(r))
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "kepu.flash.uploaded", "/kepu/media/"+strconv.FormatInt(id, 10))
	return web.Redirect(w, r, web.SafeNext(f.Get("next"), "/kepu/admin"))
}
