package venue

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// ShowPage is a venue's staff page.
type ShowPage struct {
	Venue    Venue
	Reviews  []Review
	Years    []Visitors
	Evidence map[string][]Evidence
	Kinds    []string
	Levels   []string
	Outcomes []string
	Six      []string
	Form     *web.Form // the details
	Review   *web.Form
	Visitors *web.Form
	Upload   *web.Form
	Year     int
}

func (h *handler) showPage(r *http.Request, id int64) (ShowPage, error) {
	v, err := h.store.Get(r.Context(), id)
	if err != nil {
		return ShowPage{}, err
	}
	p := ShowPage{Venue: v, Kinds: Kinds(), Levels: Levels(), Outcomes: Outcomes(), Six: SixItems(),
		Form: web.NewForm(), Review: web.NewForm(), Visitors: web.NewForm(), Upload: web.NewForm(), Year: time.Now().Year()}
	if p.Reviews, err = h.store.Reviews(r.Context(), id); err != nil {
		return p, err
	}
	if p.Years, err = h.store.VisitorYears(r.Context(), id); err != nil {
		return p, err
	}
	if p.Evidence, err = h.store.EvidenceList(r.Context(), id); err != nil {
		return p, err
	}
	fv := p.Form.Values
	fv.Set("kind", v.Kind)
	fv.Set("name", v.Name)
	fv.Set("level", v.Level)
	fv.Set("region_code", v.RegionCode)
	fv.Set("township", v.Township)
	fv.Set("address", v.Address)
	fv.Set("hours", v.Hours)
	fv.Set("capacity", strconv.Itoa(v.Capacity))
	fv.Set("contact", v.Contact)
	if v.Lng != nil {
		fv.Set("lng", strconv.FormatFloat(*v.Lng, 'f', -1, 64))
		fv.Set("lat", strconv.FormatFloat(*v.Lat, 'f', -1, 64))
	}
	for _, it := range SixItems() {
		if v.Six[it] {
			fv.Set("six_"+it, "1")
		}
	}
	p.Review.Values.Set("year", strconv.Itoa(p.Year-1))
	p.Review.Values.Set("outcome", Kept)
	p.Visitors.Values.Set("year", strconv.Itoa(p.Year-1))
	return p, nil
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	p, err := h.showPage(r, id)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "venue/show.html", "venue.title.show", p)
}

// fail re-renders the venue page with f in the slot set picks.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, id int64, f *web.Form, err error, set func(*ShowPage, *web.Form)) error {
	if !f.Fail(h.site.T(r), err) && err != nil {
		return err
	}
	translate(h.site.T(r), f)
	p, perr := h.showPage(r, id)
	if perr != nil {
		return perr
	}
	set(&p, f)
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "venue/show.html", "venue.title.show", p)
}

func (h *handler) update(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	in, ok := parseInput(f)
	if ok {
		err = h.store.Update(r.Context(), id, in)
	}
	if !ok || err != nil {
		return h.fail(w, r, id, f, err, func(p *ShowPage, f *web.Form) { p.Form = f })
	}
	h.site.AddFlash(w, r, "ok", "venue.flash.saved")
	return web.Redirect(w, r, fmt.Sprintf("/venues/%d", id))
}

func (h *handler) review(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	year, _ := strconv.Atoi(f.Get("year"))
	score, ok := valid.Number(f.Get("score"))
	if !ok {
		score = -1
	}
	in := ReviewInput{Year: year, Score: score, Outcome: f.Get("outcome"), Comment: f.Get("comment")}
	if s := web.SubjectFrom(r.Context()); s != nil {
		in.ReviewerID, in.Reviewer = s.UserID, s.Username
	}
	if err := h.store.AddReview(r.Context(), id, in); err != nil {
		return h.fail(w, r, id, f, err, func(p *ShowPage, f *web.Form) { p.Review = f })
	}
	h.site.AddFlash(w, r, "ok", "venue.flash.reviewed")
	return web.Redirect(w, r, fmt.Sprintf("/venues/%d", id))
}

func (h *handler) visitors(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	year, _ := strconv.Atoi(f.Get("year"))
	n, nerr := strconv.ParseInt(f.Get("visitors"), 10, 64)
	if nerr != nil {
		n = -1
	}
	if err := h.store.SetVisitors(r.Context(), id, year, n); err != nil {
		return h.fail(w, r, id, f, err, func(p *ShowPage, f *web.Form) { p.Visitors = f })
	}
	h.site.AddFlash(w, r, "ok", "venue.flash.visitors")
	return web.Redirect(w, r, fmt.Sprintf("/venues/%d", id))
}

func (h *handler) evidence(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, MaxEvidence+(64<<10))
	if err != nil {
		return err
	}
	var data []byte
	name := ""
	if file, fh, ferr := r.FormFile("file"); ferr == nil {
		data, err = io.ReadAll(io.LimitReader(file, MaxEvidence+1))
		file.Close()
		if err != nil {
			return err
		}
		name = fh.Filename
	}
	userID := int64(0)
	if s := web.SubjectFrom(r.Context()); s != nil {
		userID = s.UserID
	}
	if err := h.store.AddEvidence(r.Context(), id, f.Get("item"), name, http.DetectContentType(data), data, userID); err != nil {
		return h.fail(w, r, id, f, err, func(p *ShowPage, f *web.Form) { p.Upload = f })
	}
	h.site.AddFlash(w, r, "ok", "venue.flash.evidence")
	return web.Redirect(w, r, fmt.Sprintf("/venues/%d", id))
}

func (h *handler) evidenceFile(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	eid, err := strconv.ParseInt(r.PathValue("eid"), 10, 64)
	if err != nil {
		return web.ErrNotFound
	}
	e, data, err := h.store.EvidenceFile(r.Context(), id, eid)
	var nf *NotFoundError
	if errors.As(err, &nf) {
		return web.ErrNotFound
	} else if err != nil {
		return err
	}
	w.Header().Set("Content-Type", e.ContentType)
	w.Header().Set("Content-Disposition", fmt.Sprintf("inline; filename*=UTF-8''%s", url.PathEscape(e.FileName)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, err = w.Write(data)
	return err
}

// Fields is the data of the venue fields on the edit form.
func (p ShowPage) Fields(v *web.View, f *web.Form) FormData {
	return FormData{View: v, Form: f, Kinds: p.Kinds, Levels: p.Levels, Six: p.Six}
}
