package plan

import (
	"sort"
	"strings"
	"unicode"
)

// Numbers an OCR'd scan misprints. A document whose text looks made by OCR
// (the reviewer's notice fires on it: ocr_notice.go, D194) prints a decimal
// point as a middle dot with spaces around it (27 · 7％, 261 · 1亿元) or as a
// comma before a share's last digits (21，7％), and groups thousands with a
// full-width comma (10，300亿元); read as written, 27 · 7％ is 7 % and
// 10，300亿元 is 300亿元. In such a document only, each line as written has
// those numbers repaired rune for rune, as a kerned PDF's split digits are
// joined (quantity_spaced_join.go): the number moves to the end of what was
// written, spaces in front, so the text's offsets hold and a quantity read
// there starts where its first digit was written (movedSpans). A clean
// document is never repaired: the notice does not fire on one, and a
// clean text's 3·15 or 1，2，3 is left as it is.

// ocrRepair repairs the misprinted numbers of a line as written of an
// OCR'd document; a line with none is returned as it is.
func ocrRepair(raw string) string {
	if !strings.ContainsAny(raw, "·•・‧⋅∙，‰一.．") {
		return raw
	}
	o := []rune(raw)
	n := []rune(normalize(raw))
	changed := false
	first := 0 // where the line's text starts
	for first < len(n) && n[first] == ' ' {
		first++
	}
	for i := 0; i < len(n); i++ {
		if !isDigit(n[i]) || i > 0 && (isDigit(n[i-1]) || n[i-1] == '.' || ocrPointRune(n[i-1]) || n[i-1] == '，') {
			continue
		}
		whole := i
		for whole < len(n) && isDigit(n[whole]) {
			whole++
		}
		end := whole
		if e, ok := ocrPointAt(n, whole, i <= first); ok {
			ocrMove(o, i, e, func(r rune) bool { return r == ' ' || ocrPointRune(r) || r == '.' || r == '．' }, '.')
			end, changed = e, true
			if lostPercent(n, i, e) {
				ocrPercent(o, i, e)
			}
		} else if e, ok := ocrDecimalComma(n, whole); ok {
			ocrMove(o, i, e, func(r rune) bool { return r == ' ' || r == '，' }, '.')
			end, changed = e, true
		} else if e, ok := ocrThousands(n, i, whole); ok {
			ocrMove(o, i, e, func(r rune) bool { return r == '，' }, 0)
			end, changed = e, true
		}
		if i > 0 && o[i-1] == '—' && o[i] == ' ' {
			// a range's dash before a number moved right: the dash moves
			// with it (7000万— 9000万吨 reads as 7000万 —9000万吨)
			k := i
			for o[k] == ' ' {
				k++
			}
			o[i-1], o[k-1] = ' ', '—'
		}
		if k := ocrPerMilleAt(n, end); k > 0 && !ocrPerMille(string(n[:k]), len(string(n[:i]))) {
			o[k], changed = '％', true // 27 · 9 ‰ for 27 · 9 ％; 出生率19‰ stays
		}
		if k := ocrDashAt(n, end); k > 0 {
			o[k], changed = '—', true // 7，000万一9，000万吨, 500一700个: a range's dash read as 一
		}
		i = end - 1
	}
	if !changed {
		return raw
	}
	return string(o)
}

// ocrPerMilleAt is where ‰ follows a number ending at j (a space between
// allowed), or 0.
func ocrPerMilleAt(n []rune, j int) int {
	if j < len(n) && n[j] == ' ' {
		j++
	}
	if j < len(n) && n[j] == '‰' {
		return j
	}
	return 0
}

// ocrDashAt is where 一 stands between a number ending at j (its 万 or 亿
// after it) and the next number's digits, or 0: no numeral one stands
// between Arabic digits, OCR reads a range's dash so.
func ocrDashAt(n []rune, j int) int {
	if j < len(n) && (n[j] == '万' || n[j] == '亿') {
		j++
	}
	if j+1 < len(n) && n[j] == '一' && isDigit(n[j+1]) {
		return j
	}
	return 0
}

// ocrPointRune reports a middle dot OCR reads a decimal point as.
func ocrPointRune(r rune) bool { return strings.ContainsRune("·•・‧⋅∙", r) }

// ocrPointAt reads a decimal point printed as a middle dot after the whole
// part ending at j: at most one space each side of the dot, then the
// fraction's digits; it returns where they end. A full stop with a space
// beside it (1. 8亿亩) is one too, unless the number opens the line (a
// list's number: 1. 5G网络…).
func ocrPointAt(n []rune, j int, opens bool) (int, bool) {
	spaced := false
	if j < len(n) && n[j] == ' ' {
		j, spaced = j+1, true
	}
	if j >= len(n) || !ocrPointRune(n[j]) && (n[j] != '.' || opens) {
		return 0, false
	}
	dot := n[j] == '.'
	j++
	if j < len(n) && n[j] == ' ' {
		j, spaced = j+1, true
	}
	if dot && !spaced {
		return 0, false // 1.8 needs no repair
	}
	k := j
	for k < len(n) && isDigit(n[k]) {
		k++
	}
	return k, k > j
}

// ocrDecimalComma reads a number whose decimal point OCR printed as a
// full-width comma (21，7％, 53，7万吨): one or two digits after it, then
// what a fraction is said in (fractionAfter); it returns where the digits
// end.
func ocrDecimalComma(n []rune, j int) (int, bool) {
	if j >= len(n) || n[j] != '，' {
		return 0, false
	}
	k := j + 1
	for k < len(n) && isDigit(n[k]) {
		k++
	}
	p := k
	if p < len(n) && n[p] == ' ' {
		p++
	}
	return k, k-j-1 >= 1 && k-j-1 <= 2 && p < len(n) && fractionAfter(n, p)
}

// fractionAfter reports at p what a number with a fraction is said in: ％, a
// multiplier (53，7万吨, 1，2亿元) or a unit of measure (7，5平方米, 1，84吨标准煤);
// never a count's measure word (5，12个 is two numbers).
func fractionAfter(n []rune, p int) bool {
	if strings.ContainsRune("%万亿", n[p]) {
		return true
	}
	for _, u := range []string{"吨", "米", "平方米", "公里", "千瓦", "亩", "元", "度", "公斤", "千克", "立方米", "小时", "倍"} {
		if hasAt(n, p, u) {
			return true
		}
	}
	return false
}

// ocrThousands reads a number whose thousands a full-width comma groups
// (10，300亿元, 13，000万人): a whole part of one to three digits (i to j),
// then groups of a comma and three digits, no digit after the last; it
// returns where the last group ends.
func ocrThousands(n []rune, i, j int) (int, bool) {
	if j-i > 3 {
		return 0, false
	}
	end := j
	for end+3 < len(n) && n[end] == '，' && isDigit(n[end+1]) && isDigit(n[end+2]) && isDigit(n[end+3]) &&
		(end+4 >= len(n) || !isDigit(n[end+4])) {
		end += 4
	}
	return end, end > j
}

// ocrMove rewrites o[a:b] rune for rune: the runes drop says are not the
// number's are dropped, the first of them that is no space becomes point
// (when point is not 0), and the number moves to b, spaces in front.
func ocrMove(o []rune, a, b int, drop func(rune) bool, point rune) {
	kept := make([]rune, 0, b-a)
	for _, r := range o[a:b] {
		switch {
		case !drop(r):
			kept = append(kept, r)
		case point != 0 && r != ' ':
			kept = append(kept, point)
			point = 0
		}
	}
	k := b - len(kept)
	for r := a; r < k; r++ {
		o[r] = ' '
	}
	copy(o[k:b], kept)
}

// ocrSpans sets the start of each quantity read in an OCR'd document where
// its number is written: back over the spaces ocrRepair moved in front of
// it, to the first digit written there (2 · 5万人 from its 2, though the
// space after the 2 is written).
func ocrSpans(inds []Indicator, text string, lines []string, offs []int) {
	written := []rune(text)
	for k := range inds {
		ind := &inds[k]
		li := sort.SearchInts(offs, ind.Start+1) - 1
		if li < 0 || ind.Start > len(written) {
			continue
		}
		line := []rune(lines[li])
		at := ind.Start - offs[li]
		if at <= 0 || at > len(line) || line[at-1] != ' ' || !isDigit(line[min(at, len(line)-1)]) {
			continue
		}
		from := at
		for from > 0 && line[from-1] == ' ' {
			from--
		}
		for from < at && unicode.IsSpace(written[offs[li]+from]) {
			from++ // (a space the text has before the number)
		}
		if from < at && isDigit(normalizedDigit(written[offs[li]+from])) {
			ind.Start = offs[li] + from
		}
	}
}

// normalizedDigit folds a full-width digit to ASCII.
func normalizedDigit(r rune) rune {
	if r >= '０' && r <= '９' {
		return '0' + (r - '０')
	}
	return r
}

// shareVerbs are the verbs of a change by a share (增长4 · 9。): after one,
// a number with a fraction and no unit, its clause ended, is a share whose
// ％ OCR lost.
var shareVerbs = []string{"增长", "下降", "降低", "提高", "上升", "降为", "降到", "提高到", "上升到"}

// lostPercent reports a number n[i:e] whose ％ OCR lost: after a verb of
// change (a space or a line's break between allowed), before the end of
// its clause.
func lostPercent(n []rune, i, e int) bool {
	if e < len(n) && !strings.ContainsRune("。，；;,", n[e]) {
		return false
	}
	b := i
	if b > 0 && n[b-1] == ' ' {
		b--
	}
	for _, v := range shareVerbs {
		if endsAt(n, b, v) {
			return true
		}
	}
	return false
}

// ocrPercent writes the number moved to the end of o[a:b] at a, then the
// ％ it lost, then the spaces (44  44.8 → 44.8％ ): it needs one space of
// those ocrMove put in front.
func ocrPercent(o []rune, a, b int) {
	k := a
	for k < b && o[k] == ' ' {
		k++
	}
	if k == a {
		return
	}
	num := append([]rune(nil), o[k:b]...)
	copy(o[a:], num)
	o[a+len(num)] = '％'
	for r := a + len(num) + 1; r < b; r++ {
		o[r] = ' '
	}
}
