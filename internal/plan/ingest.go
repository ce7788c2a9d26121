package plan

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ErrNoStructure is returned for text in which no numbered section is found.
var ErrNoStructure = errors.New("plan: no numbered sections found")

// MaxText is the largest plan text Ingest reads (a plan is tens of kB).
const MaxText = 8 << 20

// ErrTextTooLarge is the error of a document whose text is larger than
// MaxText: a plan is tens of kB, so such a file is something else (or a
// small file that unpacks to a flood of text).
var ErrTextTooLarge = errors.New("plan: the text is larger than 8 MB")

// ErrExtractorFault is returned when reading a text hit a fault of the
// extractor itself (a bug: the tests and the fuzzer treat it as a failure);
// the caller tells the user the document could not be read and saves nothing.
var ErrExtractorFault = errors.New("plan: the extractor failed on this text")

// Ingest reads a plan's plain text. It runs in time linear in the input:
// every line is looked at a bounded number of times. It does not panic: a
// fault of its own is returned as ErrExtractorFault, so that one document a
// rule misjudges costs its upload, not the process.
func Ingest(r io.Reader) (doc *Doc, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("%w: %v", ErrExtractorFault, p)
		}
	}()
	data, err := io.ReadAll(io.LimitReader(r, MaxText+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxText {
		return nil, ErrTextTooLarge
	}
	return ingestText(strings.ToValidUTF8(string(data), "\uFFFD"), learnFor())
}

// ingestText reads a plan's text; l, when not nil, gives each quantity of
// its sentences the learned model's view (indicator_learn_read.go).
func ingestText(text string, l *learnDoc) (*Doc, error) {
	text = lineEnds(text) // CR LF and CR as LF, one rune for one (ingest_lineends.go)
	d := newDocRead(text)
	d.learn = l
	if l != nil {
		l.size = max(1, utf8.RuneCountInString(text))
	}
	for i := range d.lines {
		d.line(i)
	}
	d.endTable()
	d.flush()
	if top := markdownTop(d.lines); len(d.doc.Sections) == 0 && top > 0 {
		// no numbered heading, but Markdown's: read again with them
		if l != nil {
			*l = learnDoc{model: l.model, set: l.set, more: l.more, record: l.record, size: l.size}
		}
		d = newDocRead(text)
		d.learn, d.mdTop = l, top
		for i := range d.lines {
			d.line(i)
		}
		d.endTable()
		d.flush()
	}
	if d.spaced {
		movedSpans(d.doc.Indicators, text, d.lines, d.offs) // (1 00 家: from its 1, as written)
	}
	if d.ocr {
		ocrSpans(d.doc.Indicators, text, d.lines, d.offs) // (27 · 7％: from its 2, as written)
	}
	d.flatTaskTables() // tables of tasks by year, one cell a line (ingest_flat_tasks.go)
	d.flatTables(text) // tables whose cells the text gives one after another (ingest_flat.go)
	d.placeGrids(text) // tables of places by dated columns, one cell a line (ingest_flat_placegrid.go)
	d.yearCells(text)  // a figure alone in its cell under a year alone in its: due then (ingest_yearcells.go)
	d.glossary(text)   // a glossary's entries assert nothing (ingest_glossary.go)
	d.tableNotes()     // a table's note asserts nothing (ingest_table_note.go)
	d.listCounts(text) // a count that opens a list of its items restates it (ingest_listcount.go)
	d.pastDue()        // what is due before the document was issued is proposed (ingest_duepast.go)

	// the reading done, titles are shown without a page's emphasis marks (ingest_title_marks.go)
	plainTitles(d.doc.Sections)
	if len(d.doc.Sections) == 0 {
		return d.doc, ErrNoStructure
	}
	return d.doc, nil
}

// docRead is a document being read line by line: what the whole document
// says (its title, period, repeated lines, layout), the sections open at
// the current line, the paragraph being gathered and the table being read.
type docRead struct {
	doc            *Doc
	lines, origs   []string // normalized, and as written; trimmed
	offs           []int    // the rune offset in the text of each line
	written        *int     // the year the document was written in (spanEndedBy), once looked for
	writtenKnown   bool
	names          map[string]int // small counts said with the words after them (namedCounts)
	within         *int           // the first year "N年内" counts from
	annual         bool           // a plan of one year
	seen           map[string]int // how often each short line occurs: a printout's header repeats on every page
	apart          bool           // figures on lines of their own: not page numbers (figuresApart)
	point          rune           // the glyph the PDF writes every decimal point with (pointGlyph), or 0
	spaced         bool           // digits split by a PDF's kerning, joined in the lines (spacedDigits)
	ocr            bool           // the text looks made by OCR: its misprinted numbers repaired in the lines (quantity_ocr.go)
	report         bool           // a circular or a letter that reports what was done (doneReport)
	stack          []open         // the sections open, outermost first
	tbl            *table         // the indicator table being read
	text           string         // the text read (a laid-out table's columns count from its lines' starts)
	lineStarts     []int          // the rune offset of each of its lines, when a laid-out table asks
	lineBytes      []int          // and its byte offset
	cellRows       map[int][]cell // the rows of tables pasted one cell a line, in their columns, by the line's offset
	para           paragraph      // read as a whole: a PDF breaks lines (and puts page numbers) inside sentences
	sentences      sentenceRead   // where each sentence is read
	withText       int            // headings followed by sentences: a table of contents has none
	headingHasText bool           // the last heading was followed by sentences
	titleLine      int            // a line that was the title of the heading above it
	titleMore      bool           // and it finishes a title begun on the heading's line
	prevColon      bool           // the line before ended with a colon: a list may follow
	listRank       int            // the rank of the numbers of the list being read (listItem), or 0
	ranks          map[int]int    // the rank in this document's nesting of each numbering style met (rankOf)
	cellHeads      bool           // the document is set as a table headed by one-cell rows (cellHeading)
	mdTop          int            // the top level of a page's unnumbered Markdown headings, read when nothing is numbered (markdownTop)
	lastL3         int            // the number of the last 1. heading (a list may run past 99.)
	lastDecimal    string         // the number of the last heading of a decimal outline (2.1)
	spacedL1       bool           // top headings that lost their 、 (一 总体要求): spacedL1
	annexList      bool           // the line before named the plan's annexes
	register       bool           // in a register of projects with their years of building (indicator_register.go)
	part           string         // the unnumbered part of a report's preamble being read (reportPart), or ""
	partSpoken     bool           // that part's opening words are read (a line with a sentence came)
	partPast       bool           // and it opened by reviewing the time before the plan (reviewOpens)
	learn          *learnDoc      // the learned second opinion, or nil
	wrapW          int            // the width its prose lines were broken at, or 0 (ingest_wrapped.go)
	lineEnds       bool           // each line a sentence, its stop removed (ingest_linesentences.go)
	besidePage     map[string]int // how often each line seen three times stands beside a page's number (besidePages)
}

// newDocRead splits text into lines and reads what the whole document
// says before its lines are read one by one.
func newDocRead(text string) *docRead {
	d := &docRead{doc: &Doc{Sections: []*Section{}, Indicators: []Indicator{}, Responsibilities: []Responsibility{}}, titleLine: -1}
	d.spaced = spacedDigits(text)
	if d.spaced {
		d.text, d.cellRows = spacedCellTables(text) // (quantity_spaced_tables.go)
		d.text = spacedLayout(d.text)
	} else {
		d.text, d.cellRows = joinCellTables(text)
	}
	d.doc.OCR = ocrNotice(text) // numbers that look misread by OCR, for the reviewer (ocr_notice.go)
	d.ocr = d.doc.OCR != nil    // and repaired where they are (quantity_ocr.go)
	d.lines, d.origs, d.offs = splitLines(d.text, d.spaced, d.ocr)
	if placeDigitText(d.text) { // numbers written digit by digit (七六六·四亿元: quantity_placedigits.go)
		for i, l := range d.lines {
			d.lines[i] = placeDigits(l)
		}
	}
	d.doc.Title, d.doc.Issuer = titleAndIssuer(d.lines)
	d.names = namedCounts(d.lines)
	d.doc.Period = period(d.doc.Title, d.lines)
	if d.doc.Period.Start == nil && d.doc.Period.End == nil {
		d.doc.Period.End = validityEnd(d.lines) // a measure in force for so many years
	}
	d.within = d.doc.Period.Start
	if d.within == nil {
		d.within = withinFrom(nil, issueYear(d.lines))
	}
	d.annual = d.doc.Period.Start != nil && d.doc.Period.End != nil && *d.doc.Period.Start == *d.doc.Period.End
	d.seen = repeatedLines(d.lines)
	d.apart = figuresApart(d.lines)
	d.point = pointGlyph(text)
	d.report = doneReport(d.lines)
	d.spacedL1 = spacedL1(d.lines)
	d.wrapW = wrapWidth(d.lines)
	if d.wrapW > 0 {
		d.besidePage = besidePages(d.lines, d.seen)
	}
	d.lineEnds = lineSentences(d.lines, d.wrapW)
	return d
}

// docCtx is the context every sentence of the document is read in: the
// plan's time, the counts said with names, its decimal glyph, its genre.
func (d *docRead) docCtx() lineCtx {
	return lineCtx{planStart: d.doc.Period.Start, spanEnded: d.spanEndedBy(), within: d.within, annual: d.annual, deadline: d.doc.Period.End,
		names: d.names, point: d.point, report: d.report, learn: d.learn}
}

// line reads line i: furniture is skipped, a table's rows are read as
// such, a heading opens a section, text before the first section is the
// preamble, units responsible are taken out, and the rest of the text
// joins the paragraph being gathered.
func (d *docRead) line(i int) {
	glued := numberInSentence(d.lines, i, &d.para, d.apart) // a figure of the sentence on a line of its own
	if d.furniture(i, glued || yearApart(d.lines, i, d.apart)) {
		return
	}
	d.quoteEnds(i)
	d.register = inRegister(d.lines[i], d.register) // (indicator_register.go)
	row, done := d.tableLine(i)                     // row: a row of a table that is not an indicator table
	if done {
		return
	}
	h := d.headingAt(i)
	if h.ok && d.listItem(i, h) {
		h = head{} // an item of a list, not a heading
	} else if !h.ok && strings.HasSuffix(d.lines[i], "。") {
		d.listRank = 0
	} else if box, ok := d.boxAt(i); !h.ok && ok {
		h = box // a box's title (专栏1　…)
	}
	d.prevColon = strings.HasSuffix(d.lines[i], ":")
	if d.annexList && h.ok && h.level == 3 {
		return // the list of a plan's annexes (附件：1.… 2.… 3.…), not its sections
	}
	d.annexList = annexLine(d.lines[i])
	if h.ok || (!d.para.continues() || d.lineEnds) && !glued {
		d.flush()
	}
	d.titleBelow(i, h)
	text := paraPiece{d.lines[i], d.origs[i], d.offs[i]}
	if h.ok && len(d.stack) < 64 {
		off := d.openSection(i, h)
		text = paraPiece{h.rest, afterRunes(text.ob, off), text.base + off}
	}
	if len(d.stack) == 0 {
		d.preamble(text)
		return
	}
	text, tail, done := d.units(text)
	if done {
		return
	}
	d.gatherText(h, text, row, tail, d.unitBelow(i))
}

// gatherText adds the text of a line in a section to the paragraph: a
// table's row is read alone, each cell a clause of its own (a task in one,
// its unit in the next, a date in the last); a heading alone on its line
// does not run on into the next; the text after a clause of units that
// closed an item (tail) starts a paragraph of its own.
func (d *docRead) gatherText(h head, text paraPiece, row bool, tail *paraPiece, unitBelow bool) {
	opening := !d.headingHasText // the first words after the last heading
	if (!h.ok || runInText(text.nb)) && strings.ContainsAny(text.nb, "。，,;") && !d.headingHasText {
		d.withText++ // a heading followed by sentences: not a table of contents
		d.headingHasText = true
	}
	fresh := len(d.para.nb) == 0
	d.startPara()
	if (opening || fresh) && !h.ok {
		d.openReview(text.nb, opening) // (indicator_review.go)
	}
	if row && !h.ok {
		d.flush()
		d.para.ctx.register = d.register && row
		d.para.ctx.tabRow = strings.Contains(text.ob, "\t")
		d.para.add(tabBreaks(cellBreaks(text.nb), text.ob), text.ob, text.base)
		d.flush()
		d.para.ctx.tabRow = false
		return
	}
	d.para.add(text.nb, text.ob, text.base)
	if h.ok && !strings.ContainsAny(text.nb, "。，,;") && !unitBelow {
		d.flush()
	}
	if tail != nil {
		d.flush()
		d.startPara()
		d.para.add(tail.nb, tail.ob, tail.base)
	}
}

// preamble adds text before the first section to the paragraph: a plan may
// state its goals there (到2027年，培育…).
func (d *docRead) preamble(text paraPiece) {
	if d.annual && reportPart(text.nb) {
		d.flush() // a report's part titled without a number (indicator_report.go)
		d.part, d.partSpoken, d.partPast = text.nb, false, false
		return
	}
	if !d.para.continues() || d.lineEnds {
		d.flush()
	}
	if len(d.para.nb) == 0 {
		d.para.ctx = d.docCtx()
		d.para.ctx.section, d.para.ctx.preamble = []string{}, true
		if d.part != "" {
			partCtx(&d.para.ctx, d.part, d.doc.Period)
			d.para.ctx.past = d.para.ctx.past || d.partPast // (its opening words reviewed: openReview)
		}
	}
	if d.part != "" && !d.partSpoken || len(d.para.nb) == 0 {
		d.openReview(text.nb, d.part != "" && !d.partSpoken) // (indicator_review.go)
		d.partSpoken = d.partSpoken || strings.ContainsAny(text.nb, "。，,;")
	}
	d.para.add(text.nb, text.ob, text.base)
}

// startPara starts a paragraph in the innermost open section, unless one
// is being gathered: its targets inherit the section's path, whether it
// speaks of the past or of goals, and the deadline of the innermost
// section that stated one; a deadline the paragraph opens with is kept
// for its section.
func (d *docRead) startPara() {
	if len(d.para.nb) > 0 {
		return
	}
	top := &d.stack[len(d.stack)-1]
	d.para.open = &top.deadline
	d.para.ctx = d.docCtx()
	d.para.ctx.section, d.para.ctx.past = d.path(), top.past
	d.para.ctx.forecast = top.past && forecastOnly(d.stack)
	for _, o := range d.stack {
		d.para.ctx.goalSection = d.para.ctx.goalSection || strings.Contains(o.sec.Title, "目标")
	}
	if d.learn != nil {
		d.para.ctx.titles = d.titles()
	}
	for k := len(d.stack) - 1; k >= 0; k-- {
		if d.stack[k].deadline != nil {
			d.para.ctx.deadline = d.stack[k].deadline
			return
		}
	}
	for _, o := range d.stack {
		if due := spanTitleDue(o.sec.Title, d.doc.Period); due != nil {
			d.para.ctx.deadline = due // a report's part on the five years' goals (indicator_report.go)
		}
	}
}

// flush reads the targets of the paragraph gathered so far and starts an
// empty one (its buffers reused).
func (d *docRead) flush() {
	if len(d.para.nb) == 0 {
		return
	}
	inds, opened := indicators(&d.sentences, d.para.nb, d.para.ob, d.para.pos, &d.para.ctx)
	d.doc.Indicators = append(d.doc.Indicators, inds...)
	if opened != nil && d.para.open != nil {
		*d.para.open = opened
	}
	d.para = paragraph{nb: d.para.nb[:0], ob: d.para.ob[:0], pos: d.para.pos[:0]}
}
