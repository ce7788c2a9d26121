package auth

import (
	"net/http"

	"kexie/internal/web"
)

// PasswordPage is the data of the page where a user whose password an
// administrator reset chooses their own.
type PasswordPage struct {
	Form *web.Form
}

// passwordForm is where a reset password sends its user first; anyone
// signed in may use it to change their password.
func (h *handler) passwordForm(w http.ResponseWriter, r *http.Request) error {
	if web.IdentityFrom(r.Context()).MFAPending {
		return web.Redirect(w, r, "/login/2fa")
	}
	return h.forcedPasswordPage(w, r, web.NewForm())
}

func (h *handler) forcedPasswordPage(w http.ResponseWriter, r *http.Request, f *web.Form) error {
	f.Values.Del("current")
	f.Values.Del("password")
	f.Values.Del("confirm")
	status := http.StatusOK
	if len(f.Errors) > 0 || f.Message != "" {
		status = http.StatusUnprocessableEntity
	}
	return h.site.RenderStatus(w, r, status, "auth/password.html", "auth.title.password", PasswordPage{Form: f})
}
