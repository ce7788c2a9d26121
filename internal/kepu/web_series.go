package kepu

import (
	"net/http"
	"strconv"

	"kexie/internal/web"
)

// SeriesPage is the portal's page of one series.
type SeriesPage struct {
	Series Series
	Items  []Card
}

func (h *handler) seriesPublic(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	return h.serve(w, r, func() (Page, string, string, any, error) {
		x, err := h.store.OneSeries(r.Context(), id)
		if err != nil {
			return Page{}, "", "", nil, err
		}
		items, _, err := h.store.Published(r.Context(), Filter{SeriesID: id, Limit: 100})
		if err != nil {
			return Page{}, "", "", nil, err
		}
		return Page{}, "kepu/series.html", x.Title, SeriesPage{Series: x, Items: cards(items)}, nil
	})
}

// SeriesAdminPage lists series with the form to add one.
type SeriesAdminPage struct {
	Series []Series
	Form   *web.Form
}

func (h *handler) seriesAdmin(w http.ResponseWriter, r *http.Request) error {
	return h.renderSeriesAdmin(w, r, http.StatusOK, web.NewForm())
}

func (h *handler) renderSeriesAdmin(w http.ResponseWriter, r *http.Request, status int, f *web.Form) error {
	xs, err := h.store.SeriesList(r.Context(), h.site.Scope(r, "kepu.edit"))
	if err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, status, "kepu/series_admin.html", "kepu.title.series", SeriesAdminPage{Series: xs, Form: f})
}

func (h *handler) createSeries(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	org, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	_, err = h.store.CreateSeries(r.Context(), org, f.Get("title"), f.Get("summary"), actor(r))
	if f.Fail(h.site.T(r), err) {
		return h.renderSeriesAdmin(w, r, http.StatusUnprocessableEntity, f)
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "kepu.flash.saved")
	return web.Redirect(w, r, "/kepu/admin/series")
}
