package society

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/pdfdoc"
	"kexie/internal/web"
)

type cardPage struct {
	Member Member
	Check  CardCheck
	URL    string
	QR     template.URL // data: URL of the QR code's PNG, made here
}

// verifyURL is the public address a card's QR code opens.
func verifyURL(r *http.Request, code string) string {
	scheme := "https"
	if r.TLS == nil && r.Header.Get("X-Forwarded-Proto") != "https" {
		scheme = "http"
	}
	return scheme + "://" + r.Host + "/card/" + code
}

func (h *handler) myCard(r *http.Request) (cardPage, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return cardPage{}, err
	}
	m, err := h.store.GetMember(r.Context(), id)
	if err != nil {
		return cardPage{}, err
	}
	if m.UserID != web.SubjectFrom(r.Context()).UserID || m.Status != MemberActive {
		return cardPage{}, web.ErrNotFound
	}
	c, err := h.store.VerifyCard(r.Context(), m.CardCode)
	if err != nil {
		return cardPage{}, err
	}
	p := cardPage{Member: m, Check: c, URL: verifyURL(r, m.CardCode)}
	if p.QR, err = web.QRDataURL(p.URL, 240); err != nil {
		return p, err
	}
	return p, nil
}

// card is the member's card as a page, for the phone or for printing.
func (h *handler) card(w http.ResponseWriter, r *http.Request) error {
	p, err := h.myCard(r)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "society/card.html", "society.title.card", p)
}

func (h *handler) cardPDF(w http.ResponseWriter, r *http.Request) error {
	p, err := h.myCard(r)
	if err != nil {
		return err
	}
	var pdf bytes.Buffer
	if err := h.store.CardPDF(&pdf, p.Member, p.Check, p.URL); err != nil {
		return pdfError(err)
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="card-`+p.Member.Number+`.pdf"`)
	_, err = w.Write(pdf.Bytes())
	return err
}

// pdfError is the answer to a PDF that could not be made: a clear 503 when
// the server lacks the fonts (D64), else the error.
func pdfError(err error) error {
	if errors.Is(err, pdfdoc.ErrNoFont) || strings.Contains(err.Error(), "pdfdoc:") {
		return web.Errorf(http.StatusServiceUnavailable, "society.err.no_font")
	}
	return err
}

type verifyPage struct {
	Code  string
	Check CardCheck
}

// verify is the public page a card's QR code opens: whether the card is
// valid now, and for whom.
func (h *handler) verify(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	c, err := h.store.VerifyCard(r.Context(), code)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Robots-Tag", "noindex")
	return h.site.Render(w, r, "society/verify.html", "society.title.verify", verifyPage{Code: code, Check: c})
}

type joinPage struct {
	Soc   Ref
	Tiers []Tier
	Form  *web.Form
}

// joinForm is where a signed-in person applies to join a society.
func (h *handler) joinForm(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	f.Values.Set("name", web.SubjectFrom(r.Context()).Name)
	return h.renderJoin(w, r, http.StatusOK, f)
}

func (h *handler) renderJoin(w http.ResponseWriter, r *http.Request, status int, f *web.Form) error {
	soc, _, err := h.society(r.Context(), r)
	if err != nil {
		return err
	}
	tiers, err := h.store.Tiers(r.Context(), soc.ID)
	if err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, status, "society/join.html", "society.title.join", joinPage{Soc: soc, Tiers: tiers, Form: f})
}

func (h *handler) join(w http.ResponseWriter, r *http.Request) error {
	soc, f, err := h.societyForm(w, r)
	if err != nil {
		return err
	}
	tier, _ := strconv.ParseInt(f.Get("tier_id"), 10, 64)
	sub := web.SubjectFrom(r.Context())
	a := Application{OrgID: soc.ID, TierID: tier, Name: f.Get("name"), UserID: sub.UserID}
	if h.store.cfg.People != nil {
		if pid, err := h.store.cfg.People(r.Context(), sub.UserID); err == nil {
			a.PersonID = pid
		}
	}
	_, err = h.store.Apply(r.Context(), a)
	return h.done(w, r, f, err, h.renderJoin, "society.flash.applied", "/my/memberships")
}
