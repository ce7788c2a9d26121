package plan

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// Word's automatic numbering: a paragraph that is numbered by a list
// (w:numPr, in the paragraph or in its style) holds no number in its text —
// "一、" or "（一）" is drawn by Word from word/numbering.xml. DocxText writes
// the number where Word draws it, so that headings numbered this way are
// read like typed ones.

// docxLists is a document's numbering: each list's levels and counters.
type docxLists struct {
	nums      map[string]string      // numId → abstractNumId
	levels    map[string]*[9]docxLvl // abstractNumId → its levels
	styleLink map[string]string      // abstractNumId → the list style whose list it is (numStyleLink)
	styles    map[string]docxNumPr   // styleId → the numbering its paragraphs take
	overrides map[string]map[int]int // numId → the levels it starts over at a number of its own (startOverride)
	entered   map[string]bool        // the lists whose start over is done: their first paragraph is read
	count     map[string]*[9]int     // abstractNumId → the counter of each level
}

// docxLvl is one level of a list: where it starts, how its numbers are
// written (numFmt) and the text around them (lvlText, "%1、").
type docxLvl struct {
	start        int
	format, text string
	suffix       string // tab (the default), space or nothing after the number
}

// docxNumPr is a paragraph's list and level.
type docxNumPr struct {
	numID string
	ilvl  int
}

// readDocxLists reads word/numbering.xml and the numbering of word/styles.xml;
// nil when the document numbers nothing.
func readDocxLists(zr *zip.Reader) *docxLists {
	has := false
	for _, f := range zr.File {
		has = has || f.Name == "word/numbering.xml"
	}
	if !has {
		return nil
	}
	l := &docxLists{nums: map[string]string{}, levels: map[string]*[9]docxLvl{}, styles: map[string]docxNumPr{},
		styleLink: map[string]string{}, overrides: map[string]map[int]int{}, entered: map[string]bool{}, count: map[string]*[9]int{}}
	for _, f := range zr.File {
		switch f.Name {
		case "word/numbering.xml":
			l.read(f, false)
		case "word/styles.xml":
			l.read(f, true)
		}
	}
	if len(l.nums) == 0 {
		return nil
	}
	return l
}

// read walks numbering.xml (abstract lists, their levels, the lists that
// use them) or styles.xml (the numbering a paragraph style takes).
func (l *docxLists) read(f *zip.File, styles bool) {
	rc, err := f.Open()
	if err != nil {
		return
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxDocumentXML))
	var abs, num, style string
	lvl, over := -1, -1 // a level of an abstract list; a level a list overrides
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) || err != nil {
			return
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		val := attrVal(t, "val")
		switch t.Name.Local {
		case "abstractNum":
			abs, num = attrVal(t, "abstractNumId"), ""
			if l.levels[abs] == nil {
				l.levels[abs] = &[9]docxLvl{}
			}
		case "numStyleLink":
			if !styles && abs != "" && num == "" {
				l.styleLink[abs] = val // (its levels are the list style's list's)
			}
		case "num":
			num, over = attrVal(t, "numId"), -1
		case "lvlOverride":
			over = attrInt(t, "ilvl")
		case "startOverride":
			if !styles && num != "" && over >= 0 && over < 9 {
				if l.overrides[num] == nil {
					l.overrides[num] = map[int]int{}
				}
				l.overrides[num][over], _ = strconv.Atoi(val)
			}
		case "abstractNumId":
			if num != "" {
				l.nums[num] = val
			}
		case "style":
			style = attrVal(t, "styleId")
		case "lvl":
			lvl = attrInt(t, "ilvl")
			if abs != "" && num == "" && lvl >= 0 && lvl < 9 {
				l.levels[abs][lvl] = docxLvl{start: 1, format: "decimal", suffix: "tab"}
			}
		case "start", "numFmt", "lvlText", "suff":
			if styles || num != "" || abs == "" || lvl < 0 || lvl >= 9 {
				continue
			}
			v := &l.levels[abs][lvl]
			switch t.Name.Local {
			case "start":
				v.start, _ = strconv.Atoi(val)
			case "numFmt":
				v.format = val
			case "lvlText":
				v.text = val
			case "suff":
				v.suffix = val
			}
		case "numId":
			if styles && style != "" {
				p := l.styles[style]
				p.numID = val
				l.styles[style] = p
			}
		case "ilvl":
			if styles && style != "" {
				p := l.styles[style]
				p.ilvl, _ = strconv.Atoi(val)
				l.styles[style] = p
			}
		}
	}
}

// label counts a paragraph of list numID at level ilvl (its deeper levels
// start over) and returns the number Word draws before it, or "".
func (l *docxLists) label(p docxNumPr, style string) string {
	if p.numID == "" {
		s, ok := l.styles[style]
		if !ok {
			return ""
		}
		if p.numID = s.numID; s.ilvl > 0 && p.ilvl == 0 {
			p.ilvl = s.ilvl
		}
	}
	key := l.abstract(p.numID)
	levels := l.levels[key]
	if levels == nil || p.ilvl < 0 || p.ilvl >= 9 || p.numID == "0" {
		return ""
	}
	// Every list of one abstract list counts on one counter, as Word
	// counts them; a list that starts levels over (startOverride: "restart
	// at 1", "set numbering value") sets them where its first paragraph
	// stands, and the lists after it count on from there (ECMA-376 17.9).
	c := l.count[key]
	if c == nil {
		c = &[9]int{}
		for i := range c {
			c[i] = levels[i].start - 1
		}
		l.count[key] = c
	}
	if over := l.overrides[p.numID]; over != nil && !l.entered[p.numID] {
		l.entered[p.numID] = true
		for i, n := range over {
			c[i] = n - 1
		}
	}
	c[p.ilvl]++
	for i := p.ilvl + 1; i < 9; i++ {
		c[i] = levels[i].start - 1
	}
	v := levels[p.ilvl]
	if v.format == "bullet" || v.format == "none" || v.text == "" {
		return ""
	}
	text := v.text
	for i := 0; i < 9; i++ {
		if k := "%" + strconv.Itoa(i+1); strings.Contains(text, k) {
			text = strings.ReplaceAll(text, k, listNumber(c[i], levels[i].format))
		}
	}
	if v.suffix != "nothing" {
		text += " "
	}
	return text
}

// abstract is the abstract list whose levels list numID draws: its own, or,
// where that only links to a list style (w:numStyleLink: a multilevel list
// a template defines as a style), the abstract list of the list the style
// numbers with.
func (l *docxLists) abstract(numID string) string {
	abs := l.nums[numID]
	for range 3 { // (a link to a link: at most a few; never a loop)
		style, ok := l.styleLink[abs]
		if !ok {
			break
		}
		linked, ok := l.nums[l.styles[style].numID]
		if !ok || linked == abs {
			break
		}
		abs = linked
	}
	return abs
}

// listNumber writes n in one of Word's number formats.
func listNumber(n int, format string) string {
	if n < 1 {
		n = 1
	}
	pick := func(set string) string {
		rs := []rune(set)
		if n <= len(rs) {
			return string(rs[n-1])
		}
		return strconv.Itoa(n)
	}
	switch format {
	case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital":
		return chineseNumeral(n)
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(n))
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		return pick("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
	case "decimalEnclosedParen":
		return pick("⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇")
	case "decimalEnclosedFullstop":
		return pick("⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛")
	case "ideographTraditional":
		return pick("甲乙丙丁戊己庚辛壬癸")
	case "upperLetter":
		return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	case "lowerLetter":
		return pick("abcdefghijklmnopqrstuvwxyz")
	case "upperRoman":
		return pick("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ")
	case "lowerRoman":
		return pick("ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ")
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	}
	return strconv.Itoa(n)
}

// chineseNumeral writes 1–99 in Chinese numerals (一, 十, 十一, 二十三).
func chineseNumeral(n int) string {
	const d = "零一二三四五六七八九"
	digit := func(k int) string { return string([]rune(d)[k]) }
	switch {
	case n < 10:
		return digit(n)
	case n < 20:
		if n == 10 {
			return "十"
		}
		return "十" + digit(n%10)
	case n < 100:
		s := digit(n/10) + "十"
		if n%10 != 0 {
			s += digit(n % 10)
		}
		return s
	}
	return strconv.Itoa(n)
}
