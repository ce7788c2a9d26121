package auth

import (
	"net/http"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// UserEditPage is the data of the form editing an account's details.
type UserEditPage struct {
	User User
	Form *web.Form
}

// ResetPage shows a new password once, right after the reset.
type ResetPage struct {
	User     User
	Password string
}

// managedUser is the account of /users/{id}/… when the caller may manage
// it: unknown or out of sight is "not found", in sight but with a grant
// beyond the caller's subtree (or a system administrator) "forbidden".
func (h *handler) managedUser(r *http.Request) (User, error) {
	u, err := h.targetUser(r)
	if err != nil {
		return u, err
	}
	ok, err := h.svc.Manageable(r.Context(), u.ID, h.scope(r, "user.manage"))
	if err != nil {
		return u, err
	}
	if !ok {
		return u, web.ErrForbidden
	}
	return u, nil
}

func (h *handler) editUserForm(w http.ResponseWriter, r *http.Request) error {
	u, err := h.managedUser(r)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values.Set("display_name", u.DisplayName)
	f.Values.Set("email", u.Email)
	f.Values.Set("phone", u.Phone)
	return h.site.Render(w, r, "users/edit.html", "users.title.edit", UserEditPage{User: u, Form: f})
}

func (h *handler) editUser(w http.ResponseWriter, r *http.Request) error {
	u, err := h.managedUser(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	if _, err := h.svc.UpdateUser(r.Context(), u.ID, UserEdit{DisplayName: f.Get("display_name"), Email: f.Get("email"), Phone: f.Get("phone")}); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "users/edit.html", "users.title.edit", UserEditPage{User: u, Form: f})
	}
	h.site.AddFlash(w, r, "ok", "users.flash.updated")
	return web.Redirect(w, r, "/users/"+itoa(u.ID))
}

// statusAction runs one change of an account's state and comes back to
// its page with the outcome; a refusal (the last administrator, oneself)
// is shown as an error there.
func (h *handler) statusAction(w http.ResponseWriter, r *http.Request, ok string, run func(User) error) error {
	u, err := h.managedUser(r)
	if err != nil {
		return err
	}
	if _, err := web.ParseForm(w, r, 4<<10); err != nil {
		return err
	}
	if err := run(u); err != nil {
		list, isValid := valid.As(err)
		if !isValid {
			return err
		}
		h.site.AddFlash(w, r, "error", list[0].Key)
		return web.Redirect(w, r, "/users/"+itoa(u.ID))
	}
	h.site.AddFlash(w, r, "ok", ok, u.Username)
	return web.Redirect(w, r, "/users/"+itoa(u.ID))
}

func (h *handler) disableUser(w http.ResponseWriter, r *http.Request) error {
	return h.statusAction(w, r, "users.flash.disabled", func(u User) error {
		return h.svc.DisableUser(r.Context(), u.ID, web.SubjectFrom(r.Context()).UserID)
	})
}

func (h *handler) enableUser(w http.ResponseWriter, r *http.Request) error {
	return h.statusAction(w, r, "users.flash.enabled", func(u User) error { return h.svc.EnableUser(r.Context(), u.ID) })
}

func (h *handler) unlockUser(w http.ResponseWriter, r *http.Request) error {
	return h.statusAction(w, r, "users.flash.unlocked", func(u User) error { return h.svc.UnlockUser(r.Context(), u.ID) })
}

func (h *handler) reset2FA(w http.ResponseWriter, r *http.Request) error {
	return h.statusAction(w, r, "users.flash.2fa_reset", func(u User) error {
		if u.ID == web.SubjectFrom(r.Context()).UserID {
			return valid.New("", "auth.err.reset_self")
		}
		return h.svc.ResetTOTP(r.Context(), u.ID)
	})
}

// resetPassword shows the new password on this response only: it is not
// stored in clear, put in a flash or a URL, and the page is not cached.
func (h *handler) resetPassword(w http.ResponseWriter, r *http.Request) error {
	u, err := h.managedUser(r)
	if err != nil {
		return err
	}
	if _, err := web.ParseForm(w, r, 4<<10); err != nil {
		return err
	}
	if u.ID == web.SubjectFrom(r.Context()).UserID {
		h.site.AddFlash(w, r, "error", "auth.err.reset_self")
		return web.Redirect(w, r, "/users/"+itoa(u.ID))
	}
	pw, err := h.svc.ResetPassword(r.Context(), u.ID)
	if err != nil {
		return err
	}
	// Sent again (a reload), the form would void the password shown here.
	web.KeepOnce(r)
	w.Header().Set("Cache-Control", "no-store")
	return h.site.Render(w, r, "users/password.html", "users.title.password", ResetPage{User: u, Password: pw})
}
