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

// LatinEnv names the environment variable that overrides the Latin font.
const LatinEnv = "KEXIE_PDF_LATIN_FONT"

// LatinCandidates are the fonts tried for Latin letters, digits and
// punctuation, which the CJK fallback fonts lack (Droid Sans Fallback has
// no digits): text is written in runs, each in the font that has it.
var LatinCandidates = []string{
	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",                  // fonts-dejavu-core
	"/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", // fonts-liberation2
	"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",  // fonts-liberation
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

// Font is a loaded CJK font file, with the Latin font its runs of Latin
// text use (nil: the CJK font writes everything). The zero value is not
// usable; get one from LoadFont or SystemFont.
type Font struct {
	path  string
	data  []byte
	latin *Font
}

// WithLatin returns f writing Latin runs in latin.
func (f *Font) WithLatin(latin *Font) *Font {
	c := *f
	c.latin = latin
	return &c
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

// SystemFont loads the CJK font FontPath finds and the first Latin font
// of LatinEnv or LatinCandidates (none found: an error naming the package).
func SystemFont() (*Font, error) {
	p, err := FontPath()
	if err != nil {
		return nil, err
	}
	f, err := LoadFont(p)
	if err != nil {
		return nil, err
	}
	lp := strings.TrimSpace(os.Getenv(LatinEnv))
	for _, c := range LatinCandidates {
		if lp != "" {
			break
		}
		if st, err := os.Stat(c); err == nil && !st.IsDir() {
			lp = c
		}
	}
	if lp == "" {
		return nil, errors.New("pdfdoc: no Latin TrueType font: install the Debian package fonts-dejavu-core or set " + LatinEnv)
	}
	latin, err := LoadFont(lp)
	if err != nil {
		return nil, err
	}
	return f.WithLatin(latin), nil
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

// run is a stretch of text written in one font.
type run struct {
	family string
	text   string
}

// runs splits s where it changes between Latin (letters, digits,
// punctuation below U+2E80) and CJK (everything from U+2E80: ideographs,
// full-width punctuation).
func (d *Doc) runs(s string) []run {
	var out []run
	start, cur := 0, ""
	for i, r := range s {
		fam := family
		if r < 0x2E80 {
			fam = d.latin
		}
		if fam != cur {
			if i > start {
				out = append(out, run{cur, s[start:i]})
			}
			start, cur = i, fam
		}
	}
	if len(s) > start {
		out = append(out, run{cur, s[start:]})
	}
	return out
}

// width is the width of s in mm at size.
func (d *Doc) width(s string, size float64) float64 {
	w := 0.0
	for _, r := range d.runs(s) {
		d.pdf.SetFont(r.family, "", size)
		w += d.pdf.GetStringWidth(r.text)
	}
	return w
}

// line writes s on one line of height h at the current y, in the box
// [x, x+w], aligned L, C or R.
func (d *Doc) line(s string, size, x, w, h float64, align string) {
	tw := d.width(s, size)
	switch align {
	case "C":
		x += (w - tw) / 2
	case "R":
		x += w - tw
	}
	y := d.pdf.GetY()
	for _, r := range d.runs(s) {
		d.pdf.SetFont(r.family, "", size)
		rw := d.pdf.GetStringWidth(r.text)
		d.pdf.SetXY(x, y)
		d.pdf.CellFormat(rw, h, r.text, "", 0, "L", false, 0, "")
		x += rw
	}
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
