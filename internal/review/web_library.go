package review

import (
	"net/http"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// LibraryPage is the results library (成果库).
type LibraryPage struct {
	Rows  []LibraryRow
	List  *web.List
	Kinds []string
}

func (h *handler) library(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-final", "final", "title", "score", "reports")
	year, _ := strconv.Atoi(l.Get("year"))
	f := LibraryFilter{Scope: h.scope(r, "review.manage"), Q: l.Q, Kind: l.Get("kind"), Year: year, Sort: l.Sort,
		Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	rows, total, err := h.store.Library(r.Context(), f)
	if err != nil {
		return err
	}
	l.Total = total
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("review.title.library"), Headers: []string{t("review.f.app_title"), t("review.f.applicant"),
			t("review.f.employer"), t("review.f.call"), t("review.f.kind"), t("review.f.org"), t("review.f.final_at"), t("review.f.score"),
			t("review.f.reports"), t("review.f.instructions")}}
		for _, x := range rows {
			tab.Rows = append(tab.Rows, []string{x.Title, x.Name, x.Employer, x.CallTitle, t("review.kind." + x.Kind), x.OrgName,
				web.Date(x.FinalAt), fmtNum(x.Score), strconv.Itoa(x.Reports), strconv.Itoa(x.Instructions)})
		}
		return sheet.ServeXLSX(w, t("review.title.library")+".xlsx", tab)
	}
	return h.site.Render(w, r, "review/library.html", "review.title.library", LibraryPage{Rows: rows, List: l, Kinds: Kinds})
}

// ResultPage is one final result with its submissions and instructions.
type ResultPage struct {
	App     Application
	Call    Call
	Reports []Report
	Form    *web.Form
	Today   string
}

func (h *handler) resultPage(r *http.Request, f *web.Form) (ResultPage, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return ResultPage{}, err
	}
	a, err := h.store.Application(r.Context(), id)
	if err != nil {
		return ResultPage{}, err
	}
	c, err := h.store.Call(r.Context(), a.CallID)
	if err != nil {
		return ResultPage{}, err
	}
	if c.Status != CallFinal || a.Status != AppAwarded {
		return ResultPage{}, web.ErrNotFound
	}
	reps, err := h.store.Reports(r.Context(), id, h.scope(r, "review.manage"))
	if err != nil {
		return ResultPage{}, err
	}
	return ResultPage{App: a, Call: c, Reports: reps, Form: f, Today: web.Date(h.store.db.Now())}, nil
}

func (h *handler) result(w http.ResponseWriter, r *http.Request) error {
	p, err := h.resultPage(r, web.NewForm())
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "review/result.html", "review.title.result", p)
}

func (h *handler) addReport(w http.ResponseWriter, r *http.Request) error {
	return h.libraryPost(w, r, func(f *web.Form, id int64) error {
		to, err := h.orgID(r, f.Get("to_org"))
		if err != nil {
			return err
		}
		if to == 0 && f.Get("to_org") != "" {
			f.Errors["to_org"] = h.site.T(r)("orgpick.err.unknown", f.Get("to_org"))
			return errShown
		}
		_, err = h.store.AddReport(r.Context(), h.scope(r, "review.manage"), userID(r),
			ReportInput{AppID: id, ToOrgID: to, ToName: f.Get("to_name"), SentOn: f.Get("sent_on"), Note: f.Get("note")})
		return err
	})
}

func (h *handler) addInstruction(w http.ResponseWriter, r *http.Request) error {
	return h.libraryPost(w, r, func(f *web.Form, id int64) error {
		rep, _ := strconv.ParseInt(f.Get("report_id"), 10, 64)
		_, err := h.store.AddInstruction(r.Context(), h.scope(r, "review.manage"), userID(r),
			InstructionInput{ReportID: rep, Leader: f.Get("leader"), Body: f.Value("body"), GivenOn: f.Get("given_on")})
		return err
	})
}

// errShown says the form already carries the error to show.
var errShown = web.Errorf(http.StatusUnprocessableEntity, "review.err.form_fix")

func (h *handler) libraryPost(w http.ResponseWriter, r *http.Request, do func(f *web.Form, id int64) error) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	err = do(f, id)
	if err == nil {
		h.site.AddFlash(w, r, "ok", "review.flash.recorded")
		return web.Redirect(w, r, "/review/results/"+strconv.FormatInt(id, 10))
	}
	if err != errShown && !f.Fail(h.site.T(r), err) {
		return err
	}
	p, perr := h.resultPage(r, f)
	if perr != nil {
		return perr
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "review/result.html", "review.title.result", p)
}
