package plan

import "slices"

// Reading the header of a table pasted one cell a line (ingest_table_cellrows.go)
// as its columns: a header of two rows arrives as the first row's cells and
// then the second's, which take the place of the cell they stand under (目标值,
// 年均增长 under 2030年; 2025年 | 2030年 under 基期值 | 目标值).

// flatHeader reads a header of k cell lines as its columns: the second
// row's cells (目标值, 年均增长 after the first row's last cell, 属性, or
// after two years) take the place of the year they are under. nil when no second row
// is found: the cells are the columns.
func flatHeader(h []cellLine) []cell {
	if out := yearsUnder(h); out != nil {
		return out
	}
	j := len(h)
	for j > 0 && len(h)-j < 4 {
		k := headerKind(h[j-1].text)
		if (k != "target" && k != "base") || headerYear(normalize(h[j-1].text)) > 0 {
			break
		}
		j--
	}
	if j == len(h) || j < 3 {
		return nil
	}
	var years []int
	for i, c := range h[:j] {
		if headerKind(c.text) == "year" {
			years = append(years, i)
		}
	}
	if len(years) == 0 || headerKind(h[j-1].text) != "constr" && len(years) < 2 {
		return nil
	}
	// one under each year when they repeat (目标值 | 目标值) or start with
	// the baseline's (基期值 | 目标值 | 目标值); else the sub-columns of the
	// last year (目标值 | 年均增长 under 2030年)
	sub := h[j:]
	each := len(years) == len(sub) && (headerKind(sub[0].text) == "base" ||
		!slices.ContainsFunc(sub, func(c cellLine) bool { return c.text != sub[0].text }))
	children := map[int][]cellLine{}
	for k, c := range sub {
		p := years[len(years)-1]
		switch {
		case each:
			p = years[k]
		case headerKind(c.text) == "base":
			p = years[0]
		}
		children[p] = append(children[p], c)
	}
	var out []cell
	for i, c := range h[:j] {
		if kids := children[i]; len(kids) > 0 {
			for _, k := range kids {
				out = append(out, cell{text: c.text + k.text, at: k.rune})
			}
			continue
		}
		out = append(out, cell{text: c.text, at: c.rune})
	}
	return out
}

// yearsUnder reads a header whose second row is years under the first
// row's 基期值 and 目标值 (基期值 | 目标值 over 2025年 | 2027年 | 2030年): a
// baseline takes one year, the target column the others. nil for another.
func yearsUnder(h []cellLine) []cell {
	j := len(h)
	for j > 0 && headerKind(h[j-1].text) == "year" {
		j--
	}
	if len(h)-j < 2 || j < 3 {
		return nil
	}
	target, bases := -1, 0
	for i, c := range h[:j] {
		switch x := normalize(c.text); headerKind(x) {
		case "year":
			return nil // years in the first row: the second is no years
		case "base":
			if target < 0 {
				bases++
			}
		case "target":
			if target < 0 && !has(x, growthWords) {
				target = i
			}
		}
	}
	if target < 0 || len(h)-j <= bases {
		return nil
	}
	years := h[j:]
	var out []cell
	for i, c := range h[:j] {
		switch {
		case headerKind(c.text) == "base" && i < target:
			out = append(out, cell{text: c.text + years[0].text, at: years[0].rune})
			years = years[1:]
		case i == target:
			for _, y := range years {
				out = append(out, cell{text: c.text + y.text, at: y.rune})
			}
		default:
			out = append(out, cell{text: c.text, at: c.rune})
		}
	}
	return out
}
