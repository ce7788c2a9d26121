package society

import (
	"bytes"
	"io"
	"net/http"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

type minePage struct {
	Members []Member
	Terms   map[int64][]MemberTerm
	Online  bool
	Form    *web.Form
	Invoice int64 // the invoice the form's message is about
}

// mine lists the caller's memberships with their terms and dues, where a
// member uploads a transfer voucher or pays online and opens the card.
func (h *handler) mine(w http.ResponseWriter, r *http.Request) error {
	return h.renderMine(w, r, http.StatusOK, web.NewForm(), 0)
}

// mineWith is the member's own page with invoice inv's form open.
func (h *handler) mineWith(inv int64) page {
	return func(w http.ResponseWriter, r *http.Request, status int, f *web.Form) error {
		return h.renderMine(w, r, status, f, inv)
	}
}

func (h *handler) renderMine(w http.ResponseWriter, r *http.Request, status int, f *web.Form, inv int64) error {
	ctx := r.Context()
	ms, err := h.store.Mine(ctx, web.SubjectFrom(ctx).UserID)
	if err != nil {
		return err
	}
	p := minePage{Members: ms, Terms: map[int64][]MemberTerm{}, Online: h.store.cfg.Provider != nil, Form: f, Invoice: inv}
	for _, m := range ms {
		if p.Terms[m.ID], err = h.store.MemberTerms(ctx, m.ID); err != nil {
			return err
		}
	}
	return h.site.RenderStatus(w, r, status, "society/mine.html", "society.title.mine", p)
}

// voucher takes a member's transfer voucher for an invoice of theirs.
func (h *handler) voucher(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 12<<20)
	if err != nil {
		return err
	}
	v := Voucher{}
	amount, ok := cents(f.Get("amount"))
	if !ok {
		f.Errors["amount"] = h.site.T(r)("society.err.amount")
		return h.renderMine(w, r, http.StatusUnprocessableEntity, f, id)
	}
	v.Cents = amount
	if file, hdr, err := r.FormFile("voucher"); err == nil {
		defer file.Close()
		v.Name = hdr.Filename
		if v.Data, err = io.ReadAll(io.LimitReader(file, MaxVoucher+1)); err != nil {
			return err
		}
	}
	_, err = h.store.UploadVoucher(r.Context(), id, web.SubjectFrom(r.Context()).UserID, v)
	return h.done(w, r, f, err, h.mineWith(id), "society.flash.voucher", "/my/memberships")
}

// payOnline pays an invoice through the payment provider.
func (h *handler) payOnline(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	_, err = h.store.PayOnline(r.Context(), id, web.SubjectFrom(r.Context()).UserID)
	return h.done(w, r, f, err, h.mineWith(id), "society.flash.paid", "/my/memberships")
}

type duesPage struct {
	Soc      Ref
	Invoices []Invoice
	Sum      int64
	List     *web.List
	Status   string
	Statuses []string
	Form     *web.Form
}

// SumYuan is the filtered ledger's total in yuan.
func (p duesPage) SumYuan() string { return Yuan(p.Sum) }

// dues is the society's dues ledger: vouchers to confirm, arrears,
// refunds, and the XLSX export for the finance office.
func (h *handler) dues(w http.ResponseWriter, r *http.Request) error {
	return h.renderDues(w, r, http.StatusOK, web.NewForm())
}

func (h *handler) renderDues(w http.ResponseWriter, r *http.Request, status int, f *web.Form) error {
	ctx := r.Context()
	soc, _, err := h.society(ctx, r)
	if err != nil {
		return err
	}
	l := web.ParseList(r, "id", "id")
	p := duesPage{Soc: soc, List: l, Status: l.Get("status"), Form: f, Statuses: []string{"arrears", InvoiceUnpaid, InvoicePending, InvoicePaid, InvoiceRefunded}}
	lf := LedgerFilter{Scope: h.site.Scope(r, "society.members"), OrgID: soc.ID, Status: p.Status, Q: l.Q, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		return h.exportDues(w, r, soc, lf)
	}
	if p.Invoices, l.Total, p.Sum, err = h.store.Ledger(ctx, lf); err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, status, "society/dues.html", "society.title.dues", p)
}

// exportDues writes the whole filtered ledger, a page of rows at a time.
func (h *handler) exportDues(w http.ResponseWriter, r *http.Request, soc Ref, lf LedgerFilter) error {
	t := h.site.T(r)
	tab := sheet.Table{Sheet: t("society.title.dues"), Headers: []string{t("society.col.receipt"), t("society.col.number"),
		t("society.col.member"), t("society.col.tier"), t("society.col.period_from"), t("society.col.period_to"),
		t("society.col.amount"), t("society.col.status"), t("society.col.paid_at"), t("society.col.method")}}
	lf.Limit, lf.Offset = 5000, 0
	for {
		rows, _, _, err := h.store.Ledger(r.Context(), lf)
		if err != nil {
			return err
		}
		for _, v := range rows {
			method := ""
			if v.Method != "" {
				method = t("society.method." + v.Method)
			}
			tab.Rows = append(tab.Rows, []string{v.ReceiptNo, v.MemberNumber, v.MemberName, v.TierName, sheet.Date(v.StartsOn),
				sheet.Date(v.LastDay()), Yuan(v.Amount), t("society.invoice." + v.Status), sheet.DateTime(v.PaidAt), method})
		}
		if len(rows) < lf.Limit {
			break
		}
		lf.AfterID = rows[len(rows)-1].ID
	}
	return sheet.ServeXLSX(w, soc.Code+"-dues.xlsx", tab)
}

func (h *handler) invoiceAction(w http.ResponseWriter, r *http.Request, do func(inv Invoice, f *web.Form, by int64) error, flash string) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	inv, err := h.store.GetInvoice(r.Context(), id)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	err = do(inv, f, web.SubjectFrom(r.Context()).UserID)
	return h.done(w, r, f, err, ofSociety(inv.OrgID, h.renderDues), flash, "/societies/"+strconv.FormatInt(inv.OrgID, 10)+"/dues")
}

// confirm is staff confirming a transfer voucher with the amount on it.
func (h *handler) confirm(w http.ResponseWriter, r *http.Request) error {
	return h.invoiceAction(w, r, func(inv Invoice, f *web.Form, by int64) error {
		amount, ok := cents(f.Get("amount"))
		if !ok {
			return errAmount
		}
		_, err := h.store.ConfirmPayment(r.Context(), inv.ID, by, amount)
		return err
	}, "society.flash.confirmed")
}

func (h *handler) refund(w http.ResponseWriter, r *http.Request) error {
	return h.invoiceAction(w, r, func(inv Invoice, f *web.Form, by int64) error {
		_, err := h.store.Refund(r.Context(), inv.ID, by, f.Get("reason"))
		return err
	}, "society.flash.refunded")
}

// voucherFile shows staff a voucher as uploaded.
func (h *handler) voucherFile(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	inv, err := h.store.GetInvoice(r.Context(), id)
	if err != nil {
		return err
	}
	data, err := h.store.Voucher(inv)
	if err != nil {
		return web.ErrNotFound
	}
	w.Header().Set("Content-Type", http.DetectContentType(data))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Disposition", "inline")
	_, err = w.Write(data)
	return err
}

// receipt sends a paid invoice's receipt to its member or the society's staff.
func (h *handler) receipt(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	inv, err := h.store.GetInvoice(r.Context(), id)
	if err != nil {
		return err
	}
	res, err := h.store.resource(r.Context(), inv.OrgID, false)
	if err != nil {
		return err
	}
	if inv.UserID != web.SubjectFrom(r.Context()).UserID && !h.site.Scope(r, "society.members").Contains(res.OrgPath) {
		return web.ErrNotFound
	}
	if inv.Status != InvoicePaid {
		return web.ErrNotFound
	}
	var pdf bytes.Buffer
	if err := h.store.ReceiptPDF(&pdf, inv); err != nil {
		return pdfError(err)
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="receipt-`+inv.ReceiptNo+`.pdf"`)
	_, err = w.Write(pdf.Bytes())
	return err
}
