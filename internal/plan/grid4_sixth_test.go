package plan

import "strconv"

// The fourth grid's sixth batch (its first run is in docs/benchmarks.md,
// grid4): the layouts of yearly tasks — a table of tasks by year whose
// cells hold the year's count, goals numbered 1. 2. 3. each with its own
// deadline, and a 重点任务 line that lists a field's counts under a colon.

// g4Sixth composes the sixth batch's cases.
func g4Sixth() []g3Case {
	var cs []g3Case
	n := len(g4Counts)
	for i := 0; i < n; i += 2 {
		t, u := g4Counts[i].g2Target, g4Counts[(i+9)%n].g2Target
		// a table of tasks by year: each year's cell is that year's target
		var want []g3Want
		row := func(c g2Target) string {
			line := c.obj
			for k, y := range []int{2026, 2027, 2028} {
				v := c.value * float64(k+1) / 2
				num := strconv.FormatFloat(v, 'f', -1, 64)
				line += "\t" + c.verb + num + c.mw
				want = append(want, g3Want{t: g2Target{value: v, mult: c.mult, unit: c.unit}, cmp: "=", year: y})
			}
			return line
		}
		cs = append(cs, g3Case{keys: []string{"all=targets", "family=goals", "layout=table of tasks by year", "batch=6"},
			text: "表3 年度重点任务\n任务\t2026年\t2027年\t2028年\n" + row(t) + "\n" + row(u), want: want})
		// numbered goals, each with its own deadline
		w1, w2 := g3w(t, "="), g3w(u, "=")
		w1.year, w2.year = 2027, 2030
		cs = append(cs, g3Case{keys: []string{"all=targets", "family=goals", "layout=numbered goals, each dated", "batch=6"},
			want: []g3Want{w1, w2},
			text: "（二）具体目标\n1.公共服务补短板。到2027年，" + t.plain('o') + "。\n2.民生保障提质。到2030年，" + u.plain('n') + "。"})
		// a field's counts under a colon
		w1, w2 = g3w(t, "="), g3w(u, "=")
		w1.year, w2.year = g4Plan, g4Plan
		cs = append(cs, g3Case{keys: []string{"all=targets", "family=goals", "layout=counts listed under a colon", "batch=6"},
			want: []g3Want{w1, w2},
			text: "3.实施民生补短板工程。主要包括：" + t.plain('o') + "；" + u.plain('n') + "。"})
	}
	return cs
}
