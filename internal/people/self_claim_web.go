package people

import (
	"context"
	"net/http"
	"strconv"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// ClaimsPage is the data of the claims page.
type ClaimsPage struct {
	Claims []Claim
	Cut    bool // more claims than ClaimsShown: the oldest settled ones are not listed
}

func (h *handler) claims(w http.ResponseWriter, r *http.Request) error {
	scope := h.site.Policy.Scope(web.SubjectFrom(r.Context()), "people.edit")
	cs, err := h.store.Claims(r.Context(), scope)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "people/claims.html", "people.title.claims", ClaimsPage{Claims: cs, Cut: len(cs) == ClaimsShown})
}

func (h *handler) confirmClaim(w http.ResponseWriter, r *http.Request) error {
	return h.resolveClaim(w, r, h.store.ConfirmClaim, "people.flash.claim_confirmed")
}

func (h *handler) refuseClaim(w http.ResponseWriter, r *http.Request) error {
	return h.resolveClaim(w, r, h.store.RefuseClaim, "people.flash.claim_refused")
}

func (h *handler) resolveClaim(w http.ResponseWriter, r *http.Request, do func(ctx context.Context, id, by int64) error, flash string) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return web.ErrNotFound
	}
	err = do(r.Context(), id, web.SubjectFrom(r.Context()).UserID)
	if list, ok := valid.As(err); ok {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
		return web.Redirect(w, r, "/people/claims")
	}
	if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", flash)
	return web.Redirect(w, r, "/people/claims")
}
