package conference

import (
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// PapersPage is a conference's papers for staff, with the forms to decide.
type PapersPage struct {
	Conf     Conference
	List     *web.List
	Papers   []Paper
	Status   string
	Statuses []string
	Form     *web.Form
	Me       int64
	MeName   string // the viewer's name: an author never decides the paper
	CanAct   bool
	Base     string // the page's path: the staff's, or a programme member's
	Review   bool   // a programme member's page: no export, no way back to the staff's
}

// reviewer answers a page of the programme committee: the conference, or
// not found for anyone not on it (who may not learn it exists).
func (h *handler) reviewer(r *http.Request) (Conference, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return Conference{}, err
	}
	ok, err := h.store.OnProgramme(r.Context(), id, actor(r).UserID)
	if err != nil {
		return Conference{}, err
	}
	if !ok {
		return Conference{}, web.ErrNotFound
	}
	return h.store.Get(r.Context(), id)
}

func (h *handler) renderPapers(w http.ResponseWriter, r *http.Request, f *web.Form, status int) error {
	review := strings.HasPrefix(r.URL.Path, "/conference/review/")
	var c Conference
	var err error
	if review {
		c, err = h.reviewer(r)
	} else {
		var id int64
		if id, err = web.PathID(r, "id"); err == nil {
			c, err = h.store.Get(r.Context(), id)
		}
	}
	if err != nil {
		return err
	}
	id := c.ID
	l := web.ParseList(r, "")
	p := PapersPage{Conf: c, List: l, Status: l.Get("status"), Statuses: PaperStatuses, Form: f, Me: actor(r).UserID, MeName: actor(r).Name, Review: review,
		CanAct: (review || h.site.Scope(r, "conference.file").Contains(c.OrgPath)) && (c.Status == Open || c.Status == Held) && !c.Summary.Filed(),
		Base:   "/conference/admin/" + strconv.FormatInt(id, 10)}
	if review {
		p.Base = "/conference/review/" + strconv.FormatInt(id, 10)
	}
	pf := PaperFilter{Q: l.Q, Limit: l.PerPage, Offset: l.Offset()}
	for _, s := range PaperStatuses {
		if s == p.Status {
			pf.Status = s
		}
	}
	if web.WantsExport(r) && !review {
		list, err := h.store.AllPapers(r.Context(), id, pf)
		if err != nil {
			return err
		}
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("conference.h.papers"), Headers: []string{"序号", "论文题目", "作者", "关键词", "提交人", "提交时间", "状态", "意见"}}
		for i, x := range list {
			tab.Rows = append(tab.Rows, []string{strconv.Itoa(i + 1), x.Title, joinNames(x.Authors), x.Keywords, x.UserName,
				sheet.Date(x.SubmittedAt), t("conference.paper." + x.Status), x.Note})
		}
		return sheet.ServeXLSX(w, "会议论文.xlsx", tab)
	}
	if p.Papers, l.Total, err = h.store.Papers(r.Context(), id, pf); err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, status, "conference/papers.html", "conference.title.papers", p)
}

func (h *handler) papers(w http.ResponseWriter, r *http.Request) error {
	return h.renderPapers(w, r, web.NewForm(), http.StatusOK)
}

func (h *handler) decide(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	back := "/conference/admin/" + strconv.FormatInt(id, 10) + "/papers"
	if strings.HasPrefix(r.URL.Path, "/conference/review/") {
		if _, err := h.reviewer(r); err != nil {
			return err
		}
		back = "/conference/review/" + strconv.FormatInt(id, 10)
	}
	pid, err := web.PathID(r, "paper")
	if err != nil {
		return err
	}
	if err := h.store.DecidePaper(r.Context(), id, pid, f.Get("decision"), f.Value("note"), actor(r)); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.renderPapers(w, r, f, http.StatusUnprocessableEntity)
	}
	h.site.AddFlash(w, r, "ok", "conference.flash.decided")
	return web.Redirect(w, r, back)
}

func joinNames(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += "、"
		}
		out += x
	}
	return out
}

// RegsPage is a conference's registrations for staff.
type RegsPage struct {
	Conf      Conference
	List      *web.List
	Regs      []Reg
	CheckedIn string
	Revealed  map[int64]string // the one contact just revealed
}

func (h *handler) renderRegs(w http.ResponseWriter, r *http.Request, revealed map[int64]string) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.store.Get(r.Context(), id)
	if err != nil {
		return err
	}
	l := web.ParseList(r, "")
	p := RegsPage{Conf: c, List: l, CheckedIn: l.Get("checked_in"), Revealed: revealed}
	rf := RegFilter{Q: l.Q, CheckedIn: p.CheckedIn, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		// Contacts go out only to a user who may reveal them, and then
		// still masked (D246.6).
		withContact := h.site.Scope(r, "conference.reveal").Contains(c.OrgPath)
		list, err := h.store.AllRegs(r.Context(), id, rf)
		if err != nil {
			return err
		}
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("conference.h.regs"), Headers: []string{"序号", "姓名", "工作单位", "报名方式", "报名时间", "签到时间"}}
		if withContact {
			tab.Headers = append(tab.Headers, "联系方式（已脱敏）")
		}
		for i, x := range list {
			how := t("conference.reg.member")
			if x.UserID == 0 {
				how = t("conference.reg.public")
			}
			checked := ""
			if !x.CheckedInAt.IsZero() {
				checked = sheet.DateTime(x.CheckedInAt)
			}
			row := []string{strconv.Itoa(i + 1), x.Name, x.Employer, how, sheet.DateTime(x.CreatedAt), checked}
			if withContact {
				row = append(row, x.Contact)
			}
			tab.Rows = append(tab.Rows, row)
		}
		return sheet.ServeXLSX(w, "会议报名.xlsx", tab)
	}
	if p.Regs, l.Total, err = h.store.Regs(r.Context(), id, rf); err != nil {
		return err
	}
	return h.site.Render(w, r, "conference/regs.html", "conference.title.regs", p)
}

func (h *handler) regs(w http.ResponseWriter, r *http.Request) error { return h.renderRegs(w, r, nil) }

// reveal shows one registrant's contact in full on this answer only; the
// store audits it.
func (h *handler) reveal(w http.ResponseWriter, r *http.Request) error {
	if _, err := web.ParseForm(w, r, 1<<12); err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	rid, err := web.PathID(r, "reg")
	if err != nil {
		return err
	}
	plain, err := h.store.RevealContact(r.Context(), id, rid)
	if err != nil {
		return err
	}
	return h.renderRegs(w, r, map[int64]string{rid: plain})
}

func (h *handler) programmeAdd(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "conference.flash.programme_added", func(id int64, f *web.Form) error {
		return h.store.AddProgramme(r.Context(), id, f.Get("username"), actor(r))
	})
}

func (h *handler) programmeRemove(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "conference.flash.programme_removed", func(id int64, f *web.Form) error {
		uid, err := web.PathID(r, "user")
		if err != nil {
			return err
		}
		return h.store.RemoveProgramme(r.Context(), id, uid, actor(r))
	})
}
