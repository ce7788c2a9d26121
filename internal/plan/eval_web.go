package plan

import (
	"fmt"
	"net/http"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// exportEval sends an evaluation as an XLSX report: the sheet and the ranking.
func (h *handler) exportEval(w http.ResponseWriter, r *http.Request) error {
	page, err := h.evalPage(r, nil)
	if err != nil {
		return err
	}
	t := h.site.T(r)
	sheetTab := sheet.Table{Sheet: t("plan.eval.sheet"), Headers: []string{t("plan.eval.task"), t("plan.eval.unit"), t("plan.eval.role"),
		t("plan.eval.indicators"), t("plan.status.achieved"), t("plan.eval.progress"), t("plan.eval.score"), t("plan.eval.comments"),
		t("plan.eval.evidence")}}
	for _, row := range page.Eval.Rows {
		score := ""
		if row.Score != nil {
			score = strconv.FormatFloat(*row.Score, 'f', -1, 64)
		}
		task := row.SectionTitle
		if row.SectionPath == CooperationRow {
			task = t("plan.eval.cooperation")
		}
		sheetTab.Rows = append(sheetTab.Rows, []string{task, row.OrgName, t("plan." + row.Role), strconv.Itoa(row.Rollup.Total),
			strconv.Itoa(row.Rollup.Count("achieved")), strconv.Itoa(row.Rollup.Percent()) + "%", score, row.Comments, row.Evidence})
	}
	rank := sheet.Table{Sheet: t("plan.eval.ranking"), Headers: []string{t("plan.eval.rank"), t("plan.eval.unit"), t("plan.eval.tasks"),
		t("plan.eval.scored"), t("plan.eval.total"), t("plan.eval.average")}}
	rank.Rows = RankRows(page.Totals)
	name := fmt.Sprintf("%s-%s%d.xlsx", page.Plan.Title, t("plan.eval.kind."+page.Eval.Kind), page.Eval.Year)
	return sheet.ServeXLSXBook(w, name, sheetTab, rank)
}

// EvalPage is an evaluation sheet with its ranking.
type EvalPage struct {
	Plan   Plan
	Eval   Evaluation
	Totals []UnitTotal
	Form   *web.Form
	Chart  string
}

func (h *handler) evalPage(r *http.Request, f *web.Form) (EvalPage, error) {
	p, err := h.planOf(r)
	if err != nil {
		return EvalPage{}, err
	}
	eid, _ := strconv.ParseInt(r.PathValue("eid"), 10, 64)
	e, err := h.store.Evaluation(r.Context(), p, eid)
	if err != nil {
		return EvalPage{}, err
	}
	if f == nil {
		f = web.NewForm()
		for _, row := range e.Rows {
			k := strconv.FormatInt(row.ID, 10)
			if row.Score != nil {
				f.Values.Set("score_"+k, strconv.FormatFloat(*row.Score, 'f', -1, 64))
			}
			f.Values.Set("comments_"+k, row.Comments)
			f.Values.Set("evidence_"+k, row.Evidence)
		}
	}
	page := EvalPage{Plan: p, Eval: e, Totals: e.Totals(), Form: f}
	var names []string
	var avg []any
	for _, u := range page.Totals {
		if u.Scored > 0 {
			names = append(names, u.OrgName)
			avg = append(avg, u.Average)
		}
	}
	if len(names) > 0 {
		page.Chart = web.ChartJSON(map[string]any{
			"tooltip": map[string]any{"trigger": "axis"},
			"grid":    map[string]any{"left": 140, "right": 24, "top": 16, "bottom": 24},
			"xAxis":   map[string]any{"type": "value", "max": MaxScore},
			"yAxis":   map[string]any{"type": "category", "data": names, "inverse": true},
			"series":  []map[string]any{{"type": "bar", "barMaxWidth": 24, "data": avg, "label": map[string]any{"show": true, "position": "right"}}},
		})
	}
	return page, nil
}

func (h *handler) eval(w http.ResponseWriter, r *http.Request) error {
	page, err := h.evalPage(r, nil)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "plan/eval.html", "plan.title.eval", page)
}

func (h *handler) printEval(w http.ResponseWriter, r *http.Request) error {
	page, err := h.evalPage(r, nil)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "plan/eval_print.html", "plan.title.eval", page)
}

func (h *handler) saveEval(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	page, err := h.evalPage(r, f)
	if err != nil {
		return err
	}
	var in []ScoreInput
	for _, row := range page.Eval.Rows {
		k := strconv.FormatInt(row.ID, 10)
		in = append(in, ScoreInput{RowID: row.ID, Score: f.Get("score_" + k), Comments: f.Get("comments_" + k), Evidence: f.Get("evidence_" + k)})
	}
	err = h.store.SaveScores(r.Context(), page.Plan.ID, page.Eval.ID, in, userID(r))
	if err != nil {
		if f.Fail(h.site.T(r), err) {
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "plan/eval.html", "plan.title.eval", page)
		}
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.scores_saved")
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d/evaluations/%d", page.Plan.ID, page.Eval.ID))
}

func (h *handler) createEval(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	id, err := h.store.CreateEvaluation(r.Context(), planID, f.Get("kind"), f.Get("year"), userID(r))
	if list, ok := valid.As(err); ok {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
		return web.Redirect(w, r, fmt.Sprintf("/plans/%d/dashboard", planID))
	}
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "plan.flash.eval_created")
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d/evaluations/%d", planID, id))
}
