package plan

import (
	"strings"
	"unicode/utf8"
)

// pastDue proposes, never asserts, what is read as due before the year the
// document was issued in (D165): a figure dated by a span that had ended
// when it was written (“十三五”期间…建设情况一览表 in a plan numbered 〔2022〕)
// is what was done, no commitment of the plan. The document's own year (its
// number's, its issue date's) is the measure, not the plan's period, which a
// plan issued the year before it starts does not reach back to.
func (d *docRead) pastDue() {
	year := docNumberYear(d.lines)
	if year == nil {
		year = issueYear(d.lines)
	}
	if year == nil {
		return
	}
	for k, ind := range d.doc.Indicators {
		if !ind.Candidate && ind.DeadlineYear != nil && *ind.DeadlineYear < *year {
			d.doc.Indicators[k].Candidate = true
		}
	}
}

// spanEndedBy is the year before which a five-year span has ended for this
// document: the plan's start, or the year after the one it was written in
// (its own number's, else its issue date's) when that is earlier — a plan of
// 2024 that runs to 2030 (its period read as the 十五五's) was written while
// the 十四五 had a year to run, and its “十四五”达标计划 is a plan, no review
// (D165's rule, tune36-T); one written in 2025 reviews the 十四五.
func (d *docRead) spanEndedBy() *int {
	start := d.doc.Period.Start
	if start == nil {
		return nil
	}
	if !d.writtenKnown {
		d.writtenKnown = true
		d.written = ownNumberYear(d.lines)
		if d.written == nil {
			d.written = issueYear(d.lines)
		}
	}
	if d.written != nil && *d.written+1 < *start {
		y := *d.written + 1 // (a span ending the year it was written in is as good as done: “十四五”期间累计… in a plan of 2025 for 2026–2030)
		return &y
	}
	return start
}

// ownNumberYear is the year of the document's own number (某府办发〔2024〕23号,
// 文号: …〔2024〕23号): a line of its own among the first, not a number a
// sentence cites (按照《…》（科协发普字〔2024〕12号）要求); nil if none.
func ownNumberYear(lines []string) *int {
	return numberYear(lines, func(l string) bool {
		return strings.HasSuffix(l, "号") && utf8.RuneCountInString(l) <= 30 && !strings.ContainsAny(l, "《（(，,。")
	})
}
