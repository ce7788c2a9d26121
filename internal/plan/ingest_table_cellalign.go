package plan

// Placing the cells of a row pasted one cell a line after its name in the
// header's columns (ingest_table_cellrows.go cuts the rows): a small
// alignment where a column may miss its cell (merged across or down) and a
// blank line may be no cell at all.

// alignStep is a state of after's alignment: its best score and how it
// was reached (0 a cell placed, 1 a column missed, 2 a blank skipped).
type alignStep struct {
	s    float64
	prev int8
}

// after places the cells from i on in the columns right of the name: a
// small alignment, each end q of the row kept with its best score.
func after(cs []cellLine, classes []cellClass, p, i, lim int, kinds []string, name int, cols []int, score float64, out []parsed, sc *[]alignStep) {
	v := len(kinds) - name - 1
	type st = alignStep
	m := lim - i
	if m < 0 {
		return
	}
	// dp[a][b]: a cells used, b columns done (one slice, reused)
	need := (m + 1) * (v + 1)
	if cap(*sc) < need {
		*sc = make([]alignStep, need)
	}
	flat := (*sc)[:need]
	for k := range flat {
		flat[k] = st{-1e18, -1}
	}
	dp := func(a int) []st { return flat[a*(v+1) : (a+1)*(v+1)] }
	dp(0)[0] = st{0, -1}
	for a := 0; a <= m; a++ {
		for b := 0; b <= v; b++ {
			cur := dp(a)[b]
			if cur.s <= -1e17 {
				continue
			}
			if b < v {
				// a cell merged across columns is given once, in the
				// first of them: a column further left misses more
				miss := missCol + 0.01*float64(v-b)
				if kinds[name+1+b] == "constr" {
					miss = missConstr
				}
				if s := cur.s - miss; s > dp(a)[b+1].s {
					dp(a)[b+1] = st{s, 1}
				}
				if a < m {
					if f, ok := fit(classes[i+a], kinds[name+1+b]); ok && cur.s+f > dp(a + 1)[b+1].s {
						dp(a + 1)[b+1] = st{cur.s + f, 0}
					}
				}
			}
			if a < m && classes[i+a] == clBlank && cur.s-0.1 > dp(a + 1)[b].s {
				dp(a + 1)[b] = st{cur.s - 0.1, 2}
			}
		}
	}
	buf := make([]int, m)
	for a := 1; a <= m; a++ {
		d := dp(a)[v]
		if d.s <= -1e17 || classes[i+a-1] == clBlank && a < m && classes[i+a] == clBlank {
			continue
		}
		// walk back for the columns
		colsAfter := buf[:a]
		filled := 0
		for x, y := a, v; x > 0 || y > 0; {
			switch dp(x)[y].prev {
			case 0:
				colsAfter[x-1] = name + 1 + y - 1
				if classes[i+x-1] != clBlank {
					filled++
				}
				x, y = x-1, y-1
			case 1:
				y--
			case 2:
				colsAfter[x-1] = -1
				x--
			default:
				x, y = 0, 0
			}
		}
		if filled == 0 {
			continue
		}
		q := i + a
		s := score + d.s
		if old := out[q-p]; !old.ok || s > old.score {
			all := append(append(make([]int, 0, len(cols)+a), cols...), colsAfter...)
			out[q-p] = parsed{placedRow{cells: cs[p:q], cols: all}, s, true}
		}
	}
}
