package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// OCRNotice tells the reviewer that a document's text looks made by OCR from
// a scan: many of its numbers hold a letter or an odd sign (1L 7, 3H00,
// 1 · 4, 21，7％), so the values read from them may be wrong and each target
// is to be checked against the original. It changes no reading; Ingest sets
// it only when ocrFires says so (D194).
type OCRNotice struct {
	Suspects int       `json:"suspects"` // the numbers that look misread
	Numbers  int       `json:"numbers"`  // the numbers the text has
	Spots    []OCRSpot `json:"spots"`    // the first few suspects, in document order
}

// OCRSpot is one number that looks misread, with a few characters around it.
type OCRSpot struct {
	Text   string `json:"text"`   // as written: "1L 7"
	Before string `json:"before"` // up to ocrContext characters before it on its line
	After  string `json:"after"`  // and after
	Line   int    `json:"line"`   // 1-based
	Start  int    `json:"start"`  // rune offsets in the text read
	End    int    `json:"end"`
	from   int    // byte offsets in the text, for the review page's anchors
	to     int
}

const (
	ocrSpots   = 5 // spots kept on the notice
	ocrContext = 8 // characters of context on each side of a spot
	ocrLongest = 8 // a run of letters and digits longer is a code, not a misread number
	// A text fires with at least ocrMinSuspects suspect numbers that are at
	// least one in ocrRate of its numbers (D194): a stray code in a clean
	// document does not, a scan's layer misread here and there does.
	// (The notice's message says "numbers": never fewer than three.)
	ocrMinSuspects = 3
	ocrRate        = 200
)

// ocrNotice is the notice for text, or nil when its numbers do not look
// misread. One pass over the text, each rune looked at a bounded number of
// times.
func ocrNotice(text string) *OCRNotice {
	n := ocrScan(text, ocrSpots)
	if !ocrFires(n.Suspects, n.Numbers) {
		return nil
	}
	return n
}

// ocrFires is the threshold (D194).
func ocrFires(suspects, numbers int) bool {
	return suspects >= ocrMinSuspects && suspects*ocrRate >= numbers
}

// ocrScan counts the numbers of text and those that look misread, keeping
// the first keep of those.
func ocrScan(text string, keep int) *OCRNotice {
	out := &OCRNotice{}
	var tok ocrToken
	line, runes := 1, 0
	lineStart := 0 // byte offset of the current line
	var prev rune  // the rune before the token being gathered
	var before rune
	for i := 0; i <= len(text); {
		r, size := rune(-1), 0
		if i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		f := ocrFold(r)
		switch {
		case ocrAlnum(f):
			if len(tok.runes) == 0 {
				before = prev
			}
			tok.add(f, i, size, runes)
		case len(tok.runes) > 0 && ocrGlue(f) && tok.glue() < 3:
			tok.add(f, i, size, runes)
		default:
			if len(tok.runes) > 0 {
				tok.trim()
				if tok.digits() {
					out.Numbers++
					if ocrSuspect(tok.runes, before, r, text, tok.bytes[0]) {
						out.Suspects++
						if len(out.Spots) < keep {
							out.Spots = append(out.Spots, tok.spot(text, line, lineStart))
						}
					}
				}
				tok.reset()
			}
		}
		if r == '\n' {
			line++
			lineStart = i + size
		}
		prev = f
		runes++
		if size == 0 {
			break
		}
		i += size
	}
	return out
}

// ocrToken is a run of letters and digits with what may join a number's
// parts (a space, a point, a middle dot, a comma), being gathered.
type ocrToken struct {
	runes []rune
	bytes []int // the byte offset of each rune
	first int   // the rune offset of the first
	end   int   // the byte offset after the last
}

// add appends r (folded), written in size bytes at byte b, rune ro.
func (t *ocrToken) add(r rune, b, size, ro int) {
	if len(t.runes) == 0 {
		t.first = ro
	}
	t.runes = append(t.runes, r)
	t.bytes = append(t.bytes, b)
	t.end = b + size
}

// glue counts the joining runes at the token's end.
func (t *ocrToken) glue() int {
	n := 0
	for i := len(t.runes) - 1; i >= 0 && ocrGlue(t.runes[i]); i-- {
		n++
	}
	return n
}

// trim drops joining runes at the end: they joined nothing.
func (t *ocrToken) trim() {
	n := t.glue()
	if n == 0 {
		return
	}
	t.end = t.bytes[len(t.runes)-n]
	t.runes, t.bytes = t.runes[:len(t.runes)-n], t.bytes[:len(t.bytes)-n]
}

func (t *ocrToken) digits() bool {
	for _, r := range t.runes {
		if isASCIIDigit(r) {
			return true
		}
	}
	return false
}

func (t *ocrToken) reset() { t.runes, t.bytes = t.runes[:0], t.bytes[:0] }

// spot is the token as written in text, with its context on its line.
func (t *ocrToken) spot(text string, line, lineStart int) OCRSpot {
	from, to := t.bytes[0], t.end
	s := OCRSpot{Text: text[from:to], Line: line, Start: t.first, End: t.first + len(t.runes), from: from, to: to}
	b := text[lineStart:from]
	for n := 0; n < ocrContext && b != ""; n++ {
		_, size := utf8.DecodeLastRuneInString(b)
		b = b[:len(b)-size]
	}
	s.Before = strings.TrimLeft(text[lineStart+len(b):from], " \t")
	a := text[to:]
	if j := strings.IndexAny(a, "\n\r"); j >= 0 {
		a = a[:j]
	}
	n, j := 0, 0
	for j < len(a) && n < ocrContext {
		_, size := utf8.DecodeRuneInString(a[j:])
		j += size
		n++
	}
	s.After = strings.TrimRight(a[:j], " \t")
	return s
}

// ocrSuspect reports whether a number as written (folded to ASCII letters
// and digits) looks misread: before is the rune before it, after the rune
// after it, from its byte offset in text.
func ocrSuspect(rs []rune, before, after rune, text string, from int) bool {
	if strings.ContainsRune("/\\=_-:@#&?%.·", before) || ocrLetter(before) {
		return false // a web address, a code, a file name
	}
	percent := after == '%' || after == '％' // after is past the spaces that follow it
	parts, glues := ocrParts(rs)
	for k, p := range parts {
		if ocrLettered(p) {
			return true
		}
		if k == 0 {
			continue
		}
		g, q := glues[k-1], parts[k-1]
		switch {
		case ocrDot(g) && (strings.Contains(g, " ") || percent) && ocrAllDigits(q) && ocrAllDigits(p):
			return true // 1 · 4, 1·4%
		case ocrComma(g) && percent && k == len(parts)-1 && ocrAllDigits(q) && ocrAllDigits(p) && len(p) <= 2:
			return true // 21，7％
		case g == " " && isASCIIDigit(q[0]) && ocrConfusable(q[len(q)-1]) && isASCIIDigit(p[0]):
			return true // 1L 7
		}
	}
	if after == '‰' && !ocrPerMille(text, from) {
		return true // ‰ for ％
	}
	if percent && len(parts) == 1 && strings.ContainsRune("lIO", parts[0][0]) && ocrAllDigits(parts[0][1:]) {
		return true // l5% for 15%
	}
	return false
}

// ocrLettered reports a part that begins with a digit and holds a letter
// that is followed by a digit (3H00, 1g85, 2O25), or that holds only the
// letters O, o and l beside its digits (1OO): not 7x24, not a unit's power
// (10m2, 500km2), not a code or a hash longer than ocrLongest (an 索引号's
// 11000000XH0000004D, a SHA256).
func ocrLettered(p []rune) bool {
	if !isASCIIDigit(p[0]) || len(p) > ocrLongest {
		return false
	}
	letters, onlyZeroOne := 0, true
	for j := 1; j < len(p); j++ {
		r := p[j]
		if !ocrLetter(r) {
			continue
		}
		letters++
		if !strings.ContainsRune("Ool", r) {
			onlyZeroOne = false
		}
		if j+1 < len(p) && isASCIIDigit(p[j+1]) && r != 'x' && r != 'X' {
			k := j + 1
			for k < len(p) && isASCIIDigit(p[k]) {
				k++
			}
			power := k == j+2 && k == len(p) && (p[j+1] == '2' || p[j+1] == '3')
			if !power {
				return true
			}
		}
	}
	return letters > 0 && onlyZeroOne && len(p) > letters
}

// ocrParts splits a number at its joining runes: the parts, and between
// each two the joining runes as written.
func ocrParts(rs []rune) (parts [][]rune, glues []string) {
	var g []rune
	start := -1
	for j, r := range rs {
		if ocrGlue(r) {
			if start >= 0 {
				parts, start = append(parts, rs[start:j]), -1
			}
			g = append(g, r)
			continue
		}
		if start < 0 {
			if len(parts) > 0 {
				glues = append(glues, string(g))
			}
			g, start = g[:0], j
		}
	}
	if start >= 0 {
		parts = append(parts, rs[start:])
	}
	return parts, glues
}

// ocrPerMille reports whether the words before byte i on its line name a
// measure counted per thousand (出生率, 千人, ESI 前1‰): ‰ is meant there.
func ocrPerMille(text string, i int) bool {
	b := text[:i]
	for n := 0; n < 16 && b != ""; n++ {
		r, size := utf8.DecodeLastRuneInString(b)
		if r == '\n' || r == '。' || r == '；' {
			break
		}
		if r == '率' || r == '千' || r == '前' {
			return true
		}
		b = b[:len(b)-size]
	}
	return false
}

// ocrFold maps full-width letters and digits to ASCII.
func ocrFold(r rune) rune {
	if r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ' {
		return r - 0xFEE0
	}
	if r == '\t' || r == '\u3000' || r == '\u00a0' {
		return ' '
	}
	return r
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }
func ocrLetter(r rune) bool    { return r < unicode.MaxASCII && unicode.IsLetter(r) }
func ocrAlnum(r rune) bool     { return isASCIIDigit(r) || ocrLetter(r) }

// ocrConfusable letters are those OCR reads for a digit.
func ocrConfusable(r rune) bool { return strings.ContainsRune("lILOoSsBgZzi", r) }

// ocrGlue runes may join the parts of a number: a space, a point, a middle
// dot, a comma.
func ocrGlue(r rune) bool {
	return r == ' ' || ocrDotRune(r) || r == '.' || r == '．' || r == ',' || r == '，'
}

func ocrDotRune(r rune) bool {
	return r == '·' || r == '・' || r == '•' || r == '‧' || r == '⋅' || r == '∙'
}

func ocrDot(g string) bool   { return strings.IndexFunc(g, ocrDotRune) >= 0 }
func ocrComma(g string) bool { return strings.ContainsAny(g, ",，") }

func ocrAllDigits(p []rune) bool {
	for _, r := range p {
		if !isASCIIDigit(r) {
			return false
		}
	}
	return len(p) > 0
}
