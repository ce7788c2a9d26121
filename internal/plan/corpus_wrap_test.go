package plan

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWrappedCorpus reads the development documents again as a PDF's text
// layer gives them — every line of prose broken after 30 or 36 runes (in a
// number, a unit or a word alike), or after 28 (an official 公文's line) or
// 30 as a word processor breaks (never before closing punctuation, never
// inside a run of digits and letters), and a page number between pages —
// and asks for the same targets and sections: precision, recall and
// sections within a point of the text as written. The tune half of
// KEXIE_CORPUS (never the held-out one), and KEXIE_EXTRA_CORPUS when named;
// table rows (| or tab) are not broken.
// Before D127 a line the break opened with a grade (5.6 级地震…) was taken
// for a decimal heading, and a report whose delivery line broke (——2026年
// 2月4日在…第五\n次会议上) was no report: their reviews read as goals; before
// D129 a line the break opened with 一、二季度… ended a report's review.
func TestWrappedCorpus(t *testing.T) {
	dirs := map[string]string{"tune": os.Getenv("KEXIE_CORPUS"), "extra": os.Getenv("KEXIE_EXTRA_CORPUS")}
	if dirs["tune"] == "" {
		t.Skip("KEXIE_CORPUS is not set: the development corpus of plan documents is an extra corpus")
	}
	for _, split := range []string{"tune", "extra"} {
		dir := dirs[split]
		if dir == "" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join("testdata", "corpus", split, "*.json"))
		sort.Strings(files)
		for _, style := range []struct {
			width    int
			wordWise bool
			name     string
		}{{30, false, "after 30 runes"}, {36, false, "after 36 runes"}, {28, true, "as words break, 28 runes"}, {30, true, "as words break, 30 runes"}} {
			width := style.width
			var plain, wrapped score
			for _, f := range files {
				ld := readLabels(t, f)
				src, err := os.ReadFile(filepath.Join(dir, ld.File))
				if err != nil {
					if split == "extra" {
						continue // (a development document this machine lacks)
					}
					t.Fatal(err)
				}
				text := string(src)
				if isPage(ld.File) || strings.Contains(text, "\r") {
					continue // (a page is no text layer; CRLF would move the offsets)
				}
				if why, ok := wrapLeftOut[ld.File]; ok {
					if width == 30 && !style.wordWise {
						t.Logf("%s left out: %s", ld.File, why)
					}
					continue
				}
				doc, _ := ingestText(text, nil)
				plain.add(scoreDoc(text, doc, ld.Targets, ld.Sections))
				w, at := wrapLines(text, width, 40, style.wordWise)
				ts := append([]label(nil), ld.Targets...)
				for i := range ts {
					ts[i].Start, ts[i].End = at[ts[i].Start], at[ts[i].End-1]+1
				}
				ss := append([]sectionLabel(nil), ld.Sections...)
				for i := range ss {
					ss[i].Start, ss[i].End = at[ss[i].Start], at[ss[i].End-1]+1
				}
				wd, _ := ingestText(w, nil)
				wrapped.add(scoreDoc(w, wd, ts, ss))
			}
			t.Logf("%s, lines broken %s: as written %s; broken %s", split, style.name, plain, wrapped)
			p0, r0, s0 := plain.precision(), plain.recall(), plain.sections()
			p1, r1, s1 := wrapped.precision(), wrapped.recall(), wrapped.sections()
			if p1 < p0-0.01 || r1 < r0-0.01 || s1 < s0-0.01 {
				t.Errorf("%s, lines broken %s: precision %.3f → %.3f, recall %.3f → %.3f, sections %.3f → %.3f (more than a point lost)", split, style.name, p0, p1, r0, r1, s0, s1)
			}
		}
	}
}

// wrapLeftOut are development documents the probe leaves out, and why: a
// gap it found that no rule closes yet (docs/decisions.md D137).
// None now: 280's task table, whose sentence cells broke at the same
// places and repeated, is read since wrappedRepeat.
var wrapLeftOut = map[string]string{}

// wrapLines breaks every line of text that is no table row after each
// width runes, with a page number (— 2 —) every pageLines lines; at maps
// each rune offset of text (and its end) to the broken text's. wordWise
// breaks as a word processor does: at the first place after width runes
// that is not before closing punctuation nor inside a run of ASCII digits
// and letters.
func wrapLines(text string, width, pageLines int, wordWise bool) (string, []int) {
	var b strings.Builder
	rs := []rune(text)
	at := make([]int, len(rs)+1)
	n, col, lines, page, row := 0, 0, 0, 1, false
	for i, r := range rs {
		if i == 0 || rs[i-1] == '\n' {
			end := i
			for end < len(rs) && rs[end] != '\n' {
				end++
			}
			row = strings.ContainsAny(string(rs[i:end]), "|\t")
		}
		held := wordWise && (strings.ContainsRune("，。、；：？！）」』》〉】”’%％,.;:)!?", r) || i > 0 && asciiWord(r) && asciiWord(rs[i-1]))
		if r != '\n' && col >= width && !row && !held {
			b.WriteByte('\n')
			n, col = n+1, 0
			if lines++; lines >= pageLines {
				s := "\n— " + strconv.Itoa(page) + " —\n"
				b.WriteString(s)
				n += utf8.RuneCountInString(s)
				page, lines = page+1, 0
			}
		}
		at[i] = n
		b.WriteRune(r)
		n++
		if col++; r == '\n' {
			col = 0
			lines++
		}
	}
	at[len(rs)] = n
	return b.String(), at
}

// asciiWord reports a rune a word processor keeps on one line with its
// neighbours of the same kind: an ASCII digit, letter or point.
func asciiWord(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.'
}
