package auth

import (
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// UsersPage is the data of the user list.
type UsersPage struct {
	List  *web.List
	Users []UserLine
	Roles []RoleOption
}

// UserLine is a user with their grants, for the list.
type UserLine struct {
	User
	Grants []GrantRow
}

// RoleOption is an entry of a role select.
type RoleOption struct {
	Value, Label string
	Selected     bool
}

func (h *handler) roleOptions(r *http.Request, selected string, grantable bool) []RoleOption {
	t := h.site.T(r)
	sub := web.SubjectFrom(r.Context())
	var out []RoleOption
	for _, role := range access.Roles() {
		if grantable && role == access.SysAdmin && !sub.IsSysAdmin() {
			continue
		}
		out = append(out, RoleOption{Value: string(role), Label: t("role." + string(role)), Selected: selected == string(role)})
	}
	return out
}

func (h *handler) scope(r *http.Request, action access.Action) access.Scope {
	return h.site.Scope(r, action)
}

func (h *handler) users(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	l := web.ParseList(r, "username", "username", "name", "created")
	f := UserFilter{Scope: h.scope(r, "user.view"), Q: l.Q, Role: access.Role(l.Get("role")), Sort: l.Sort,
		Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	users, total, err := h.svc.ListUsers(ctx, f)
	if err != nil {
		return err
	}
	p := UsersPage{List: l, Roles: h.roleOptions(r, l.Get("role"), false)}
	ids := make([]int64, len(users))
	for i, u := range users {
		ids[i] = u.ID
	}
	grants, err := h.svc.GrantsOfUsers(ctx, ids)
	if err != nil {
		return err
	}
	for _, u := range users {
		p.Users = append(p.Users, UserLine{User: u, Grants: grants[u.ID]})
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("users.title"), Headers: []string{t("users.f.username"), t("users.f.display_name"),
			t("users.f.email"), t("users.col.roles"), t("users.col.2fa"), t("users.col.created")}}
		for _, u := range p.Users {
			var roles []string
			for _, g := range u.Grants {
				roles = append(roles, t("role."+string(g.Role))+"@"+g.OrgName)
			}
			twofa := t("users.no")
			if u.TOTPEnabled {
				twofa = t("users.yes")
			}
			tab.Rows = append(tab.Rows, []string{u.Username, u.DisplayName, u.Email, strings.Join(roles, "；"), twofa,
				sheet.Date(u.CreatedAt)})
		}
		return sheet.ServeXLSX(w, t("users.title")+".xlsx", tab)
	}
	l.Total = total
	return h.site.Render(w, r, "users/list.html", "users.title", p)
}

// NewUserPage is the data of the create-user form.
type NewUserPage struct {
	Form  *web.Form
	Roles []RoleOption
}

func (h *handler) newUserPage(r *http.Request, f *web.Form) (NewUserPage, error) {
	// The org is chosen with the org picker (GET /orgs/lookup), scoped to user.create.
	return NewUserPage{Form: f, Roles: h.roleOptions(r, f.Value("role"), true)}, nil
}

func (h *handler) newUser(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	f.Values.Set("role", string(access.OrgStaff))
	f.Values.Set("org_id", r.URL.Query().Get("org"))
	p, err := h.newUserPage(r, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "users/new.html", "users.title.new", p)
}

func (h *handler) createUser(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	role := access.Role(f.Get("role"))
	fail := func(err error) error {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		f.Values.Del("password")
		p, perr := h.newUserPage(r, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "users/new.html", "users.title.new", p)
	}
	if err := h.mayGrant(r, orgID, role); err != nil {
		return fail(err)
	}
	u, err := h.svc.CreateUser(ctx, UserInput{Username: f.Get("username"), DisplayName: f.Get("display_name"),
		Email: f.Get("email"), Password: f.Values.Get("password"), MustChangePassword: true})
	if err != nil {
		return fail(err)
	}
	if err := h.svc.Grant(ctx, u.ID, orgID, role, web.SubjectFrom(ctx).UserID); err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "users.flash.created", u.Username)
	return web.Redirect(w, r, "/users/"+itoa(u.ID))
}

// mayGrant checks that the caller may grant role on org orgID: user.grant
// on that org's subtree, and the system administrator role only by one.
func (h *handler) mayGrant(r *http.Request, orgID int64, role access.Role) error {
	sub := web.SubjectFrom(r.Context())
	if !role.Valid() {
		return valid.New("role", "auth.err.role")
	}
	if role == access.SysAdmin && !sub.IsSysAdmin() {
		return valid.New("role", "auth.err.role_too_high")
	}
	res, err := h.svc.orgs.Resource(r.Context(), orgID)
	if err != nil {
		return valid.New("org_id", "auth.err.org_unknown")
	}
	if !h.site.Policy.Can(r.Context(), sub, "user.grant", res) {
		return valid.New("org_id", "auth.err.org_forbidden")
	}
	return nil
}

// UserPage is the data of one user's page.
type UserPage struct {
	User   User
	Grants []GrantRow
	Form   *web.Form
	Roles  []RoleOption
	CanAt  map[int64]bool // grant ID → may the viewer revoke it
	// CanManage: the viewer may edit, disable, unlock and reset the
	// account (user_manage_web.go); Self: it is the viewer's own.
	CanManage, Self, Locked bool
}

func (h *handler) targetUser(r *http.Request) (User, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return User{}, web.ErrNotFound
	}
	u, err := h.svc.User(r.Context(), id)
	if err != nil {
		return u, err
	}
	ok, err := h.svc.InScope(r.Context(), u.ID, h.scope(r, "user.view"))
	if err != nil {
		return u, err
	}
	if !ok {
		return u, web.ErrNotFound
	}
	return u, nil
}

func (h *handler) userPage(r *http.Request, u User, f *web.Form) (UserPage, error) {
	grants, err := h.svc.Grants(r.Context(), u.ID)
	if err != nil {
		return UserPage{}, err
	}
	p := UserPage{User: u, Grants: grants, Form: f, Roles: h.roleOptions(r, f.Value("role"), true), CanAt: map[int64]bool{}}
	sub := web.SubjectFrom(r.Context())
	if p.CanManage, err = h.svc.Manageable(r.Context(), u.ID, h.scope(r, "user.manage")); err != nil {
		return p, err
	}
	p.Self, p.Locked = u.ID == sub.UserID, h.svc.Locked(u)
	for _, g := range grants {
		p.CanAt[g.ID] = h.site.Policy.Can(r.Context(), sub, "user.grant", access.Resource{OrgID: g.OrgID, OrgPath: g.OrgPath}) &&
			(g.Role != access.SysAdmin || sub.IsSysAdmin())
	}
	return p, nil
}

func (h *handler) user(w http.ResponseWriter, r *http.Request) error {
	u, err := h.targetUser(r)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values.Set("role", string(access.OrgStaff))
	p, err := h.userPage(r, u, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "users/show.html", "users.title.show", p)
}

func (h *handler) grant(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	u, err := h.targetUser(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	role := access.Role(f.Get("role"))
	o, err := h.svc.orgs.FromForm(ctx, f.Get("org_code")) // the org picker sends a code
	if err == nil {
		err = h.mayGrant(r, o.ID, role)
	} else {
		err = valid.New("org_code", "auth.err.org_code_unknown", f.Get("org_code"))
	}
	if err == nil {
		err = h.svc.Grant(ctx, u.ID, o.ID, role, web.SubjectFrom(ctx).UserID)
	}
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		if msg, ok := f.Errors["org_id"]; ok {
			f.Errors["org_code"] = msg
		}
		p, perr := h.userPage(r, u, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "users/show.html", "users.title.show", p)
	}
	h.site.AddFlash(w, r, "ok", "users.flash.granted", h.site.T(r)("role."+string(role)), o.Name)
	return web.Redirect(w, r, "/users/"+itoa(u.ID))
}

func (h *handler) revoke(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	u, err := h.targetUser(r)
	if err != nil {
		return err
	}
	gid, err := strconv.ParseInt(r.PathValue("gid"), 10, 64)
	if err != nil {
		return web.ErrNotFound
	}
	grants, err := h.svc.Grants(ctx, u.ID)
	if err != nil {
		return err
	}
	var g *GrantRow
	for i := range grants {
		if grants[i].ID == gid {
			g = &grants[i]
		}
	}
	if g == nil {
		return web.ErrNotFound
	}
	sub := web.SubjectFrom(ctx)
	if !h.site.Policy.Can(ctx, sub, "user.grant", access.Resource{OrgID: g.OrgID, OrgPath: g.OrgPath}) ||
		g.Role == access.SysAdmin && !sub.IsSysAdmin() {
		return web.ErrForbidden
	}
	if _, err := h.svc.Revoke(ctx, gid); err != nil {
		if list, ok := valid.As(err); ok {
			h.site.AddFlash(w, r, "error", list[0].Key)
			return web.Redirect(w, r, "/users/"+itoa(u.ID))
		}
		return err
	}
	h.site.AddFlash(w, r, "ok", "users.flash.revoked")
	return web.Redirect(w, r, "/users/"+itoa(u.ID))
}
