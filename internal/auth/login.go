package auth

import (
	"errors"
	"net/http"
	"net/url"

	"kexie/internal/web"
)

// LoginPage is the data of the sign-in and second-factor pages.
type LoginPage struct {
	Form *web.Form
	Next string
}

func (h *handler) loginForm(w http.ResponseWriter, r *http.Request) error {
	if id := web.IdentityFrom(r.Context()); id != nil && !id.MFAPending {
		return web.Redirect(w, r, web.SafeNext(r.URL.Query().Get("next"), "/"))
	}
	f := web.NewForm()
	return h.site.Render(w, r, "auth/login.html", "auth.title.login", LoginPage{Form: f, Next: web.SafeNext(r.URL.Query().Get("next"), "/")})
}

func (h *handler) login(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	next := web.SafeNext(f.Get("next"), "/")
	// Ten tries a minute per account and address, and a looser cap per
	// address: an office behind one NAT address signs in together at nine.
	ip := web.ClientIP(r)
	if !h.svc.limit.allow(ip+"|"+normalize(f.Get("username")), h.svc.Now()) || !h.svc.ipLimit.allow(ip, h.svc.Now()) {
		return web.ErrTooMany
	}
	res, err := h.svc.Login(r.Context(), f.Get("username"), f.Values.Get("password"), web.ClientIP(r), r.UserAgent())
	if err != nil {
		var we *web.Error
		if !errors.As(err, &we) {
			return err
		}
		f.Message = h.site.T(r)(we.Key)
		f.Values.Del("password")
		return h.site.RenderStatus(w, r, http.StatusUnauthorized, "auth/login.html", "auth.title.login", LoginPage{Form: f, Next: next})
	}
	h.svc.setCookie(w, res.Token)
	if res.MFAPending {
		return web.Redirect(w, r, "/login/2fa?next="+url.QueryEscape(next))
	}
	if res.MustChangePassword {
		return web.Redirect(w, r, "/account/password")
	}
	return web.Redirect(w, r, next)
}

func (h *handler) secondForm(w http.ResponseWriter, r *http.Request) error {
	id := web.IdentityFrom(r.Context())
	if id == nil {
		return web.Redirect(w, r, "/login")
	}
	if !id.MFAPending {
		return web.Redirect(w, r, "/")
	}
	return h.site.Render(w, r, "auth/second.html", "auth.title.second", LoginPage{Form: web.NewForm(), Next: web.SafeNext(r.URL.Query().Get("next"), "/")})
}

func (h *handler) second(w http.ResponseWriter, r *http.Request) error {
	id := web.IdentityFrom(r.Context())
	if id == nil || !id.MFAPending {
		return web.Redirect(w, r, "/login")
	}
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	next := web.SafeNext(f.Get("next"), "/")
	if !h.svc.limit.allow(web.ClientIP(r)+"/2fa", h.svc.Now()) {
		return web.ErrTooMany
	}
	token, err := h.svc.VerifySecondFactor(r.Context(), id.SessionID, f.Get("code"))
	if err != nil {
		var we *web.Error
		if !errors.As(err, &we) || we.Status >= 500 {
			return err
		}
		f.Message = h.site.T(r)(we.Key)
		return h.site.RenderStatus(w, r, http.StatusUnauthorized, "auth/second.html", "auth.title.second", LoginPage{Form: f, Next: next})
	}
	h.svc.setCookie(w, token)
	return web.Redirect(w, r, next)
}

func (h *handler) logout(w http.ResponseWriter, r *http.Request) error {
	id := web.IdentityFrom(r.Context())
	if err := h.svc.Logout(r.Context(), id.SessionID); err != nil {
		return err
	}
	h.svc.clearCookie(w)
	h.site.AddFlash(w, r, "info", "auth.flash.logged_out")
	return web.Redirect(w, r, "/login")
}
