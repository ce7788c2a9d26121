package plan

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// IndicatorPage is an indicator with its ledger, its chart and the forms
// the viewer may use.
type IndicatorPage struct {
	Plan      Plan
	Indicator StoredIndicator
	Section   string
	Entries   []Entry
	Chart     string // ECharts option JSON
	CanReport bool   // may file progress
	CanReview bool   // plan owner: accept, return, assign
	Units     []StoredUnit
	Years     []int
	Quarters  []int
	Form      *web.Form
	Source    SourceView // a bound target's computed values; the source picker
	UserID    int64      // the viewer: nobody reviews what they filed
	Correct   *Entry     // the accepted entry the form corrects, if any
}

func (h *handler) indicatorPage(r *http.Request, f *web.Form) (IndicatorPage, error) {
	p, err := h.planOf(r)
	if err != nil {
		return IndicatorPage{}, err
	}
	_, iid := ids(r)
	page := IndicatorPage{Plan: p, Form: f, Quarters: []int{1, 2, 3, 4, 0}}
	found := false
	for _, ind := range p.Indicators {
		if ind.ID == iid {
			page.Indicator, found = ind, true
		}
	}
	if !found {
		return page, web.ErrNotFound
	}
	for _, s := range p.Sections {
		if s.Path == page.Indicator.SectionPath {
			page.Section = s.Number + " " + s.Title
		}
	}
	if page.Entries, err = h.store.Entries(r.Context(), p.ID, iid); err != nil {
		return page, err
	}
	page.CanReview = h.can(r, "plan.edit", p.OrgID, p.OrgPath)
	page.CanReport = p.Status == "published" && page.Indicator.OrgID != 0 && page.Indicator.Bound == nil
	page.UserID = userID(r)
	if c := f.Value("corrects"); c != "" {
		for i, e := range page.Entries {
			if strconv.FormatInt(e.ID, 10) == c && e.Current() {
				page.Correct = &page.Entries[i]
				f.Values.Set("year", strconv.Itoa(e.Year))
				f.Values.Set("quarter", strconv.Itoa(e.Quarter))
			}
		}
	}
	seen := map[int64]bool{}
	for _, u := range p.Units {
		if u.OrgID != 0 && !seen[u.OrgID] {
			seen[u.OrgID] = true
			page.Units = append(page.Units, u)
		}
	}
	for y := p.StartYear; y > 0 && y <= p.EndYear; y++ {
		page.Years = append(page.Years, y)
	}
	if page.Source, err = h.sourceView(r, p, page.Indicator, page.CanReview); err != nil {
		return page, err
	}
	page.Chart = indicatorChart(h.site.T(r), p, page.Indicator, chartEntries(page.Entries, page.Source.Computed))
	return page, nil
}

func (h *handler) indicator(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	now := h.store.Now()
	f.Values.Set("year", strconv.Itoa(now.Year()))
	f.Values.Set("quarter", strconv.Itoa(int(now.Month()-1)/3+1))
	f.Values.Set("corrects", r.URL.Query().Get("correct"))
	page, err := h.indicatorPage(r, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "plan/indicator.html", "plan.title.indicator", page)
}

// maxProgressBody bounds a progress form with its evidence files.
const maxProgressBody = MaxEvidenceFiles*MaxEvidenceSize + 1<<20

func (h *handler) file(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, maxProgressBody)
	if err != nil {
		return err
	}
	planID, iid := ids(r)
	in := ProgressInput{PlanID: planID, IndicatorID: iid, Year: f.Get("year"), Quarter: f.Get("quarter"), Value: f.Get("value"),
		Narrative: f.Get("narrative"), UserID: userID(r)}
	in.Corrects, _ = strconv.ParseInt(f.Get("corrects"), 10, 64)
	in.Scope = h.scope(r, "plan.report")
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["files"] {
			if fh.Size > MaxEvidenceSize {
				in.Files = append(in.Files, File{Name: fh.Filename, Data: make([]byte, MaxEvidenceSize+1)})
				continue
			}
			fd, err := fh.Open()
			if err != nil {
				return err
			}
			data, err := io.ReadAll(io.LimitReader(fd, MaxEvidenceSize+1))
			fd.Close()
			if err != nil {
				return err
			}
			in.Files = append(in.Files, File{Name: fh.Filename, ContentType: http.DetectContentType(data), Data: data})
		}
	}
	_, err = h.store.File(r.Context(), in)
	if err != nil {
		if f.Fail(h.site.T(r), err) {
			page, perr := h.indicatorPage(r, f)
			if perr != nil {
				return perr
			}
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "plan/indicator.html", "plan.title.indicator", page)
		}
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.filed")
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d/indicators/%d", planID, iid))
}

func (h *handler) review(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	pid, _ := strconv.ParseInt(r.PathValue("pid"), 10, 64)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	accept := f.Get("decision") == "accept"
	err = h.store.Review(r.Context(), planID, pid, accept, f.Get("note"), userID(r))
	next := fmt.Sprintf("/plans/%d/dashboard", planID)
	if iid := f.Get("indicator"); iid != "" {
		next = fmt.Sprintf("/plans/%d/indicators/%s", planID, url.PathEscape(iid))
	}
	if list, ok := valid.As(err); ok {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
	} else if err != nil {
		return err
	} else if accept {
		h.site.AddFlash(w, r, "ok", "plan.flash.accepted")
	} else {
		h.site.AddFlash(w, r, "ok", "plan.flash.returned")
	}
	return web.Redirect(w, r, next)
}

func (h *handler) withdraw(w http.ResponseWriter, r *http.Request) error {
	planID, iid := ids(r)
	pid, _ := strconv.ParseInt(r.PathValue("pid"), 10, 64)
	if _, err := web.ParseForm(w, r, 16<<10); err != nil {
		return err
	}
	err := h.store.Withdraw(r.Context(), planID, pid, userID(r))
	if list, ok := valid.As(err); ok {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
	} else if err != nil {
		return err
	} else {
		h.site.AddFlash(w, r, "ok", "plan.flash.withdrawn")
	}
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d/indicators/%d", planID, iid))
}

func (h *handler) evidence(w http.ResponseWriter, r *http.Request) error {
	planID, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	fid, _ := strconv.ParseInt(r.PathValue("fid"), 10, 64)
	name, ctype, data, err := h.store.Evidence(r.Context(), planID, fid)
	if err != nil {
		return err
	}
	// Served as a download, never rendered in our origin.
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
	w.Header().Set("Content-Security-Policy", "sandbox")
	_, err = w.Write(data)
	return err
}
