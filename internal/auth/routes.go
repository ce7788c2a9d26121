package auth

import (
	"embed"
	"io/fs"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions of the account module: organization administrators see and
// manage the users holding roles in their subtrees.
func Permissions() []access.Permission {
	admin := []access.Role{access.OrgAdmin}
	return []access.Permission{
		{Action: "user.view", Roles: admin, Label: "users.perm.view"},
		{Action: "user.create", Roles: admin, Label: "users.perm.create"},
		{Action: "user.grant", Roles: admin, Label: "users.perm.grant"},
		{Action: "user.manage", Roles: admin, Label: "users.perm.manage"},
	}
}

// Module returns the sign-in, account and user administration module.
func (s *Service) Module() web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "auth",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "nav.section.system", Label: "users.nav", Href: "/users", Action: "user.view", Order: 80},
			{Section: "nav.section.mine", Label: "auth.nav.account", Href: "/account", Order: 90},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, svc: s}
			site.AddNamer("user", s.Names)
			site.Handle("GET /account", access.SignedIn(), h.account)
			site.Handle("GET /account/2fa", access.SignedIn(), h.enrolForm, web.AllowPending2FA)
			site.Handle("POST /account/2fa", access.SignedIn(), h.enrol, web.AllowPending2FA)
			site.Handle("POST /account/2fa/disable", access.SignedIn(), h.disable2FA)
			site.Handle("POST /account/2fa/recovery", access.SignedIn(), h.regenerate)
			site.Handle("POST /account/org", access.SignedIn(), h.switchOrg)
			site.Handle("GET /account/password", access.SignedIn(), h.passwordForm, web.AllowPasswordChange)
			site.Handle("POST /account/password", access.SignedIn(), h.changePassword, web.AllowPasswordChange)
			site.Handle("POST /account/sessions/{id}/revoke", access.SignedIn(), h.revokeSession)
			site.Handle("GET /login", access.Public(), h.loginForm)
			site.Handle("POST /login", access.Public(), h.login)
			site.Handle("GET /login/2fa", access.Public(), h.secondForm, web.AllowPending2FA)
			site.Handle("POST /login/2fa", access.Public(), h.second, web.AllowPending2FA)
			site.Handle("POST /logout", access.SignedIn(), h.logout, web.AllowPending2FA, web.AllowPasswordChange)
			site.Handle("GET /register", access.Public(), h.registerForm)
			site.Handle("POST /register", access.Public(), h.register)
			site.Handle("GET /users", access.Require("user.view", nil), h.users)
			site.Handle("POST /users", access.Require("user.create", s.orgs.FormResolver("org_id")), h.createUser)
			site.Handle("GET /users/lookup", access.SignedIn(), h.userLookup)
			site.Handle("GET /users/new", access.Require("user.create", nil), h.newUser)
			site.Handle("GET /users/{id}", access.Require("user.view", nil), h.user)
			site.Handle("GET /users/{id}/edit", access.Require("user.manage", nil), h.editUserForm)
			site.Handle("POST /users/{id}/edit", access.Require("user.manage", nil), h.editUser)
			site.Handle("POST /users/{id}/disable", access.Require("user.manage", nil), h.disableUser)
			site.Handle("POST /users/{id}/enable", access.Require("user.manage", nil), h.enableUser)
			site.Handle("POST /users/{id}/unlock", access.Require("user.manage", nil), h.unlockUser)
			site.Handle("POST /users/{id}/password", access.Require("user.manage", nil), h.resetPassword)
			site.Handle("POST /users/{id}/2fa", access.Require("user.manage", nil), h.reset2FA)
			site.Handle("POST /users/{id}/grants", access.Require("user.grant", nil), h.grant)
			site.Handle("POST /users/{id}/grants/{gid}/revoke", access.Require("user.grant", nil), h.revoke)
		},
	}
}

type handler struct {
	site *web.Site
	svc  *Service
}
