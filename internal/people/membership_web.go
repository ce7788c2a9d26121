package people

import (
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/web"
)

func (h *handler) options(r *http.Request, prefix string, values []string, selected string) []Option {
	t := h.site.T(r)
	var out []Option
	for _, v := range values {
		out = append(out, Option{Value: v, Label: t(prefix + v), Selected: v == selected})
	}
	return out
}

// addMembership records a membership of the person in an org given by
// code; the caller needs people.edit at that org too.
func (h *handler) addMembership(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p, err := h.showPage(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	o, err := h.orgs.GetByCode(ctx, f.Get("org_code"))
	if err == nil && !h.site.Policy.Can(ctx, web.SubjectFrom(ctx), "people.edit", access.Resource{OrgID: o.ID, OrgPath: o.Path}) {
		f.Errors["org_code"] = h.site.T(r)("people.err.org_forbidden")
	} else if err != nil {
		f.Errors["org_code"] = h.site.T(r)("people.err.org_code", f.Get("org_code"))
	} else {
		_, err = h.store.AddMembership(ctx, MembershipInput{PersonID: p.Person.ID, OrgID: o.ID, MemberNo: f.Get("member_no"),
			Grade: f.Get("grade"), Roles: f.Get("roles"), JoinedOn: f.Get("joined_on")})
		if err != nil && !f.Fail(h.site.T(r), err) {
			return err
		}
	}
	if !f.Valid() {
		if err := h.fillMemberships(r, &p, f); err != nil {
			return err
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "people/show.html", "people.title.show", p)
	}
	h.site.AddFlash(w, r, "ok", "people.flash.member_added", o.Name)
	return web.Redirect(w, r, "/people/"+strconv.FormatInt(p.Person.ID, 10))
}

// ItemRow is an honour or achievement with its kind's label.
type ItemRow struct {
	Item
	KindLabel string
}

func (h *handler) fillItems(r *http.Request, p *ShowPage, f *web.Form) error {
	items, err := h.store.Items(r.Context(), p.Person.ID)
	if err != nil {
		return err
	}
	t := h.site.T(r)
	for _, it := range items {
		p.Items = append(p.Items, ItemRow{Item: it, KindLabel: t("people.item." + it.Kind)})
	}
	p.ItemForm = f
	p.Kinds = h.options(r, "people.item.", ItemKinds, f.Value("kind"))
	return nil
}

func (h *handler) addItem(w http.ResponseWriter, r *http.Request) error {
	p, err := h.showPage(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	year, _ := strconv.Atoi(f.Get("year"))
	if _, err := h.store.AddItem(r.Context(), Item{PersonID: p.Person.ID, Kind: f.Get("kind"), Title: f.Get("title"), Year: year,
		Detail: f.Get("detail")}); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		if err := h.fillMemberships(r, &p, web.NewForm()); err != nil {
			return err
		}
		if err := h.fillItems(r, &p, f); err != nil {
			return err
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "people/show.html", "people.title.show", p)
	}
	h.site.AddFlash(w, r, "ok", "people.flash.item_added")
	return web.Redirect(w, r, "/people/"+strconv.FormatInt(p.Person.ID, 10))
}

func (h *handler) fillMemberships(r *http.Request, p *ShowPage, f *web.Form) error {
	if p.ItemForm == nil {
		if err := h.fillItems(r, p, web.NewForm()); err != nil {
			return err
		}
	}
	ms, err := h.store.Memberships(r.Context(), p.Person.ID, h.scope(r, "people.view"))
	if err != nil {
		return err
	}
	t := h.site.T(r)
	for _, m := range ms {
		p.Memberships = append(p.Memberships, MembershipRow{Membership: m, GradeLabel: t("people.grade." + m.Grade),
			StatusLabel: t("people.status." + m.Status)})
	}
	p.MemberForm = f
	p.Grades = h.options(r, "people.grade.", Grades, f.Value("grade"))
	p.CanEdit = h.site.Policy.Can(r.Context(), web.SubjectFrom(r.Context()), "people.edit",
		access.Resource{OrgID: p.Person.OrgID, OrgPath: p.Person.OrgPath})
	return nil
}

// MembershipRow is a membership with its labels.
type MembershipRow struct {
	Membership
	GradeLabel, StatusLabel string
}

// UnitsPage is the data of the unit members page.
type UnitsPage struct {
	List  *web.List
	Units []UnitRow
	Form  *web.Form
	Orgs  []org.Org
	Kinds []Option
}

// UnitRow is a unit member with its labels.
type UnitRow struct {
	Unit
	KindLabel string
}

func (h *handler) unitsPage(r *http.Request, f *web.Form) (UnitsPage, error) {
	l := web.ParseList(r, "name", "name")
	units, total, err := h.store.Units(r.Context(), h.scope(r, "people.view"), l.Q, l.PerPage, l.Offset())
	if err != nil {
		return UnitsPage{}, err
	}
	l.Total = total
	orgs, _, err := h.orgs.List(r.Context(), org.Filter{Scope: h.scope(r, "people.edit"), Limit: 500, Enabled: true})
	if err != nil {
		return UnitsPage{}, err
	}
	t := h.site.T(r)
	p := UnitsPage{List: l, Form: f, Orgs: orgs, Kinds: h.options(r, "people.unit_kind.", UnitKinds, f.Value("kind"))}
	for _, u := range units {
		p.Units = append(p.Units, UnitRow{Unit: u, KindLabel: t("people.unit_kind." + u.Kind)})
	}
	return p, nil
}

func (h *handler) units(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	if id := web.IdentityFrom(r.Context()); id != nil {
		f.Values.Set("org_id", strconv.FormatInt(id.CurrentOrgID, 10))
	}
	p, err := h.unitsPage(r, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "people/units.html", "people.title.units", p)
}

func (h *handler) addUnit(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	u, err := h.store.AddUnit(r.Context(), Unit{OrgID: orgID, Name: f.Get("name"), USCC: f.Get("uscc"), Kind: f.Get("kind"),
		JoinedOn: f.Get("joined_on")})
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p, perr := h.unitsPage(r, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "people/units.html", "people.title.units", p)
	}
	h.site.AddFlash(w, r, "ok", "people.flash.unit_added", u.Name)
	return web.Redirect(w, r, "/members/units")
}
