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
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	qrcode "github.com/skip2/go-qrcode"
)

// FontEnv names the environment variable that overrides the font file.
const FontEnv = "KEXIE_PDF_FONT"

// FontCandidates are the system fonts tried in order when FontEnv is unset.
// Each is a TrueType font with glyf outlines (fpdf cannot subset CFF
// outlines, so Noto Sans CJK's .ttc/.otf files do not qualify). Debian
// package in brackets.
var FontCandidates = []string{
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", // fonts-droid-fallback (Apache-2.0)
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",            // fonts-wqy-microhei
	"/usr/share/fonts/truetype/arphic/uming.ttc",                // fonts-arphic-uming
	"/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",    // fonts-arphic-gbsn00lp
	"/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",     // older fonts-droid
}

// ErrNoFont is returned when no CJK font file can be found.
var ErrNoFont = errors.New("pdfdoc: no CJK TrueType font: install the Debian package fonts-droid-fallback or set " + FontEnv + " to a .ttf file with glyf outlines")

// FontPath returns the font file to use: FontEnv when set (it must exist),
// else the first of FontCandidates present.
func FontPath() (string, error) {
	if p := strings.TrimSpace(os.Getenv(FontEnv)); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("pdfdoc: %s=%s: %w", FontEnv, p, err)
		}
		return p, nil
	}
	for _, p := range FontCandidates {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", ErrNoFont
}

// Font is a loaded font file. The zero value is not usable; get one from
// LoadFont or SystemFont.
type Font struct {
	path string
	data []byte
}

// LoadFont reads a TrueType font file.
func LoadFont(path string) (*Font, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("pdfdoc: read font: %w", err)
	}
	if len(b) < 12 || !(bytes.HasPrefix(b, []byte{0, 1, 0, 0}) || bytes.HasPrefix(b, []byte("true"))) {
		return nil, fmt.Errorf("pdfdoc: %s is not a TrueType font with glyf outlines", path)
	}
	return &Font{path: path, data: b}, nil
}

// SystemFont loads the font FontPath finds.
func SystemFont() (*Font, error) {
	p, err := FontPath()
	if err != nil {
		return nil, err
	}
	return LoadFont(p)
}

// Path is the file the font was read from.
func (f *Font) Path() string { return f.path }

// Page is a page size and orientation.
type Page int

const (
	A4          Page = iota // portrait, 210 × 297 mm
	A4Landscape             // 297 × 210 mm
	Card                    // 85.6 × 54 mm (ID-1), landscape
)

const family = "cjk"

// Doc is one document being written. Methods record the first error and
// become no-ops after it; Bytes reports it.
type Doc struct {
	pdf    *fpdf.Fpdf
	page   Page
	margin float64
	qrs    int
}

// New starts a document with one empty page. title goes into the file's
// metadata; at fixes its creation date so the same input gives the same
// bytes (pass the clock's now).
func New(font *Font, page Page, title string, at time.Time) (*Doc, error) {
	if font == nil || len(font.data) == 0 {
		return nil, ErrNoFont
	}
	var pdf *fpdf.Fpdf
	margin := 15.0
	switch page {
	case A4Landscape:
		pdf = fpdf.New("L", "mm", "A4", "")
	case Card:
		margin = 4
		pdf = fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: 85.6, Ht: 54}})
	default:
		pdf = fpdf.New("P", "mm", "A4", "")
	}
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
	pdf.SetFont(family, "", 11)
	pdf.AddPage()
	return &Doc{pdf: pdf, page: page, margin: margin}, nil
}

// Width is the usable width between the margins, in mm.
func (d *Doc) Width() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - 2*d.margin
}

// Heading writes a centred line in a large size.
func (d *Doc) Heading(s string, size float64) {
	d.pdf.SetFont(family, "", size)
	d.pdf.CellFormat(0, size*0.6, s, "", 1, "C", false, 0, "")
	d.pdf.Ln(size * 0.2)
	d.pdf.SetFont(family, "", 11)
}

// Text writes a paragraph in the given size, wrapped to the margins;
// align is "L", "C" or "R".
func (d *Doc) Text(s string, size float64, align string) {
	d.pdf.SetFont(family, "", size)
	d.pdf.MultiCell(0, size*0.5, s, "", align, false)
	d.pdf.SetFont(family, "", 11)
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
	const h = 7.0
	d.pdf.SetFont(family, "", 10)
	d.pdf.SetFillColor(235, 238, 242)
	for i, c := range header {
		d.pdf.CellFormat(ws[i], h, d.fit(c, ws[i]), "1", 0, "C", true, 0, "")
	}
	d.pdf.Ln(h)
	for _, r := range rows {
		for i := 0; i < n; i++ {
			c := ""
			if i < len(r) {
				c = r[i]
			}
			d.pdf.CellFormat(ws[i], h, d.fit(c, ws[i]), "1", 0, "L", false, 0, "")
		}
		d.pdf.Ln(h)
	}
	d.pdf.SetFont(family, "", 11)
}

// fit cuts s (rune-wise) until it fits in w mm with a little padding.
func (d *Doc) fit(s string, w float64) string {
	if d.pdf.GetStringWidth(s) <= w-2 {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && d.pdf.GetStringWidth(string(r)+"…") > w-2 {
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
