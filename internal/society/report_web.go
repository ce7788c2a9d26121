package society

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"kexie/internal/web"
)

// reportFields are the form's number fields, in order, with their catalog keys.
var reportFields = []string{"activities", "academic_events", "members", "unit_members", "income_total", "income_dues",
	"income_gov", "income_service", "expense", "staff_full", "staff_part", "branches", "meetings", "elections"}

type reportPage struct {
	Soc         Ref
	ParentPath  string
	Year        int
	Report      Report
	Exists      bool
	Form        *web.Form
	Fields      []string
	ChangeKinds []string
	Deadline    time.Time
}

// LastDay is the last day to file on time (the deadline is that day's end).
func (p reportPage) LastDay() time.Time { return p.Deadline.Add(-time.Second) }

func (h *handler) loadReport(r *http.Request) (reportPage, error) {
	ctx := r.Context()
	soc, parent, err := h.society(ctx, r)
	if err != nil {
		return reportPage{}, err
	}
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil || year < 2000 || year > 2100 {
		return reportPage{}, web.ErrNotFound
	}
	p := reportPage{Soc: soc, ParentPath: parent, Year: year, Fields: reportFields, ChangeKinds: ChangeKinds, Deadline: h.store.Deadline(year)}
	rep, err := h.store.GetReport(ctx, soc.ID, year)
	var nf *NotFoundError
	switch {
	case errors.As(err, &nf):
		rep = Report{OrgID: soc.ID, Year: year, Status: ReportDraft}
		if rep.Form, err = h.store.NewForm(ctx, soc.ID, year); err != nil {
			return p, err
		}
	case err != nil:
		return p, err
	default:
		p.Exists = true
	}
	p.Report = rep
	return p, nil
}

// formValues puts a report form into web form values.
func formValues(fm Form) *web.Form {
	f := web.NewForm()
	nums := []int64{int64(fm.Activities), int64(fm.AcademicEvents), int64(fm.Members), int64(fm.UnitMembers), fm.IncomeTotal,
		fm.IncomeDues, fm.IncomeGov, fm.IncomeService, fm.Expense, int64(fm.StaffFull), int64(fm.StaffPart), int64(fm.Branches),
		int64(fm.Meetings), int64(fm.Elections)}
	for i, k := range reportFields {
		f.Values.Set(k, strconv.FormatInt(nums[i], 10))
	}
	for _, c := range fm.Changes {
		f.Values.Set("change_"+c.Kind, c.ApprovedOn)
	}
	f.Values.Set("summary", fm.Summary)
	return f
}

// readForm reads a report form from web form values; a field that is not
// a whole number is marked on f.
func readForm(f *web.Form, t func(string, ...any) string) Form {
	n := make([]int64, len(reportFields))
	for i, k := range reportFields {
		v := f.Get(k)
		if v == "" {
			continue
		}
		x, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			f.Errors[k] = t("society.err.number")
		}
		n[i] = x
	}
	fm := Form{Activities: int(n[0]), AcademicEvents: int(n[1]), Members: int(n[2]), UnitMembers: int(n[3]), IncomeTotal: n[4],
		IncomeDues: n[5], IncomeGov: n[6], IncomeService: n[7], Expense: n[8], StaffFull: int(n[9]), StaffPart: int(n[10]),
		Branches: int(n[11]), Meetings: int(n[12]), Elections: int(n[13]), Summary: f.Get("summary"), Changes: []Change{}}
	for _, k := range ChangeKinds {
		if v := f.Get("change_" + k); v != "" {
			fm.Changes = append(fm.Changes, Change{Kind: k, ApprovedOn: v})
		}
	}
	return fm
}

// report shows a society's annual report for a year: the form while the
// society may edit it, the filed report and the 科协's check otherwise.
func (h *handler) report(w http.ResponseWriter, r *http.Request) error {
	p, err := h.loadReport(r)
	if err != nil {
		return err
	}
	p.Form = formValues(p.Report.Form)
	return h.site.Render(w, r, "society/report.html", "society.title.report", p)
}

func (h *handler) reportFail(w http.ResponseWriter, r *http.Request, p reportPage, f *web.Form, err error) error {
	if err != nil && !f.Fail(h.site.T(r), err) {
		return err
	}
	// Errors on a change row name the kind's date field.
	for k, msg := range f.Errors {
		if len(k) > 8 && k[:8] == "changes." {
			if i, e := strconv.Atoi(k[8:]); e == nil {
				fm := readForm(&web.Form{Values: f.Values, Errors: map[string]string{}}, h.site.T(r))
				if i < len(fm.Changes) {
					f.Errors["change_"+fm.Changes[i].Kind] = msg
				}
			}
		}
	}
	if f.Message == "" {
		f.Message = h.site.T(r)("society.err.fix_below")
	}
	p.Form = f
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "society/report.html", "society.title.report", p)
}

// reportSave saves the report as a draft, or saves and files it.
func (h *handler) reportSave(w http.ResponseWriter, r *http.Request) error {
	p, err := h.loadReport(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	fm := readForm(f, h.site.T(r))
	if len(f.Errors) > 0 {
		return h.reportFail(w, r, p, f, nil)
	}
	by := web.SubjectFrom(r.Context()).UserID
	if _, err := h.store.SaveReport(r.Context(), p.Soc.ID, p.Year, fm, by); err != nil {
		return h.reportFail(w, r, p, f, err)
	}
	flash := "society.flash.report_saved"
	if f.Get("action") == "file" {
		rep, err := h.store.FileReport(r.Context(), p.Soc.ID, p.Year, by)
		if err != nil {
			return h.reportFail(w, r, p, f, err)
		}
		flash = "society.flash.report_filed"
		if rep.Late {
			flash = "society.flash.report_filed_late"
		}
	}
	h.site.AddFlash(w, r, "ok", flash)
	return web.Redirect(w, r, "/societies/"+strconv.FormatInt(p.Soc.ID, 10)+"/reports/"+strconv.Itoa(p.Year))
}

// reportCheck is the 科协's answer: accept, or return with comments.
func (h *handler) reportCheck(w http.ResponseWriter, r *http.Request) error {
	p, err := h.loadReport(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	accept := f.Get("decision") == "accept"
	if _, err := h.store.CheckReport(r.Context(), p.Soc.ID, p.Year, web.SubjectFrom(r.Context()).UserID, accept, f.Get("comment")); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		form := formValues(p.Report.Form)
		form.Errors, form.Message = f.Errors, f.Message
		form.Values.Set("comment", f.Get("comment"))
		p.Form = form
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "society/report.html", "society.title.report", p)
	}
	flash := "society.flash.report_returned"
	if accept {
		flash = "society.flash.report_accepted"
	}
	h.site.AddFlash(w, r, "ok", flash)
	return web.Redirect(w, r, "/societies/"+strconv.FormatInt(p.Soc.ID, 10)+"/reports/"+strconv.Itoa(p.Year))
}
