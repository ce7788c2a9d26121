package review

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

func (h *handler) selectTop(w http.ResponseWriter, r *http.Request) error {
	id, _ := web.PathID(r, "id")
	st, err := h.store.Stage(r.Context(), id)
	if err != nil {
		return err
	}
	return h.act(w, r, st.CallID, func(f *web.Form, sc access.Scope) error {
		// One rule, and a readable one: an empty or mistyped rule must not
		// pass as "top 0, cutoff 0", which selects every application.
		top, cutoff := strings.TrimSpace(f.Get("top")), strings.TrimSpace(f.Get("cutoff"))
		n, nerr := strconv.Atoi(top)
		cut, cok := valid.Number(cutoff)
		switch {
		case top == "" && cutoff == "":
			return valid.New("top", "review.err.select_rule")
		case top != "" && (nerr != nil || n <= 0):
			return valid.New("top", "review.err.select_top")
		case top == "" && (!cok || cut < 0):
			return valid.New("cutoff", "review.err.select_cutoff")
		}
		return h.store.Select(r.Context(), id, sc, userID(r), n, cut)
	})
}

func (h *handler) assign(w http.ResponseWriter, r *http.Request) error {
	id, _ := web.PathID(r, "id")
	st, err := h.store.Stage(r.Context(), id)
	if err != nil {
		return err
	}
	return h.act(w, r, st.CallID, func(f *web.Form, sc access.Scope) error {
		seed, err := strconv.ParseInt(f.Get("seed"), 10, 64)
		if err != nil {
			seed = h.store.db.Now().UnixNano()
		}
		_, err = h.store.AssignStage(r.Context(), id, sc, userID(r), seed)
		return err
	})
}

// RankingPage is a stage's ranking and score matrix.
type RankingPage struct {
	Call    Call
	Ranking Ranking
	Records []Record // the stage's reviewers' records, in column order
}

// Pct shows a share as a whole percentage.
func (RankingPage) Pct(x float64) string { return strconv.Itoa(int(x*100+0.5)) + "%" }

// Cell returns one score of the matrix, "" when none.
func (p RankingPage) Cell(s Standing, expert int64) string {
	if v, ok := s.Scores[expert]; ok {
		return fmtNum(v)
	}
	return ""
}

func (h *handler) ranking(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	rk, err := h.store.Ranking(r.Context(), id, h.scope(r, "review.manage"))
	if err != nil {
		return err
	}
	c, err := h.store.Call(r.Context(), rk.Stage.CallID)
	if err != nil {
		return err
	}
	p := RankingPage{Call: c, Ranking: rk}
	recs, err := h.store.Records(r.Context(), rk.Reviewers)
	if err != nil {
		return err
	}
	for _, e := range rk.Reviewers {
		p.Records = append(p.Records, recs[e])
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		head := []string{t("review.f.rank"), t("review.f.app_title"), t("review.f.applicant"), t("review.f.score"), "n"}
		for i := range rk.Reviewers {
			head = append(head, t("review.f.reviewer_n", i+1))
		}
		tab := sheet.Table{Sheet: rk.Stage.Name, Headers: head}
		for _, s := range rk.Rows {
			row := []string{strconv.Itoa(s.Rank), s.App.Title, s.App.Name, fmtNum(s.Score), strconv.Itoa(s.N)}
			for _, e := range rk.Reviewers {
				row = append(row, p.Cell(s, e))
			}
			tab.Rows = append(tab.Rows, row)
		}
		return sheet.ServeXLSX(w, c.Title+"-"+rk.Stage.Name+".xlsx", tab)
	}
	return h.site.Render(w, r, "review/ranking.html", "review.title.ranking", p)
}

func (h *handler) setWindow(w http.ResponseWriter, r *http.Request) error {
	id, _ := web.PathID(r, "id")
	st, err := h.store.Stage(r.Context(), id)
	if err != nil {
		return err
	}
	return h.act(w, r, st.CallID, func(f *web.Form, sc access.Scope) error {
		opens, closes := parseDay(f.Get("opens")), parseDay(f.Get("closes"))
		if (f.Get("opens") != "" && opens.IsZero()) || (f.Get("closes") != "" && closes.IsZero()) {
			return valid.New("closes", "review.err.window")
		}
		if !closes.IsZero() {
			closes = closes.Add(24*time.Hour - time.Second)
		}
		return h.store.SetWindow(r.Context(), id, sc, opens, closes)
	})
}
