package plan

import "strings"

// A laid-out table (pdftotext -layout) prints a cell that spans rows — a
// category (经济发展) or a 属性 merged down — once, vertically centred
// among its rows or at the top of them: on one row's line, or on a line
// of its own between rows. Which rows it spans is read after the table
// from where it stands: the rows are split into as many runs, in order,
// as such cells were found, each run's middle as near as can be to its
// cell's line.

// spanAt is a spanning cell's text and the line it stands on.
type spanAt struct {
	line int
	text string
}

// layRow is a row of a laid-out table: the line of its cells, the lines
// of its name's parts above and below it, whether its name stands on the
// line of its cells, and its targets in the document's indicators.
type layRow struct {
	at, above, below int
	named            bool
	from, to         int
}

// height is how many lines the row takes on the page: its name's lines.
// Cells centred between two lines of the name get a line of their own in
// the layout text, one the page does not have.
func (r layRow) height() int {
	if !r.named && r.above+r.below > 0 {
		return r.above + r.below
	}
	return 1 + r.above + r.below
}

// spanned notes the category and constraint cells of a line of a
// laid-out table, line i.
func (l *layout) spanned(t *table, cs []cell, i int) {
	if c, ok := cellAt(cs, t.category); ok && headerWord(c.text) && !strings.ContainsAny(c.text, "0123456789") {
		l.cats = append(l.cats, spanAt{i, c.text})
	}
	if c, ok := cellAt(cs, t.constr); ok && constraintWord(c.text) {
		l.constrs = append(l.constrs, spanAt{i, c.text})
	}
}

// constraintWord reports a 属性 cell's word (约束性, 预期性).
func constraintWord(s string) bool {
	return strings.Contains(s, "约束") || strings.Contains(s, "预期")
}

// placeSpans gives the rows of a laid-out table, once it is read, their
// category and the constraint of those that state none on their line.
func (l *layout) placeSpans(inds []Indicator) {
	for k, g := range spanRuns(l.rows, l.cats) {
		for _, r := range l.rows[g[0]:g[1]] {
			for j := r.from; j < r.to; j++ {
				inds[j].Category = l.cats[k].text
			}
		}
	}
	for k, g := range spanRuns(l.rows, l.constrs) {
		for _, r := range l.rows[g[0]:g[1]] {
			for j := r.from; j < r.to; j++ {
				if inds[j].Constraint == "" {
					inds[j].Constraint = l.constrs[k].text
				}
			}
		}
	}
	l.rows, l.cats, l.constrs = nil, nil, nil
}

// spanRuns splits rows (in order) into len(spans) runs of one row or more,
// run k spanned by spans[k]: of all the ways, the one whose runs' middles
// on the page lie nearest their cells (the sum of the distances), an
// earlier end of a run winning a tie. nil when there are more cells than
// rows.
func spanRuns(rows []layRow, spans []spanAt) [][2]int {
	n, g := len(rows), len(spans)
	if g == 0 || g > n || n > 400 {
		return nil
	}
	// where each row starts on the page, in lines, and where each cell is
	start := make([]float64, n+1)
	for k, r := range rows {
		start[k+1] = start[k] + float64(r.height())
	}
	pos := make([]float64, g)
	for k, sp := range spans {
		pos[k] = start[n]
		for j, r := range rows {
			if sp.line < r.at-r.above {
				pos[k] = start[j] // a line of its own between rows
				break
			}
			if sp.line > r.at+r.below {
				continue
			}
			off := float64(sp.line-(r.at-r.above)) + 0.5
			switch {
			case !r.named && sp.line == r.at:
				off = float64(r.above) // cells centred between the name's lines
			case !r.named && sp.line > r.at:
				off -= 1
			}
			pos[k] = start[j] + off
			break
		}
	}
	const inf = 1e18
	// cost[k][j]: the least sum for the first k runs over the first j rows
	cost := make([][]float64, g+1)
	from := make([][]int, g+1)
	for k := range cost {
		cost[k] = make([]float64, n+1)
		from[k] = make([]int, n+1)
		for j := range cost[k] {
			cost[k][j] = inf
		}
	}
	cost[0][0] = 0
	for k := 1; k <= g; k++ {
		for j := k; j <= n; j++ {
			for s := k - 1; s < j; s++ {
				if cost[k-1][s] >= inf {
					continue
				}
				c := cost[k-1][s] + abs((start[s]+start[j])/2-pos[k-1])
				if c < cost[k][j]-1e-9 {
					cost[k][j], from[k][j] = c, s
				}
			}
		}
	}
	out := make([][2]int, g)
	for k, j := g, n; k > 0; k-- {
		s := from[k][j]
		out[k-1] = [2]int{s, j}
		j = s
	}
	return out
}
