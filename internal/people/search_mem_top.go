package people

import "sort"

// better orders hits: higher score first, then lower id.
func better(a, b scored) bool {
	return a.score > b.score || a.score == b.score && a.id < b.id
}

// topHits keeps the best k hits seen, the worst of them at the root.
type topHits struct {
	k int
	h []scored
}

// closed reports whether a hit scoring at most ub with this id cannot enter.
func (t *topHits) closed(ub float64, id int64) bool {
	return len(t.h) == t.k && !better(scored{id: id, score: ub}, t.h[0])
}

func (t *topHits) push(s scored) {
	if len(t.h) < t.k {
		t.h = append(t.h, s)
		for i := len(t.h) - 1; i > 0; {
			p := (i - 1) / 2
			if !better(t.h[p], t.h[i]) {
				break
			}
			t.h[p], t.h[i] = t.h[i], t.h[p]
			i = p
		}
		return
	}
	if !better(s, t.h[0]) {
		return
	}
	t.h[0] = s
	for i := 0; ; {
		w, l, r := i, 2*i+1, 2*i+2
		if l < len(t.h) && better(t.h[w], t.h[l]) {
			w = l
		}
		if r < len(t.h) && better(t.h[w], t.h[r]) {
			w = r
		}
		if w == i {
			return
		}
		t.h[i], t.h[w] = t.h[w], t.h[i]
		i = w
	}
}

// sorted returns the kept hits, best first.
func (t *topHits) sorted() []scored {
	sort.Slice(t.h, func(i, j int) bool { return better(t.h[i], t.h[j]) })
	return t.h
}

// pageOf normalizes a query's page.
func pageOf(sq SearchQuery) (limit, offset int) {
	limit, offset = sq.Limit, max(sq.Offset, 0)
	if limit <= 0 || limit > 1000 {
		limit = 20
	}
	return limit, offset
}

// intersect returns the docs present in every list, ascending. A short
// list is looked up in a long one by galloping search, not a full walk.
func intersect(lists [][]int32) []int32 {
	if len(lists) == 0 {
		return nil
	}
	sort.Slice(lists, func(i, j int) bool { return len(lists[i]) < len(lists[j]) })
	out := append([]int32(nil), lists[0]...)
	for _, l := range lists[1:] {
		k, j := 0, 0
		for _, d := range out {
			if j < len(l) && l[j] < d {
				// Gallop: double the step until past d, then bisect.
				step := 1
				for j+step < len(l) && l[j+step] < d {
					j += step
					step <<= 1
				}
				hi := min(j+step, len(l))
				j += sort.Search(hi-j, func(i int) bool { return l[j+i] >= d })
			}
			if j < len(l) && l[j] == d {
				out[k] = d
				k++
			}
		}
		out = out[:k]
	}
	return out
}
