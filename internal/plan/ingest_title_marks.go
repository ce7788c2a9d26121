package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// plainTitles shows each section's title without the Markdown emphasis a
// page's converter left in it: 建设** **产业园区 (two bold runs and the
// space the page set between them) is 建设产业园区. It runs once the
// document is read: the reading itself (levels, offsets, what a title says
// of its section's targets, the learned model's words) saw the title as
// written, and moves not at all.
func plainTitles(ss []*Section) {
	for _, s := range ss {
		s.Title = plainTitle(s.Title)
		plainTitles(s.Children)
	}
}

// titlePart is a run of a title: an emphasis mark, a gap of spaces, or one
// character of its text.
type titlePart struct {
	text      string
	mark, gap bool
}

// plainTitle is a title without its emphasis marks: runs of two or three *
// or _ (**bold**, __bold__, ***both***), and the spaces a page set between
// two such marks (** **), unless the words on both sides are Latin letters
// or digits (AI** **Plus keeps its space). A longer run of _ is a blank to
// fill in, not a mark, and a single * may be a note's: both stay.
func plainTitle(title string) string {
	if !strings.Contains(title, "**") && !strings.Contains(title, "__") {
		return title
	}
	var parts []titlePart
	for i := 0; i < len(title); {
		r, n := utf8.DecodeRuneInString(title[i:])
		j := i + n
		switch {
		case r == '*' || r == '_':
			for j < len(title) && rune(title[j]) == r {
				j++
			}
			parts = append(parts, titlePart{text: title[i:j], mark: j-i == 2 || j-i == 3})
		case r == ' ' || r == '\u3000':
			for j < len(title) {
				r, n := utf8.DecodeRuneInString(title[j:])
				if r != ' ' && r != '\u3000' {
					break
				}
				j += n
			}
			parts = append(parts, titlePart{text: title[i:j], gap: true})
		default:
			parts = append(parts, titlePart{text: title[i:j]})
		}
		i = j
	}
	// latin reports whether the text nearest part k, going by step past
	// marks, is a Latin letter or a digit.
	latin := func(k, step int) bool {
		for k += step; k >= 0 && k < len(parts) && parts[k].mark; k += step {
		}
		if k < 0 || k >= len(parts) || parts[k].gap {
			return false
		}
		r, _ := utf8.DecodeRuneInString(parts[k].text)
		return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
	}
	var b strings.Builder
	for k, p := range parts {
		if p.mark {
			continue
		}
		if p.gap && k > 0 && k+1 < len(parts) && parts[k-1].mark && parts[k+1].mark && !(latin(k, -1) && latin(k, 1)) {
			continue
		}
		b.WriteString(p.text)
	}
	return strings.TrimSpace(b.String())
}
