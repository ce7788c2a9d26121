package plan

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lines of a flattened indicator table (ingest_flat.go): the text's
// lines as written, what is no cell among them (a page's number, a
// character of a category down the page), where a table ends, the unit its
// caption gives, whether it reviews the past.

// flatLine is one line of the text as written: its trimmed text, the rune
// offset of that text, and whether a page break (form feed) opens it.
type flatLine struct {
	text string
	at   int
	page bool
}

// flatLines splits text into its lines, each trimmed, with rune offsets.
func flatLines(text string) []flatLine {
	out := make([]flatLine, 0, strings.Count(text, "\n")+1)
	at := 0
	for raw := range strings.SplitSeq(text, "\n") {
		t := strings.TrimLeftFunc(raw, blank)
		lead := utf8.RuneCountInString(raw) - utf8.RuneCountInString(t)
		out = append(out, flatLine{text: strings.TrimRightFunc(t, blank), at: at + lead, page: strings.Contains(raw, "\f")})
		at += utf8.RuneCountInString(raw) + 1
	}
	return out
}

// captionUnit is the unit the caption right above a header gives in
// brackets at its end (主要指标（单位：个）), or a line of its own above it
// gives (单位：个); "" if none.
func captionUnit(ls []flatLine, i int) string {
	for k, seen := i-1, 0; k >= 0 && seen < 2; k-- {
		x := normalize(ls[k].text)
		if x == "" {
			continue
		}
		seen++
		if m := reUnitCaption.FindStringSubmatch(x); m != nil {
			return m[1]
		}
		if m := reUnitLine.FindStringSubmatch(x); m != nil {
			return m[1]
		}
	}
	return ""
}

// downChar reports a line of one Chinese character: a cell written down
// the page (a category: 计 / 算 / 力), a character a line.
func downChar(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	return n == len(t) && unicode.Is(unicode.Han, r)
}

// rePageNumber is a page's number on a line of its own, maybe between
// dashes (—18—, - 18 -).
var rePageNumber = regexp.MustCompile(`^[-—–－]+\s*\d{1,3}\s*[-—–－]+$|^第\s*\d{1,3}\s*页`)

// pageNumberAt reports line j as a page's number: between dashes, or a
// bare number that ends its page (a page break next, or the text's end in
// a text that has pages: paged). A text with no page's furniture at all (a
// web page, a Markdown export) ends with a table's last cell, not a page.
func pageNumberAt(ls []flatLine, j int, paged bool) bool {
	t := ls[j].text
	if rePageNumber.MatchString(t) {
		return true
	}
	if !isInt(t) {
		return false
	}
	for k := j + 1; k < len(ls); k++ {
		if ls[k].page {
			return true
		}
		if ls[k].text != "" {
			return false
		}
	}
	return paged
}

// hasPages reports a text with a page break or a page's number between
// dashes on a line of its own.
func hasPages(ls []flatLine) bool {
	return slices.ContainsFunc(ls, func(l flatLine) bool { return l.page || rePageNumber.MatchString(l.text) })
}

// flatEnd reports a line that ends a flattened table: a sentence, a
// heading, a note, an annex, a line too long for a cell, another header.
func flatEnd(t string) bool {
	x := normalize(t)
	return longCell(x) || flatStop(t)
}

// longCell reports a line too long for a cell, or a sentence: it ends a
// table, unless a row starts right after it (rowAhead).
func longCell(x string) bool {
	return utf8.RuneCountInString(x) > 40 || strings.ContainsAny(x, "。;；")
}

// rowAhead reports a row of a table numbered by 序号 starting after line j:
// its number, maybe after a category's cell, then its label. A cell of
// words too long for a cell, or a sentence, between two such rows is one
// cell of the table (至2028年底，完成…；2030年完成…), not its end.
func rowAhead(ls []flatLine, j int) bool {
	next := func(k int) int {
		for k++; k < len(ls) && ls[k].text == ""; k++ {
		}
		return k
	}
	k := next(j)
	if k < len(ls) && !isInt(ls[k].text) && utf8.RuneCountInString(ls[k].text) <= 12 && !flatEnd(ls[k].text) {
		k = next(k) // (a category's cell before the row's number)
	}
	if k >= len(ls) || !isInt(ls[k].text) || len(ls[k].text) > 3 {
		return false
	}
	l := next(k)
	return l < len(ls) && !isInt(ls[l].text) && !flatEnd(ls[l].text)
}

// flatStop reports a line that ends a flattened table whatever follows: a
// heading, a note, an annex, another header.
func flatStop(t string) bool {
	x := normalize(t)
	if normalizedHeading(x) {
		return true
	}
	for _, p := range []string{"注:", "注：", "注 ", "备注", "说明:", "资料来源", "数据来源", "附件", "附表"} {
		if strings.HasPrefix(x, p) {
			return true
		}
	}
	if !strings.Contains(t, "指标") && !strings.Contains(t, "年") {
		return false
	}
	ws, header := flatHeaderWords(t)
	return header && !amountWords(ws) // (细颗粒物年均浓度（微克/立方米）: a row's label with its unit, not a district table's column)
}

// pastTable reports a table under a heading about the past (发展基础,
// “十三五”完成情况): what it gives is proposed, as a sentence's there is.
func pastTable(ss []*Section, at int) bool {
	for len(ss) > 0 {
		k := sort.Search(len(ss), func(i int) bool { return ss[i].Start > at }) - 1
		if k < 0 {
			return false
		}
		if pastTitle(ss[k].Title) {
			return true
		}
		ss = ss[k].Children
	}
	return false
}

// allBefore reports a table whose value columns are all dated before the
// plan starts: it reports where things stood.
func allBefore(c flatCols, start *int) bool {
	if start == nil {
		return false
	}
	for _, v := range c.vals {
		if v.year == 0 || v.year >= *start {
			return false
		}
	}
	return true
}

// datedAhead reports a table with a target column dated after the plan
// starts (“十五五”目标值 beside “十四五”完成值): its column of what was done
// is where things stand, and the table sets goals.
func datedAhead(c flatCols, start *int) bool {
	if start == nil {
		return false
	}
	return slices.ContainsFunc(c.vals, func(v flatCol) bool { return !v.baseline && v.year > *start })
}
