package db

import "strings"

// Order is the ORDER BY term of a list's sort key: cols maps each key a
// list may sort by to its column ("filed" → "l.filed_at"); a leading "-"
// sorts descending. A key cols does not name gives def, so a sort key from
// a request never reaches the SQL text.
func Order(sort string, cols map[string]string, def string) string {
	col, ok := cols[strings.TrimPrefix(sort, "-")]
	if !ok {
		return def
	}
	if strings.HasPrefix(sort, "-") {
		return col + " DESC"
	}
	return col
}
