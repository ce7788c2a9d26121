// Package pdfdoc makes small printable documents — A4 pages and wallet-size
// cards — with Chinese text, simple tables and QR codes, over
// codeberg.org/go-pdf/fpdf with a CJK TrueType font embedded (subset) in
// every file.
//
// It must never decide what a document says, read the database or keep
// state between documents: a module builds its certificate or ticket from
// its own data and hands the lines here. The font is read from the system
// (see FontPath) once per Font value, which callers keep for the life of
// the process.
package pdfdoc

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
	qrcode "github.com/skip2/go-qrcode"
)

// Page is a page size and orientation.
type Page int

const (
	A4          Page = iota // portrait, 210 × 297 mm
	A4Landscape             // 297 × 210 mm
	Card                    // 85.6 × 54 mm (ID-1), landscape
)

const (
	family      = "cjk"
	latinFamily = "latin"
)

// Doc is one document being written. Methods record the first error and
// become no-ops after it; Bytes reports it.
type Doc struct {
	pdf    *fpdf.Fpdf
	page   Page
	margin float64
	qrs    int
	latin  string // the family Latin runs use
	size   float64
}

// New starts a document with one empty page. title goes into the file's
// metadata; at fixes its creation date so the same input gives the same
// bytes (pass the clock's now).
func New(font *Font, page Page, title string, at time.Time) (*Doc, error) {
	switch page {
	case A4Landscape:
		return newDoc(font, page, 297, 210, 15, title, at)
	case Card:
		return newDoc(font, page, 85.6, 54, 4, title, at)
	default:
		return newDoc(font, A4, 210, 297, 15, title, at)
	}
}

// Custom is the Page of a document made with NewSize.
const Custom Page = -1

// NewSize starts a document of one w × h mm page (a receipt slip, a
// badge) with margin mm on each side; otherwise like New.
func NewSize(font *Font, w, h, margin float64, title string, at time.Time) (*Doc, error) {
	return newDoc(font, Custom, w, h, margin, title, at)
}

func newDoc(font *Font, page Page, w, h, margin float64, title string, at time.Time) (*Doc, error) {
	if font == nil || len(font.data) == 0 {
		return nil, ErrNoFont
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: w, Ht: h}})
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin)
	pdf.SetCreationDate(at)
	pdf.SetModificationDate(at)
	pdf.SetCatalogSort(true)
	pdf.SetTitle(title, true)
	pdf.SetCreator("Kexie", true)
	pdf.AddUTF8FontFromBytes(family, "", font.data)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdfdoc: font %s: %w", font.path, err)
	}
	latin := family
	if font.latin != nil {
		pdf.AddUTF8FontFromBytes(latinFamily, "", font.latin.data)
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("pdfdoc: font %s: %w", font.latin.path, err)
		}
		latin = latinFamily
	}
	pdf.SetFont(family, "", 11)
	pdf.AddPage()
	return &Doc{pdf: pdf, page: page, margin: margin, latin: latin, size: 11}, nil
}

// Width is the usable width between the margins, in mm.
func (d *Doc) Width() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - 2*d.margin
}

// Heading writes a centred line in a large size.
func (d *Doc) Heading(s string, size float64) {
	d.line(s, size, d.margin, d.Width(), size*0.6, "C")
	d.pdf.Ln(size * 0.6)
	d.pdf.Ln(size * 0.2)
}

// Text writes a paragraph in the given size, wrapped to the margins;
// align is "L", "C" or "R".
func (d *Doc) Text(s string, size float64, align string) {
	h := size * 0.5
	if align == "C" || align == "R" {
		x := d.pdf.GetX()
		pw, _ := d.pdf.GetPageSize()
		d.line(s, size, x, pw-d.margin-x, h, align)
		d.pdf.Ln(h)
		return
	}
	for _, r := range d.runs(s) {
		d.pdf.SetFont(r.family, "", size)
		d.pdf.Write(h, r.text)
	}
	d.pdf.Ln(h)
}

// Space moves down by mm.
func (d *Doc) Space(mm float64) { d.pdf.Ln(mm) }

// Table writes a header row and rows with a thin grid. widths are relative
// (they are scaled to the usable width); a nil widths splits evenly. Long
// cells are cut to fit, never wrapped, so rows stay one line high.
func (d *Doc) Table(header []string, rows [][]string, widths []float64) {
	n := len(header)
	if n == 0 {
		return
	}
	ws := make([]float64, n)
	total := 0.0
	for i := range ws {
		ws[i] = 1
		if i < len(widths) && widths[i] > 0 {
			ws[i] = widths[i]
		}
		total += ws[i]
	}
	for i := range ws {
		ws[i] = ws[i] / total * d.Width()
	}
	const h, size = 7.0, 10.0
	row := func(cells []string, fill bool, align string) {
		_, pageH := d.pdf.GetPageSize()
		if d.pdf.GetY()+h > pageH-d.margin {
			d.pdf.AddPage()
		}
		x, y := d.margin, d.pdf.GetY()
		for i := 0; i < n; i++ {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			d.pdf.SetXY(x, y)
			d.pdf.CellFormat(ws[i], h, "", "1", 0, "L", fill, 0, "")
			d.pdf.SetXY(x, y)
			d.line(d.fit(c, ws[i], size), size, x+1, ws[i]-2, h, align)
			x += ws[i]
		}
		d.pdf.SetXY(d.margin, y+h)
	}
	d.pdf.SetFillColor(235, 238, 242)
	row(header, true, "C")
	for _, r := range rows {
		row(r, false, "L")
	}
}

// fit cuts s (rune-wise) until it fits in w mm with a little padding.
func (d *Doc) fit(s string, w, size float64) string {
	if d.width(s, size) <= w-2 {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && d.width(string(r)+"…", size) > w-2 {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// QR draws a QR code of content with its top-left corner at (x, y) mm,
// side mm wide. A negative x places it against the right margin; a negative
// y at the current line.
func (d *Doc) QR(content string, x, y, side float64) error {
	png, err := qrcode.Encode(content, qrcode.Medium, 256)
	if err != nil {
		return fmt.Errorf("pdfdoc: qr: %w", err)
	}
	d.qrs++
	name := fmt.Sprintf("qr%d", d.qrs)
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	d.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(png))
	pw, _ := d.pdf.GetPageSize()
	if x < 0 {
		x = pw - d.margin - side
	}
	if y < 0 {
		y = d.pdf.GetY()
	}
	d.pdf.ImageOptions(name, x, y, side, side, false, opt, 0, "")
	return d.pdf.Error()
}

// Frame draws a border inset by mm from the page edge (certificates).
func (d *Doc) Frame(inset float64) {
	w, h := d.pdf.GetPageSize()
	d.pdf.SetDrawColor(150, 30, 30)
	d.pdf.SetLineWidth(0.8)
	d.pdf.Rect(inset, inset, w-2*inset, h-2*inset, "D")
	d.pdf.SetLineWidth(0.2)
	d.pdf.SetDrawColor(0, 0, 0)
}

// Box writes s on one line in the box (x, y, w, h) mm, aligned "L", "C" or
// "R" with a little padding, and draws the box's border when border is set.
// It does not move the writing position of Text and Table.
func (d *Doc) Box(x, y, w, h float64, s string, size float64, align string, border bool) {
	px, py := d.pdf.GetXY()
	if border {
		d.pdf.Rect(x, y, w, h, "D")
	}
	d.pdf.SetXY(x, y)
	d.line(s, size, x+1.5, w-3, h, align)
	d.pdf.SetXY(px, py)
}

// Fill paints the rectangle (x, y, w, h) mm in the colour r, g, b.
func (d *Doc) Fill(x, y, w, h float64, r, g, b int) {
	d.pdf.SetFillColor(r, g, b)
	d.pdf.Rect(x, y, w, h, "F")
}

// Color sets the colour of the text written next (0, 0, 0 is black).
func (d *Doc) Color(r, g, b int) { d.pdf.SetTextColor(r, g, b) }

// MoveTo sets the writing position, in mm from the top-left corner.
func (d *Doc) MoveTo(x, y float64) { d.pdf.SetXY(x, y) }

// Write writes the finished document.
func (d *Doc) Write(w io.Writer) error {
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("pdfdoc: %w", err)
	}
	return d.pdf.Output(w)
}

// Bytes returns the finished document.
func (d *Doc) Bytes() ([]byte, error) {
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
