package plan

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
