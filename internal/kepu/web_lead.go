package kepu

import (
	"io"
	"net/http"
	"strconv"

	"kexie/internal/botcheck"

	"kexie/internal/web"
)

// LeadFormPage is the public rumour-lead form.
type LeadFormPage struct {
	Form       *web.Form
	Stamp, Sig string
	Done       bool
	Areas      []Area // the cities a lead may be sent to; none chosen sends it to the root
}

func (h *handler) leadPage(r *http.Request, f *web.Form) (LeadFormPage, error) {
	st, sig := h.bot.Stamp(h.store.db.Now(), "kepu.lead")
	areas, err := h.store.LeadAreas(r.Context())
	return LeadFormPage{Form: f, Stamp: st, Sig: sig, Areas: areas}, err
}

func (h *handler) leadForm(w http.ResponseWriter, r *http.Request) error {
	p, err := h.leadPage(r, web.NewForm())
	if err != nil {
		return err
	}
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
		if in.OrgID, ferr = h.leadOrg(r, f.Get("area")); ferr == nil {
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
	p, err := h.leadPage(r, f)
	if err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "kepu/rumour.html", "kepu.title.rumour", p)
}

// leadOrg is the org a public lead goes to: the city chosen, when it is
// one of the form's areas, else the root.
func (h *handler) leadOrg(r *http.Request, area string) (int64, error) {
	if id, err := strconv.ParseInt(area, 10, 64); err == nil && id > 0 {
		areas, err := h.store.LeadAreas(r.Context())
		if err != nil {
			return 0, err
		}
		for _, a := range areas {
			if a.OrgID == id {
				return id, nil
			}
		}
	}
	return h.store.RootOrg(r.Context())
}
