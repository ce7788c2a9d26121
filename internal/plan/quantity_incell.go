package plan

import "strings"

// hasQuantity reports a text with a quantity in it: an Arabic digit, or a
// quantity in Chinese numerals (新建科普基地十个, 超万亿元) — a year's cell of
// a table of tasks is read only when it has one (ingest_table_tasks.go).
func hasQuantity(s string) bool {
	if strings.ContainsAny(s, "0123456789") {
		return true
	}
	found := false
	eachQuantity([]rune(normalize(s)), func(quantity) { found = true })
	return found
}
