package review

import (
	"net/http"
	"strconv"

	"kexie/internal/web"
)

// AssignmentsPage is a reviewer's worklist.
type AssignmentsPage struct {
	List    []Assignment
	Notices []Notice
}

func (h *handler) assignments(w http.ResponseWriter, r *http.Request) error {
	list, err := h.store.MyAssignments(r.Context(), userID(r))
	if err != nil {
		return err
	}
	notices, err := h.store.Notices(r.Context(), userID(r), 5)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "review/assignments.html", "review.title.assignments", AssignmentsPage{List: list, Notices: notices})
}

// ScorePage is the score form of one assignment.
type ScorePage struct {
	R    Reviewing
	Form *web.Form
	Open bool
}

func (h *handler) scorePage(r *http.Request, f *web.Form) (ScorePage, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return ScorePage{}, err
	}
	rv, err := h.store.Review(r.Context(), id, userID(r))
	if err != nil {
		return ScorePage{}, err
	}
	if len(f.Values) == 0 {
		for k, v := range rv.Assignment.Scores {
			f.Values.Set("s."+k, fmtNum(v))
		}
		f.Values.Set("comment", rv.Assignment.Comment)
	}
	p := ScorePage{R: rv, Form: f, Open: rv.Stage.InWindow(h.store.db.Now())}
	if rv.Stage.Status == "open" && !p.Open && f.Message == "" {
		if err := windowErr(rv.Stage, h.store.db.Now()); err != nil {
			f.Fail(h.site.T(r), err)
		}
	}
	return p, nil
}

func (h *handler) scoreForm(w http.ResponseWriter, r *http.Request) error {
	p, err := h.scorePage(r, web.NewForm())
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "review/score.html", "review.title.score", p)
}

func (h *handler) score(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	if f.Get("action") == "decline" {
		err = h.store.Decline(r.Context(), id, userID(r), f.Get("reason"))
		if err == nil {
			h.site.AddFlash(w, r, "ok", "review.flash.declined")
			return web.Redirect(w, r, "/review/assignments")
		}
	} else {
		rv, rerr := h.store.Review(r.Context(), id, userID(r))
		if rerr != nil {
			return rerr
		}
		values := map[string]float64{}
		for _, c := range rv.Stage.Rubric {
			if s := f.Get("s." + c.Key); s != "" {
				v, perr := strconv.ParseFloat(s, 64)
				if perr != nil {
					v = -1e18 // out of every range: reported as such
				}
				values[c.Key] = v
			}
		}
		_, err = h.store.SaveScore(r.Context(), id, userID(r), values, f.Get("comment"))
		if err == nil {
			h.site.AddFlash(w, r, "ok", "review.flash.scored")
			return web.Redirect(w, r, "/review/assignments")
		}
	}
	if !f.Fail(h.site.T(r), err) {
		return err
	}
	p, perr := h.scorePage(r, f)
	if perr != nil {
		return perr
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "review/score.html", "review.title.score", p)
}

// RecommendPage is a recommending unit's queue.
type RecommendPage struct {
	Apps  []Application
	Calls map[int64]Call
}

func (h *handler) recommendations(w http.ResponseWriter, r *http.Request) error {
	apps, err := h.store.ForRecommendation(r.Context(), h.scope(r, "review.recommend"))
	if err != nil {
		return err
	}
	calls := map[int64]Call{}
	for _, a := range apps {
		if _, ok := calls[a.CallID]; !ok {
			if calls[a.CallID], err = h.store.Call(r.Context(), a.CallID); err != nil {
				return err
			}
		}
	}
	return h.site.Render(w, r, "review/recommend.html", "review.title.recommend", RecommendPage{Apps: apps, Calls: calls})
}

func (h *handler) recommend(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	err = h.store.Recommend(r.Context(), id, h.scope(r, "review.recommend"), userID(r), f.Get("outcome"), f.Get("reason"))
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		h.site.AddFlash(w, r, "error", "review.flash.failed", firstError(f))
		return web.Redirect(w, r, "/review/recommend")
	}
	h.site.AddFlash(w, r, "ok", "review.flash.recorded")
	return web.Redirect(w, r, "/review/recommend")
}

// firstError is the form's message or its first field error, for a flash.
func firstError(f *web.Form) string {
	if f.Message != "" {
		return f.Message
	}
	for _, e := range f.Errors {
		return e
	}
	return ""
}
