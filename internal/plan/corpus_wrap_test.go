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
// number, a unit or a word alike) and a page number between pages — and
// asks for the same targets: precision and recall within a point of the
// text as written. The tune half of KEXIE_CORPUS (never the held-out one),
// and KEXIE_EXTRA_CORPUS when named; table rows (| or tab) are not broken.
// Before D127 a line the break opened with a grade (5.6 级地震…) was taken
// for a decimal heading, and a report whose delivery line broke (——2026年
// 2月4日在…第五\n次会议上) was no report: their reviews read as goals.
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
		for _, width := range []int{30, 36} {
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
				doc, _ := ingestText(text, nil)
				plain.add(scoreDoc(text, doc, ld.Targets, ld.Sections))
				w, at := wrapLines(text, width, 40)
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
			t.Logf("%s, lines broken after %d runes: as written %s; broken %s", split, width, plain, wrapped)
			p0, r0 := plain.precision(), plain.recall()
			p1, r1 := wrapped.precision(), wrapped.recall()
			if p1 < p0-0.01 || r1 < r0-0.01 {
				t.Errorf("%s, lines broken after %d runes: precision %.3f → %.3f, recall %.3f → %.3f (more than a point lost)", split, width, p0, p1, r0, r1)
			}
		}
	}
}

// wrapLines breaks every line of text that is no table row after each
// width runes, with a page number (— 2 —) every pageLines lines; at maps
// each rune offset of text (and its end) to the broken text's.
func wrapLines(text string, width, pageLines int) (string, []int) {
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
		if r != '\n' && col == width && !row {
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
