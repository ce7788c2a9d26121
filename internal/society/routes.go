package society

import (
	"embed"
	"io/fs"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions of the society module. Staff of a 科协 see and check the
// societies of their subtree; a society's own staff keep its profile, file
// its reports and manage its members. Checking (reports, 换届 plans, grades)
// is resolved at the society's parent, so a society never checks itself.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "society.view", Roles: staff, Label: "society.perm.view"},
		{Action: "society.edit", Roles: staff, Label: "society.perm.edit"},
		{Action: "society.check", Roles: staff, Label: "society.perm.check"},
		{Action: "society.members", Roles: staff, Label: "society.perm.members"},
	}
}

// Module returns the society module for the wiring in package app.
func Module(s *Store, orgs *org.Store) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "society",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "nav.section.org", Label: "society.nav.board", Href: "/societies", Action: "society.view", Order: 25},
			{Section: "nav.section.mine", Label: "society.nav.mine", Href: "/my/memberships", Order: 60},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs}
			at, parent := s.resolver("id", false), s.resolver("id", true)
			site.AddNamer("member", s.MemberNames)
			site.Handle("GET /card/{code}", access.Public(), h.verify)
			site.Handle("GET /invoices/{id}/receipt.pdf", access.SignedIn(), h.receipt)
			site.Handle("POST /invoices/{id}/voucher", access.SignedIn(), h.voucher)
			site.Handle("POST /invoices/{id}/pay", access.SignedIn(), h.payOnline)
			site.Handle("POST /invoices/{id}/confirm", access.Require("society.members", s.invoiceResolver()), h.confirm)
			site.Handle("POST /invoices/{id}/refund", access.Require("society.members", s.invoiceResolver()), h.refund)
			site.Handle("GET /invoices/{id}/voucher", access.Require("society.members", s.invoiceResolver()), h.voucherFile)
			site.Handle("POST /members/{id}/approve", access.Require("society.members", s.memberResolver()), h.approve)
			site.Handle("POST /members/{id}/reject", access.Require("society.members", s.memberResolver()), h.reject)
			site.Handle("POST /members/{id}/renew", access.Require("society.members", s.memberResolver()), h.renew)
			site.Handle("GET /my/memberships", access.SignedIn(), h.mine)
			site.Handle("GET /my/memberships/{id}/card", access.SignedIn(), h.card)
			site.Handle("GET /my/memberships/{id}/card.pdf", access.SignedIn(), h.cardPDF)
			site.Handle("GET /join/{id}", access.SignedIn(), h.joinForm)
			site.Handle("POST /join/{id}", access.SignedIn(), h.join)
			site.Handle("GET /societies", access.Require("society.view", nil), h.board)
			site.Handle("GET /societies/{id}", access.Require("society.view", at), h.show)
			site.Handle("GET /societies/{id}/profile", access.Require("society.edit", at), h.profileForm)
			site.Handle("POST /societies/{id}/profile", access.Require("society.edit", at), h.profileSave)
			site.Handle("POST /societies/{id}/facts", access.Require("society.edit", at), h.factAdd)
			site.Handle("POST /societies/{id}/terms", access.Require("society.edit", at), h.termAdd)
			site.Handle("POST /societies/{id}/terms/{term}/submit", access.Require("society.edit", at), h.termStep(RenewSubmit))
			site.Handle("POST /societies/{id}/terms/{term}/elect", access.Require("society.edit", at), h.termStep(RenewElect))
			site.Handle("POST /societies/{id}/terms/{term}/approve", access.Require("society.check", parent), h.termStep(RenewApprove))
			site.Handle("POST /societies/{id}/terms/{term}/return", access.Require("society.check", parent), h.termStep(RenewReturn))
			site.Handle("GET /societies/{id}/assessment/{year}", access.Require("society.view", at), h.assessment)
			site.Handle("POST /societies/{id}/assessment/{year}", access.Require("society.edit", at), h.assessmentSave)
			site.Handle("POST /societies/{id}/assessment/{year}/enter", access.Require("society.edit", at), h.assessmentEnter)
			site.Handle("POST /societies/{id}/grades", access.Require("society.check", parent), h.gradeAward)
			site.Handle("GET /societies/{id}/members", access.Require("society.members", at), h.members)
			site.Handle("POST /societies/{id}/tiers", access.Require("society.members", at), h.tierAdd)
			site.Handle("POST /societies/{id}/pattern", access.Require("society.members", at), h.pattern)
			site.Handle("GET /societies/{id}/dues", access.Require("society.members", at), h.dues)
			site.Handle("GET /societies/{id}/reports/{year}", access.Require("society.view", at), h.report)
			site.Handle("POST /societies/{id}/reports/{year}", access.Require("society.edit", at), h.reportSave)
			site.Handle("POST /societies/{id}/reports/{year}/check", access.Require("society.check", parent), h.reportCheck)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
}
