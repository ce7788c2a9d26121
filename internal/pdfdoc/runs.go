package pdfdoc

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
