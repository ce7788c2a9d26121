package society

import (
	"net/http"
	"strconv"

	"kexie/internal/web"
)

type membersPage struct {
	Soc      Ref
	Tiers    []Tier
	Members  []Member
	List     *web.List
	Status   string
	Statuses []string
	Pattern  string
	Form     *web.Form
}

// members is a society's member office: tiers and fees, the numbering
// pattern, applications to decide and the members.
func (h *handler) members(w http.ResponseWriter, r *http.Request) error {
	return h.renderMembers(w, r, http.StatusOK, web.NewForm())
}

func (h *handler) renderMembers(w http.ResponseWriter, r *http.Request, status int, f *web.Form) error {
	ctx := r.Context()
	soc, _, err := h.society(ctx, r)
	if err != nil {
		return err
	}
	l := web.ParseList(r, "number", "number")
	p := membersPage{Soc: soc, List: l, Status: l.Get("status"), Form: f, Statuses: []string{MemberApplied, MemberActive, MemberRejected}}
	if p.Tiers, err = h.store.Tiers(ctx, soc.ID); err != nil {
		return err
	}
	if p.Pattern, err = h.store.Pattern(ctx, soc.ID); err != nil {
		return err
	}
	if p.Members, l.Total, err = h.store.Members(ctx, MemberFilter{Scope: h.site.Scope(r, "society.members"), OrgID: soc.ID,
		Status: p.Status, Q: l.Q, Limit: l.PerPage, Offset: l.Offset()}); err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, status, "society/members.html", "society.title.members", p)
}

func (h *handler) tierAdd(w http.ResponseWriter, r *http.Request) error {
	soc, f, err := h.societyForm(w, r)
	if err != nil {
		return err
	}
	fee, ok := cents(f.Get("fee"))
	years, err := strconv.Atoi(f.Get("years"))
	if !ok || err != nil {
		f.Errors["fee"] = h.site.T(r)("society.err.amount")
		return h.renderMembers(w, r, http.StatusUnprocessableEntity, f)
	}
	_, err = h.store.SaveTier(r.Context(), Tier{OrgID: soc.ID, Kind: f.Get("kind"), Code: f.Get("code"), Name: f.Get("name"),
		FeeCents: fee, Years: years})
	return h.done(w, r, f, err, h.renderMembers, "society.flash.saved", "/societies/"+strconv.FormatInt(soc.ID, 10)+"/members")
}

func (h *handler) pattern(w http.ResponseWriter, r *http.Request) error {
	soc, f, err := h.societyForm(w, r)
	if err != nil {
		return err
	}
	err = h.store.SetPattern(r.Context(), soc.ID, f.Get("pattern"))
	return h.done(w, r, f, err, h.renderMembers, "society.flash.saved", "/societies/"+strconv.FormatInt(soc.ID, 10)+"/members")
}

// memberAction runs a decision on a member and returns to its society's
// member office (re-rendered with the message when refused).
func (h *handler) memberAction(w http.ResponseWriter, r *http.Request, do func(m Member, f *web.Form, by int64) error, flash string) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	m, err := h.store.GetMember(r.Context(), id)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	err = do(m, f, web.SubjectFrom(r.Context()).UserID)
	return h.done(w, r, f, err, ofSociety(m.OrgID, h.renderMembers), flash, "/societies/"+strconv.FormatInt(m.OrgID, 10)+"/members")
}

func (h *handler) approve(w http.ResponseWriter, r *http.Request) error {
	return h.memberAction(w, r, func(m Member, f *web.Form, by int64) error {
		_, err := h.store.Approve(r.Context(), m.ID, by, f.Get("number"), timeZero)
		return err
	}, "society.flash.approved")
}

func (h *handler) reject(w http.ResponseWriter, r *http.Request) error {
	return h.memberAction(w, r, func(m Member, f *web.Form, by int64) error {
		return h.store.Reject(r.Context(), m.ID, by, f.Get("reason"))
	}, "society.flash.rejected")
}

func (h *handler) renew(w http.ResponseWriter, r *http.Request) error {
	return h.memberAction(w, r, func(m Member, f *web.Form, by int64) error {
		tier, _ := strconv.ParseInt(f.Get("tier_id"), 10, 64)
		if tier == 0 {
			tier = m.TierID
		}
		_, err := h.store.Renew(r.Context(), m.ID, tier, timeZero)
		return err
	}, "society.flash.renewed")
}
