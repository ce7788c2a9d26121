package auth

import (
	"net/http"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// RegisterPage is the data of the self-registration page.
type RegisterPage struct {
	Form *web.Form
}

func (h *handler) registerForm(w http.ResponseWriter, r *http.Request) error {
	if web.SubjectFrom(r.Context()) != nil {
		return web.Redirect(w, r, "/")
	}
	return h.site.Render(w, r, "auth/register.html", "auth.title.register", RegisterPage{Form: web.NewForm()})
}

// register creates an account for a sci-tech worker. It holds no role: an
// org administrator grants one (member, reviewer …) once they know the person.
func (h *handler) register(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	if !h.svc.limit.allow(web.ClientIP(r)+"/register", h.svc.Now()) {
		return web.ErrTooMany
	}
	if f.Values.Get("password") != f.Values.Get("confirm") {
		err = valid.New("confirm", "auth.err.confirm_password") // a new account has no old password: not 新密码
	} else {
		_, err = h.svc.CreateUser(r.Context(), UserInput{Username: f.Get("username"), DisplayName: f.Get("display_name"),
			Email: f.Get("email"), Password: f.Values.Get("password")})
	}
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		f.Values.Del("password")
		f.Values.Del("confirm")
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "auth/register.html", "auth.title.register", RegisterPage{Form: f})
	}
	h.site.AddFlash(w, r, "ok", "auth.flash.registered")
	return web.Redirect(w, r, "/login")
}
