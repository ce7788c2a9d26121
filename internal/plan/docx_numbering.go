package plan

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Word's automatic numbering: a paragraph that is numbered by a list
// (w:numPr, in the paragraph or in its style) holds no number in its text —
// "一、" or "（一）" is drawn by Word from word/numbering.xml. DocxText writes
// the number where Word draws it, so that headings numbered this way are
// read like typed ones.

// docxLists is a document's numbering: each list's levels and counters.
type docxLists struct {
	nums      map[string]string       // numId → abstractNumId
	levels    map[string]*[9]docxLvl  // abstractNumId → its levels
	styleLink map[string]string       // abstractNumId → the list style whose list it is (numStyleLink)
	styles    map[string]docxNumPr    // styleId → the numbering its paragraphs take
	overrides map[string]map[int]int  // numId → the levels it starts over at a number of its own (startOverride)
	redefined map[string]*[9]*docxLvl // numId → the levels it draws its own way (a w:lvl in its w:lvlOverride)
	entered   map[string]bool         // the lists whose start over is done: their first paragraph is read
	count     map[string]*[9]int      // abstractNumId → the counter of each level
}

// docxLvl is one level of a list: where it starts, how its numbers are
// written (numFmt) and the text around them (lvlText, "%1、").
type docxLvl struct {
	start        int
	format, text string
	suffix       string // tab (the default), space or nothing after the number
	restart      int    // the level (1-based) whose use, or a higher's, starts it over; 0 never; -1 the one above (the default)
	legal        bool   // w:isLgl: every level's number in Arabic numerals (1.1 under 第一章)
}

// newDocxLvl is a level as w:lvl sets it before its properties.
func newDocxLvl() docxLvl { return docxLvl{start: 1, format: "decimal", suffix: "tab", restart: -1} }

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
		styleLink: map[string]string{}, overrides: map[string]map[int]int{}, redefined: map[string]*[9]*docxLvl{}, entered: map[string]bool{}, count: map[string]*[9]int{}}
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
	over := -1          // a level a list overrides
	var cur *docxLvl    // the level whose w:lvl is open: an abstract list's or one a list redefines
	inOverride := false // cur is a list's own (w:lvl in w:lvlOverride)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) || err != nil {
			return
		}
		if e, ok := tok.(xml.EndElement); ok && e.Name.Local == "lvl" {
			cur = nil
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
			cur, inOverride = nil, false
			lvl := attrInt(t, "ilvl")
			switch {
			case styles:
			case abs != "" && num == "" && lvl >= 0 && lvl < 9:
				l.levels[abs][lvl] = newDocxLvl()
				cur = &l.levels[abs][lvl]
			case num != "" && over >= 0 && over < 9:
				// a list's own level (17.9.6): the w:lvlOverride's level,
				// whatever the w:lvl's own ilvl says
				if l.redefined[num] == nil {
					l.redefined[num] = &[9]*docxLvl{}
				}
				v := newDocxLvl()
				l.redefined[num][over], cur, inOverride = &v, &v, true
			}
		case "start", "numFmt", "lvlText", "suff", "lvlRestart", "isLgl":
			if cur == nil {
				continue
			}
			switch t.Name.Local {
			case "start":
				cur.start, _ = strconv.Atoi(val)
			case "numFmt":
				cur.format = val
			case "lvlText":
				// no longer than Word holds: 31 characters drawn, each of
				// at most nine %n one at least (a longer one, none)
				if utf8.RuneCountInString(val) <= maxListLabel+9 {
					cur.text = val
				}
			case "suff":
				cur.suffix = val
			case "lvlRestart":
				// Word takes it from an abstract list's level only, and
				// only 0–7 (MS-OI29500 on 17.9.10)
				if n, err := strconv.Atoi(val); err == nil && !inOverride && n >= 0 && n <= 7 {
					cur.restart = n
				}
			case "isLgl":
				cur.legal = onOff(val)
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
	// at 1", "set numbering value"), or redefines them from a start of
	// their own (a w:lvl in its w:lvlOverride), sets them where its first
	// paragraph stands, and the lists after it count on from there
	// (ECMA-376 17.9).
	c := l.count[key]
	if c == nil {
		c = &[9]int{}
		for i := range c {
			c[i] = levels[i].start - 1
		}
		l.count[key] = c
	}
	if !l.entered[p.numID] {
		l.entered[p.numID] = true
		if own := l.redefined[p.numID]; own != nil {
			for i, v := range own {
				if v != nil {
					c[i] = v.start - 1
				}
			}
		}
		for i, n := range l.overrides[p.numID] {
			c[i] = n - 1
		}
	}
	c[p.ilvl]++
	// a deeper level starts over after this one, but where it restarts
	// after a higher level only, or never (w:lvlRestart; a value naming
	// no higher level is ignored)
	for i := p.ilvl + 1; i < 9; i++ {
		if r := levels[i].restart; r < 0 || r > i || r > 0 && p.ilvl < r {
			c[i] = l.level(p.numID, levels, i).start - 1
		}
	}
	v := l.level(p.numID, levels, p.ilvl)
	if v.format == "bullet" || v.format == "none" || v.text == "" {
		return ""
	}
	text := v.text
	for i := 0; i < 9; i++ {
		if k := "%" + strconv.Itoa(i+1); strings.Contains(text, k) {
			format := l.level(p.numID, levels, i).format
			if v.legal {
				format = "decimal" // legal numbering: 1.1 under 第一章
			}
			text = strings.ReplaceAll(text, k, listNumber(c[i], format))
		}
	}
	if utf8.RuneCountInString(text) > maxListLabel {
		return "" // (none Word draws)
	}
	if v.suffix != "nothing" {
		text += " "
	}
	return text
}

// maxListLabel is the most characters of a number Word draws (MS-OI29500
// on ECMA-376 17.9.11: lvlText, once its %n are numbers).
const maxListLabel = 31

// level is level i as list numID draws it: its own (a w:lvl in its
// w:lvlOverride) or its abstract list's.
func (l *docxLists) level(numID string, levels *[9]docxLvl, i int) docxLvl {
	if own := l.redefined[numID]; own != nil && own[i] != nil {
		return *own[i]
	}
	return levels[i]
}

// onOff reads an ST_OnOff value: on unless 0, false or off.
func onOff(val string) bool { return val != "0" && val != "false" && val != "off" }

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
