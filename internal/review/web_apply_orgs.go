package review

import (
	"net/http"
	"path/filepath"
	"strconv"

	"kexie/internal/org"
	"kexie/internal/web"
)

// file serves an application's uploaded file to its applicant, its
// reviewers (not in blind mode for identifying fields) and the call's staff.
func (h *handler) file(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	a, err := h.store.Application(r.Context(), id)
	if err != nil {
		return err
	}
	c, err := h.store.Call(r.Context(), a.CallID)
	if err != nil {
		return err
	}
	key := r.PathValue("key")
	ans := a.Answers
	uid := userID(r)
	mayEdit := a.UserID == uid && !a.ByUnit() || a.ByUnit() && h.scope(r, "review.unit").Contains(a.OrgPath)
	if !mayEdit && !h.scope(r, "review.manage").Contains(c.OrgPath) {
		var g int64
		err := h.store.db.QueryRow(r.Context(), `SELECT id FROM review_assignments WHERE application_id = ? AND user_id = ? AND status <> 'declined'`, id, uid).Scan(&g)
		if err != nil {
			return web.ErrNotFound
		}
		rv, err := h.store.Review(r.Context(), g, uid)
		if err != nil {
			return err
		}
		ans = rv.Answers
	}
	ref := ans[key].F
	if ref == nil || len(ref.SHA256) != 64 {
		return web.ErrNotFound
	}
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+urlEscape(ref.Name))
	w.Header().Set("Content-Type", "application/octet-stream")
	http.ServeFile(w, r, filepath.Join(h.cfg.Uploads, ref.SHA256))
	return nil
}

// orgID reads the org a picker field names (its code, an ID or a unique
// name): 0 when none matches or the field is empty.
func (h *handler) orgID(r *http.Request, v string) (int64, error) {
	if v == "" {
		return 0, nil
	}
	if h.cfg.Orgs != nil {
		return h.cfg.Orgs.FormID(r.Context(), v)
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	return id, nil
}

// unit reads the applying unit a field names (the org picker's code, or an
// ID): it must be one the user acts for ("review.unit").
func (h *handler) unit(r *http.Request, v string) (org.Ref, error) {
	id, err := h.orgID(r, v)
	if err != nil || id == 0 {
		return org.Ref{}, web.ErrNotFound
	}
	u, err := lookupOrg(r.Context(), h.store.db, "unit_id", id)
	if err != nil || !h.scope(r, "review.unit").Contains(u.Path) {
		return org.Ref{}, web.ErrNotFound
	}
	return u, nil
}
