package plan

import (
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrNoStructure is returned for text in which no numbered section is found.
var ErrNoStructure = errors.New("plan: no numbered sections found")

// MaxText is the largest plan text Ingest reads (a plan is tens of kB).
const MaxText = 8 << 20

// normalize maps full-width digits and punctuation to their ASCII forms one
// rune for one rune, so rune offsets into the normalized text are offsets
// into the original: indicators quote the document exactly.
func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x2E80 && r <= 0x2FDF {
			return radical(r)
		}
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．' || r == '﹒':
			return '.'
		case r == '（':
			return '('
		case r == '）':
			return ')'
		case r == '～' || r == '〜':
			return '~'
		case r == '－' || r == '—' || r == '–':
			return '-'
		case r == '％':
			return '%'
		case r == '：':
			return ':'
		case r == '；':
			return ';'
		case r == '\u3000' || r == '\t':
			return ' '
		}
		return r
	}, s)
}

var (
	rePeriodYears = regexp.MustCompile(`(20\d\d)\s*(?:年\s*)?[-~至—–－～]\s*(20\d\d)\s*年`)
	// an annual plan's year in its title (《2025年…工作要点》)
	reTitleYear = regexp.MustCompile(`(20\d\d)年(?:度)?[^—\-~至]*(?:工作要点|工作方案|工作计划|行动计划|实施方案|要点|计划|方案|安排|办法)|(?:要点|计划|方案)\s*[(（](20\d\d)年[)）]|[(（](20\d\d)年版[)）]`)
	// the first deadline a plan states (到2027年，…): its end when no span is given
	reFirstDeadline = regexp.MustCompile(`(?:到|至) ?(20\d\d) ?年`)
	reInlineLead    = regexp.MustCompile(`\(([^()]{2,80}?)牵头(?:[,，、;]\s*([^()]{2,120}?)(?:等)?(?:配合|参与|协同))?\)`)
	reLead          = regexp.MustCompile(`(牵头(?:部门|单位)|责任(?:部门|单位)|配合(?:部门|单位))\s*[:]\s*`)
)

// nextTextLine is the index of the next line after i with text, page
// markers and blank lines skipped (at most five), or -1.
func nextTextLine(lines []string, i int) int {
	for j := i + 1; j < len(lines) && j <= i+6; j++ {
		if lines[j] != "" && !pageMarker(lines[j]) {
			return j
		}
	}
	return -1
}

// Ingest reads a plan's plain text. It never panics and runs in time linear
// in the input: every line is looked at a bounded number of times.
func Ingest(r io.Reader) (*Doc, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxText+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxText {
		return nil, errors.New("plan: the text is larger than 8 MB")
	}
	text := strings.ToValidUTF8(string(data), "\uFFFD")
	doc := &Doc{Sections: []*Section{}, Indicators: []Indicator{}, Responsibilities: []Responsibility{}}
	var lines, origs []string
	var offs []int // the rune offset in text of each trimmed line
	pos := 0
	var pieces []string
	for raw := range strings.SplitSeq(text, "\n") {
		// headings run into the line before them (a web page whose
		// paragraphs lost their breaks: …制定本方案。一、总体要求（一）…)
		// start lines of their own
		pieces = runInHeadings(raw, pieces[:0])
		for _, piece := range pieces {
			o := strings.ReplaceAll(piece, "\u3000", " ")
			trimmed := strings.TrimLeftFunc(o, blank)
			offs = append(offs, pos+utf8.RuneCountInString(o)-utf8.RuneCountInString(trimmed))
			o = strings.TrimRightFunc(trimmed, blank)
			origs = append(origs, o)
			lines = append(lines, normalize(o))
			pos += utf8.RuneCountInString(piece)
		}
		pos++
	}
	doc.Title, doc.Issuer = titleAndIssuer(lines)
	names := namedCounts(lines)
	doc.Period = period(doc.Title, lines)
	var within *int = doc.Period.Start
	if within == nil {
		within = withinFrom(nil, issueYear(lines))
	}
	annual := doc.Period.Start != nil && doc.Period.End != nil && *doc.Period.Start == *doc.Period.End

	type open struct {
		level    int
		sec      *Section
		deadline *int // stated at the head of the section's text
		past     bool
	}
	var stack []open
	path := func() []string {
		p := make([]string, len(stack))
		for i, o := range stack {
			p[i] = o.sec.Number
		}
		return p
	}
	// Lines repeated on every page (a printout's header: the title, the
	// date and time) are furniture, not text.
	seen := map[string]int{}
	for _, l := range lines {
		if l != "" && utf8.RuneCountInString(l) <= 60 {
			seen[l]++
		}
	}
	apart := figuresApart(lines) // figures on lines of their own: not page numbers
	var tbl *table               // the indicator table being read
	// A table of contents is a run of headings without text between them.
	withText, headingHasText := 0, false
	// A paragraph is read as a whole: a PDF's text breaks its lines (and
	// puts blank lines and page numbers between them) inside sentences.
	var para paragraph
	var sentences sentenceRead // where each sentence is read
	flush := func() {
		if len(para.nb) == 0 {
			return
		}
		inds, opened := indicators(&sentences, para.nb, para.ob, para.pos, &para.ctx)
		doc.Indicators = append(doc.Indicators, inds...)
		if opened != nil && para.open != nil {
			*para.open = opened
		}
		para = paragraph{nb: para.nb[:0], ob: para.ob[:0], pos: para.pos[:0]} // the buffers are reused
	}
	titleLine := -1    // a line that was the title of the heading above it
	lastL3 := 0        // the number of the last 1. heading (a list may run past 99.)
	lastDecimal := ""  // the number of the last heading of a decimal outline (2.1)
	annexList := false // the line before named the plan's annexes
	for i, line := range lines {
		glued := numberInSentence(lines, i, &para, apart) // a figure of the sentence on a line of its own
		var tail *paraPiece                               // text after a clause of units that closes an item
		if line == "" || (pageMarker(line) || seen[line] >= 3 && !isHeadingLine(line)) && !glued || i == titleLine || pageTriple(lines, i) {
			continue
		}
		row := false // a row of a table that is not an indicator table
		if len(stack) > 0 {
			cs := cells(origs[i])
			row = len(cs) >= 3
			if tbl != nil && reMarkdownRule.MatchString(line) {
				continue
			}
			if tbl != nil {
				if inds, ok := tbl.rows(cs, origs[i], offs[i], path()); ok {
					flush()
					for _, ind := range inds {
						ind.Candidate = stack[len(stack)-1].past
						doc.Indicators = append(doc.Indicators, ind)
					}
					continue
				}
				tbl = nil
			}
			if t, ok := tableHeader(cs, doc.Period.End); ok {
				flush()
				tbl = t
				if i > 0 {
					if m := reUnitLine.FindStringSubmatch(lines[i-1]); m != nil {
						tbl.unitAbove = m[1]
					}
				}
				continue
			}
		}
		body, orig, base := line, origs[i], offs[i]
		level, number, rest, isHeading := heading(line)
		if !isHeading && line[0] >= '1' && line[0] <= '9' && lastL3 >= 99 {
			if m := reL3Long.FindStringSubmatch(line); m != nil && m[1] == strconv.Itoa(lastL3+1) {
				level, number, rest, isHeading = 3, m[1], m[2], true
			}
		}
		if !isHeading && lastDecimal != "" && isDigit(rune(line[0])) {
			// 7.2 本预案…, 5.1.1 为应对…: the next number of a decimal
			// outline is a heading whatever its title starts with
			if m := reDecimal.FindStringSubmatch(line); m != nil && m[2] != "" && decimalNext(lastDecimal, m[1]+m[2]) {
				level, number, rest, isHeading = 3+strings.Count(m[2], "."), m[1]+m[2], m[3], true
			}
		}
		if isHeading && level == 3 {
			lastL3, _ = strconv.Atoi(number)
		}
		if isHeading && level >= 3 && (strings.Contains(number, ".") || level == 3 && reDecimal.MatchString(line)) {
			lastDecimal = number
		}
		if annexList && isHeading && level == 3 {
			continue // the list of a plan's annexes (附件：1.… 2.… 3.…), not its sections
		}
		annexList = annexLine(line)
		if isHeading || !para.continues() && !glued {
			flush()
		}
		if isHeading && rest == "" {
			// A number alone on its line (a PDF's layout): the title is
			// the next short line, when it is one.
			if j := nextTextLine(lines, i); j > 0 && utf8.RuneCountInString(lines[j]) <= 40 && !isHeadingLine(lines[j]) && !strings.ContainsAny(lines[j], "。;") {
				titleLine = j
			}
		}
		if isHeading && len(stack) < 64 {
			title := titleOf(rest)
			if titleLine > i {
				title = titleOf(lines[titleLine])
			}
			for len(stack) > 0 && stack[len(stack)-1].level >= level {
				stack = stack[:len(stack)-1]
			}
			// Level is the depth in the document's numbering.
			sec := &Section{Number: number, Title: title, Level: len(stack) + 1, Children: []*Section{}}
			headingHasText = false
			if len(stack) == 0 && tableOfContents(doc.Sections, number) && withText <= 1 {
				withText = 0
				// The headings seen so far were a table of contents: the
				// body starts again at its first number.
				doc.Sections, doc.Indicators, doc.Responsibilities = []*Section{}, []Indicator{}, []Responsibility{}
			}
			if len(stack) == 0 {
				doc.Sections = append(doc.Sections, sec)
			} else {
				parent := stack[len(stack)-1].sec
				parent.Children = append(parent.Children, sec)
			}
			stack = append(stack, open{level: level, sec: sec, past: pastTitle(sec.Title) || len(stack) > 0 && stack[len(stack)-1].past})
			off := utf8.RuneCountInString(line) - utf8.RuneCountInString(rest)
			body, orig, base = rest, string([]rune(orig)[off:]), base+off
			lead := 0
			if leadMark(line) {
				lead = utf8.RuneCountInString(reMarkdownLead.FindString(line))
			}
			sec.Start, sec.End = offs[i]+lead, offs[i]+off+utf8.RuneCountInString(sec.Title)
			if titleLine > i {
				sec.End = offs[i] + off // the number; its title is on the next line
			}
		}
		if len(stack) == 0 {
			// The preamble before the first section: a plan may state its
			// goals there (到2027年，培育…).
			if !para.continues() {
				flush()
			}
			if len(para.nb) == 0 {
				para.ctx = lineCtx{section: []string{}, planStart: doc.Period.Start, within: within, annual: annual, deadline: doc.Period.End, preamble: true, names: names}
			}
			para.add(body, orig, base)
			continue
		}
		if m := reInlineLead.FindStringSubmatch(body); m != nil {
			// "(A牵头,B、C配合)" closes the item it ends.
			resp := Responsibility{Section: path(), Lead: splitUnits(m[1]), Cooperate: splitUnits(m[2])}
			if resp.Cooperate == nil {
				resp.Cooperate = []string{}
			}
			doc.Responsibilities = append(doc.Responsibilities, resp)
		}
		if loc := reLead.FindStringIndex(body); loc != nil && loc[0] > 3 {
			// A clause "(责任单位:A、B)" after the text of an item: the
			// item's units; the text before it is read as usual.
			if resp, ok := responsibility(body[loc[0]:]); ok {
				resp.Section = path()
				doc.Responsibilities = append(doc.Responsibilities, resp)
			}
			k := utf8.RuneCountInString(body[:loc[0]])
			if c := strings.IndexByte(body[loc[1]:], ')'); c >= 0 && strings.TrimSpace(body[loc[1]+c+1:]) != "" {
				// …(牵头单位:A)加快…: the next item's text runs on after it
				at := utf8.RuneCountInString(body[:loc[1]+c+1])
				tail = &paraPiece{body[loc[1]+c+1:], string([]rune(orig)[at:]), base + at}
			}
			body, orig = body[:loc[0]], string([]rune(orig)[:k])
		} else if close := strings.IndexByte(body, ')'); loc != nil && strings.HasPrefix(body, "(") && close > 0 && close+1 < len(body) {
			// "(责任单位:A)" closing the last item, then the next item's text.
			if resp, ok := responsibility(body[:close+1]); ok {
				resp.Section = path()
				doc.Responsibilities = append(doc.Responsibilities, resp)
			}
			k := utf8.RuneCountInString(body[:close+1])
			body, orig, base = body[close+1:], string([]rune(orig)[k:]), base+k
		} else if resp, ok := responsibility(body); ok {
			flush()
			// A 牵头/配合 line after numbered items belongs to the task
			// (level 1–2) the items make up.
			p := path()
			for len(p) > 1 && stack[len(p)-1].level >= 3 {
				p = p[:len(p)-1]
			}
			resp.Section = p
			if n := len(doc.Responsibilities); n > 0 && strings.Join(doc.Responsibilities[n-1].Section, "/") == strings.Join(p, "/") {
				last := &doc.Responsibilities[n-1]
				last.Lead = append(last.Lead, resp.Lead...)
				last.Cooperate = append(last.Cooperate, resp.Cooperate...)
			} else {
				doc.Responsibilities = append(doc.Responsibilities, resp)
			}
			continue
		}
		if (!isHeading || runInText(body)) && strings.ContainsAny(body, "。，,;") && !headingHasText {
			withText++ // a heading followed by sentences: not a table of contents
			headingHasText = true
		}
		startPara := func() {
			if len(para.nb) > 0 {
				return
			}
			top := &stack[len(stack)-1]
			para.open = &top.deadline
			para.ctx = lineCtx{section: path(), planStart: doc.Period.Start, within: within, annual: annual, deadline: doc.Period.End, past: top.past, names: names}
			for _, o := range stack {
				para.ctx.goalSection = para.ctx.goalSection || strings.Contains(o.sec.Title, "目标")
			}
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].deadline != nil {
					para.ctx.deadline = stack[k].deadline
					break
				}
			}
		}
		startPara()
		if row && !isHeading {
			// a table's row is read alone, each cell a clause of its own
			// (a task in one, its unit in the next, a date in the last)
			flush()
			para.add(cellBreaks(body), orig, base)
			flush()
			continue
		}
		para.add(body, orig, base)
		if isHeading && !strings.ContainsAny(body, "。，,;") {
			flush() // a heading alone on its line: its title does not run on
		}
		if tail != nil {
			flush() // the item the units closed, then the next one's text
			startPara()
			para.add(tail.nb, tail.ob, tail.base)
		}
	}
	flush()
	if len(doc.Sections) == 0 {
		return doc, ErrNoStructure
	}
	return doc, nil
}
