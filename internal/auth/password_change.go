package auth

import (
	"net/http"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// PasswordPage is the change-password page a user must pass through while
// their password is one someone else set; others reach it from "my account".
type PasswordPage struct {
	Form     *web.Form
	Required bool // the user may go nowhere else until they change it
}

func (h *handler) passwordForm(w http.ResponseWriter, r *http.Request) error {
	id := web.IdentityFrom(r.Context())
	return h.site.Render(w, r, "auth/password.html", "auth.title.password",
		PasswordPage{Form: web.NewForm(), Required: id.MustChangePassword})
}

func (h *handler) changePassword(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	id := web.IdentityFrom(r.Context())
	if f.Values.Get("password") != f.Values.Get("confirm") {
		err = valid.New("confirm", "auth.err.confirm")
	} else {
		err = h.svc.ChangePassword(r.Context(), id.Subject.UserID, id.SessionID, f.Values.Get("current"), f.Values.Get("password"))
	}
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		f.Values.Del("current")
		f.Values.Del("password")
		f.Values.Del("confirm")
		if id.MustChangePassword || f.Values.Get("from") == "password" {
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "auth/password.html", "auth.title.password",
				PasswordPage{Form: f, Required: id.MustChangePassword})
		}
		p, perr := h.accountPage(r)
		if perr != nil {
			return perr
		}
		p.PasswordForm = f
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "auth/account.html", "auth.title.account", p)
	}
	h.site.AddFlash(w, r, "ok", "auth.flash.password_changed")
	if id.MustChangePassword {
		return web.Redirect(w, r, "/")
	}
	return web.Redirect(w, r, "/account")
}
