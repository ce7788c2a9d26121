package kepu

import (
	"io"
	"net/http"

	"kexie/internal/botcheck"

	"kexie/internal/web"
)

// LeadFormPage is the public rumour-lead form.
type LeadFormPage struct {
	Form       *web.Form
	Stamp, Sig string
	Done       bool
}

func (h *handler) leadPage(f *web.Form) LeadFormPage {
	st, sig := h.bot.Stamp(h.store.db.Now(), "kepu.lead")
	return LeadFormPage{Form: f, Stamp: st, Sig: sig}
}

func (h *handler) leadForm(w http.ResponseWriter, r *http.Request) error {
	p := h.leadPage(web.NewForm())
	p.Done = r.URL.Query().Get("done") == "1"
	return h.site.Render(w, r, "kepu/rumour.html", "kepu.title.rumour", p)
}

func (h *handler) fileLead(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, MaxImageBytes+(1<<20))
	if err != nil {
		return err
	}
	var ferr error
	if h.bot.Verify(h.store.db.Now(), f.Get("stamp"), f.Get("sig"), f.Value("website"), "kepu.lead") != nil {
		ferr = web.Errorf(http.StatusUnprocessableEntity, "kepu.err.challenge")
	} else {
		in := LeadInput{Claim: f.Get("claim"), Link: f.Get("link"), Contact: f.Get("contact"),
			Source: botcheck.Source(h.bot.Key, web.ClientIP(r))}
		if in.OrgID, ferr = h.rootOrg(r); ferr == nil {
			if file, _, err := r.FormFile("shot"); err == nil {
				data, err := io.ReadAll(io.LimitReader(file, MaxImageBytes+1))
				file.Close()
				if err != nil {
					return err
				}
				if len(data) > 0 {
					m, err := CheckImage("shot", data)
					if err != nil {
						ferr = err
					}
					in.Shot = &m
				}
			}
		}
		if ferr == nil {
			if _, ferr = h.store.FileLead(r.Context(), in); ferr == nil {
				return web.Redirect(w, r, "/kepu/rumours?done=1")
			}
		}
	}
	if !f.Fail(h.site.T(r), ferr) {
		return ferr
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "kepu/rumour.html", "kepu.title.rumour", h.leadPage(f))
}

func (h *handler) rootOrg(r *http.Request) (int64, error) { return h.store.RootOrg(r.Context()) }
