package auth

import (
	"encoding/base64"
	"html/template"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/web"
)

// AccountPage is the data of "my account".
type AccountPage struct {
	User          User
	Grants        []GrantRow
	RoleLabels    map[access.Role]string
	Sessions      []SessionRow
	RecoveryLeft  int
	PasswordForm  *web.Form
	DisableForm   *web.Form
	RecoveryCodes []string // shown once after regeneration
}

// SessionRow is a session as shown: Key is a prefix of its id, enough to
// revoke it without putting the whole hash in the page.
type SessionRow struct {
	Session
	Key string
}

func (h *handler) accountPage(r *http.Request) (AccountPage, error) {
	ctx := r.Context()
	id := web.IdentityFrom(ctx)
	u, err := h.svc.User(ctx, id.Subject.UserID)
	if err != nil {
		return AccountPage{}, err
	}
	p := AccountPage{User: u, PasswordForm: web.NewForm(), DisableForm: web.NewForm(), RoleLabels: h.roleLabels(r)}
	if p.Grants, err = h.svc.Grants(ctx, u.ID); err != nil {
		return p, err
	}
	sessions, err := h.svc.Sessions(ctx, u.ID, id.SessionID)
	if err != nil {
		return p, err
	}
	for _, s := range sessions {
		p.Sessions = append(p.Sessions, SessionRow{Session: s, Key: s.ID[:16]})
	}
	if p.RecoveryLeft, err = h.svc.RecoveryCodesLeft(ctx, u.ID); err != nil {
		return p, err
	}
	return p, nil
}

func (h *handler) roleLabels(r *http.Request) map[access.Role]string {
	t := h.site.T(r)
	m := map[access.Role]string{}
	for _, role := range access.Roles() {
		m[role] = t("role." + string(role))
	}
	return m
}

func (h *handler) account(w http.ResponseWriter, r *http.Request) error {
	p, err := h.accountPage(r)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "auth/account.html", "auth.title.account", p)
}

func (h *handler) revokeSession(w http.ResponseWriter, r *http.Request) error {
	id := web.IdentityFrom(r.Context())
	if err := h.svc.RevokeSession(r.Context(), id.Subject.UserID, r.PathValue("id")); err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "auth.flash.session_revoked")
	return web.Redirect(w, r, "/account")
}

func (h *handler) switchOrg(w http.ResponseWriter, r *http.Request) error {
	id := web.IdentityFrom(r.Context())
	orgID, _ := strconv.ParseInt(r.PostFormValue("org_id"), 10, 64)
	if err := h.svc.SetCurrentOrg(r.Context(), id.SessionID, id.Subject, orgID); err != nil {
		return err
	}
	next := web.SafeNext(r.PostFormValue("next"), "/")
	if next == "/orgs" || len(next) > 6 && next[:6] == "/orgs?" {
		next = "/orgs"
	}
	return web.Redirect(w, r, next)
}

// EnrolPage is the data of the 2FA set-up page.
type EnrolPage struct {
	Form          *web.Form
	Enabled       bool
	Secret        string
	QR            template.URL // data: URL of the QR code PNG
	RecoveryCodes []string
	Required      bool
}

func (h *handler) enrolPage(r *http.Request, f *web.Form) (EnrolPage, error) {
	ctx := r.Context()
	id := web.IdentityFrom(ctx)
	u, err := h.svc.User(ctx, id.Subject.UserID)
	if err != nil {
		return EnrolPage{}, err
	}
	p := EnrolPage{Form: f, Enabled: u.TOTPEnabled, Required: id.MustEnroll2FA}
	if u.TOTPEnabled {
		return p, nil
	}
	secret, uri, err := h.svc.PendingTOTP(ctx, u.ID)
	if err != nil {
		return p, err
	}
	png, err := TOTPQRCodePNG(uri, 200)
	if err != nil {
		return p, err
	}
	p.Secret = secret
	// A data: URL of our own PNG bytes; the CSP allows data: images.
	p.QR = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png))
	return p, nil
}

func (h *handler) enrolForm(w http.ResponseWriter, r *http.Request) error {
	if id := web.IdentityFrom(r.Context()); id.MFAPending {
		return web.Redirect(w, r, "/login/2fa")
	}
	p, err := h.enrolPage(r, web.NewForm())
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "auth/enrol.html", "auth.title.enrol", p)
}

func (h *handler) enrol(w http.ResponseWriter, r *http.Request) error {
	id := web.IdentityFrom(r.Context())
	if id.MFAPending {
		return web.Redirect(w, r, "/login/2fa")
	}
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	codes, err := h.svc.EnableTOTP(r.Context(), id.Subject.UserID, f.Get("code"))
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p, perr := h.enrolPage(r, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "auth/enrol.html", "auth.title.enrol", p)
	}
	// Show the recovery codes once, on this response only; the form sent
	// again is refused (409), not enrolled again.
	web.KeepOnce(r)
	return h.site.Render(w, r, "auth/enrol.html", "auth.title.enrol", EnrolPage{Form: web.NewForm(), Enabled: true, RecoveryCodes: codes})
}

func (h *handler) regenerate(w http.ResponseWriter, r *http.Request) error {
	id := web.IdentityFrom(r.Context())
	codes, err := h.svc.RegenerateRecoveryCodes(r.Context(), id.Subject.UserID)
	if err != nil {
		return err
	}
	// Sent again (a reload), the form would void the codes shown here.
	web.KeepOnce(r)
	return h.site.Render(w, r, "auth/enrol.html", "auth.title.enrol", EnrolPage{Form: web.NewForm(), Enabled: true, RecoveryCodes: codes})
}

func (h *handler) disable2FA(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	id := web.IdentityFrom(r.Context())
	if err := h.svc.DisableTOTP(r.Context(), id.Subject, f.Values.Get("current")); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p, perr := h.accountPage(r)
		if perr != nil {
			return perr
		}
		p.DisableForm = f
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "auth/account.html", "auth.title.account", p)
	}
	h.site.AddFlash(w, r, "ok", "auth.flash.2fa_disabled")
	return web.Redirect(w, r, "/account")
}
