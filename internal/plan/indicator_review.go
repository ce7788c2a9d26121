package plan

import "strings"

// Text that opens by reviewing the time before the plan speaks of the past:
// a paragraph, or a section or a report's unnumbered part, all of it,
// whatever its title says. One rule (D112) for what were two: D107's
// chapter that reviews the five years and D106's report part that reviews
// the year.

// reviewOpeners open a review of the time before the plan: the year or the
// five years just past, named as a whole.
var reviewOpeners = []string{"一年来", "过去一年", "过去的一年", "刚刚过去的一年", "五年来", "过去五年", "近五年来", "回顾过去"}

// reviewOpens reports the first words of a review of the time before the
// plan (过去五年，…; 一年来，…; 2025年是“十四五”收官之年 in the report of 2026;
// “十四五”时期在…具有里程碑意义 in a plan of 2026–2030): the period named as a
// whole — a five-year span that ended before the plan with 时期, 期间 or
// 以来, the span or the year that ended just before it, or reviewOpeners.
// The plan's own period (“十五五”时期是…) opens no review. start is the
// plan's first year, nil when it is not known (then only reviewOpeners).
func reviewOpens(text string, start *int) bool {
	text = strings.TrimLeft(text, " \u3000*")
	for _, w := range reviewOpeners {
		if strings.HasPrefix(text, w) {
			return true
		}
	}
	if start == nil {
		return false
	}
	if rest, ok := cutYear(text, *start-1); ok && has3Prefix(rest, "年是", "年，", "年以来") {
		// (2025年，全市科普场馆30座。到2030年达到40座: a baseline before
		// a goal, in a plan of several years, opens no review)
		return !has(rest, []string{"到20", "至20", "力争"})
	}
	head := strings.TrimLeft(text, "“\"")
	for _, p := range fiveYearEnds {
		if p.end < *start && strings.HasPrefix(head, p.name) {
			rest := strings.TrimLeft(head[len(p.name):], "”\"")
			return p.end == *start-1 || has3Prefix(rest, "时期", "期间", "以来")
		}
	}
	return false
}

// cutYear is text after the year y it opens with, written in four digits
// (no string is made of the year: this runs on every paragraph).
func cutYear(text string, y int) (string, bool) {
	if len(text) < 4 {
		return "", false
	}
	n := 0
	for _, c := range []byte(text[:4]) {
		if c < '0' || c > '9' {
			return "", false
		}
		n = n*10 + int(c-'0')
	}
	return text[4:], n == y
}

// has3Prefix reports whether s starts with a, b or c.
func has3Prefix(s, a, b, c string) bool {
	return strings.HasPrefix(s, a) || strings.HasPrefix(s, b) || strings.HasPrefix(s, c)
}

// openReview reads the first words of a paragraph, a section or a report's
// unnumbered part before its first section (reportPart) — for a section or
// a part, the lines under its heading or title before the first that holds
// a sentence (opening): when they open a review (reviewOpens), what they
// open speaks of the past — the paragraph; or the section or the part, all
// of it, the sections under it and its tables. Only a section's or a part's
// opening words make all of it a review: a later paragraph that looks back
// (过去一年，…) is the past, the rest of a part of tasks is not.
func (d *docRead) openReview(text string, opening bool) {
	if !opening && len(d.stack) > 0 && d.stack[len(d.stack)-1].turns && turnsAhead(text, d.doc.Period.Start) {
		d.stack[len(d.stack)-1].past, d.stack[len(d.stack)-1].turns, d.para.ctx.past = false, false, false
		return // (indicator_review_turn.go)
	}
	if !reviewOpens(text, d.doc.Period.Start) {
		return
	}
	d.para.ctx.past = true
	switch {
	case !opening:
	case len(d.stack) > 0:
		top := &d.stack[len(d.stack)-1]
		top.past, top.turns = true, achievedAndAimed(top.sec.Title)
	default:
		d.partPast = true
	}
}
