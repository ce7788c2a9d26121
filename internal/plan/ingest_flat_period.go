package plan

import (
	"regexp"
	"strconv"
	"strings"
)

// The five-year periods a flattened table's header names its columns by
// (ingest_flat_header.go): alone on a line over the column's word
// (“十四五” / 完成值), or glued to it (“十五五”目标值, 十四五期末值). A
// period stands for the year it ends (十四五 → 2025).

// rePeriodWord is a header's word that is only a five-year plan's period
// (“十四五”, 十五五时期): the column's word is on the line below it.
var rePeriodWord = regexp.MustCompile(`^["“]?十([一二三四五六七八九])五["”]?(?:时期|期间)?$`)

// rePeriodDated is a header's word that opens with a five-year plan's
// period (“十五五”目标值, 十四五期末值, “十四五”末).
var rePeriodDated = regexp.MustCompile(`^["“]?十([一二三四五六七八九])五["”]?(?:时期|期间)?(.+)$`)

// periodDated is a header's word dated by the period it opens with, as
// the year of the period's end (“十五五”目标值 → 2030年目标值, “十四五”末 →
// 2025年末); ok is false for another word.
func periodDated(x string) (string, bool) {
	m := rePeriodDated.FindStringSubmatch(x)
	if m == nil || headerYear(m[2]) > 0 {
		return "", false
	}
	n := strings.Index("一二三四五六七八九", m[1])/len("一") + 1
	return strconv.Itoa(1955+5*(10+n)) + "年" + strings.TrimPrefix(m[2], "年"), true
}

// periodEnd is the last year of the five years a period word names
// (“十四五” → 2025), or 0.
func periodEnd(x string) int {
	m := rePeriodWord.FindStringSubmatch(x)
	if m == nil {
		return 0
	}
	n := strings.Index("一二三四五六七八九", m[1])/len("一") + 1
	return 1955 + 5*(10+n)
}
