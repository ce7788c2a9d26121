package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// List carries the query of a list page — filter text, sort, page — and
// builds the links that change one of them while keeping the rest.
type List struct {
	Q       string
	Sort    string // a column name, "-" prefix for descending
	Page    int    // 1-based
	PerPage int
	Total   int
	Path    string
	values  url.Values
}

// ParseList reads q, sort, page and per from r. allowedSort lists the sort
// keys the page offers; anything else falls back to def.
func ParseList(r *http.Request, def string, allowedSort ...string) *List {
	v := r.URL.Query()
	l := &List{Q: strings.TrimSpace(v.Get("q")), Sort: def, Page: 1, PerPage: 50, Path: r.URL.Path, values: v}
	if s := v.Get("sort"); s != "" {
		for _, a := range allowedSort {
			if s == a || s == "-"+a {
				l.Sort = s
			}
		}
	}
	if p, err := strconv.Atoi(v.Get("page")); err == nil && p > 0 && p < 1_000_000 {
		l.Page = p
	}
	if n, err := strconv.Atoi(v.Get("per")); err == nil && n >= 10 && n <= 200 {
		l.PerPage = n
	}
	return l
}

// Get returns another filter parameter.
func (l *List) Get(key string) string { return strings.TrimSpace(l.values.Get(key)) }

// Offset is the row offset of the current page.
func (l *List) Offset() int { return (l.Page - 1) * l.PerPage }

// SortColumn returns the sort key without its direction, and whether it is descending.
func (l *List) SortColumn() (col string, desc bool) {
	return strings.TrimPrefix(l.Sort, "-"), strings.HasPrefix(l.Sort, "-")
}

// Pages is the number of pages.
func (l *List) Pages() int {
	if l.Total == 0 {
		return 1
	}
	return (l.Total + l.PerPage - 1) / l.PerPage
}

// With returns the page URL with key set to val (and back to page 1 unless
// key is "page").
func (l *List) With(key, val string) string {
	v := url.Values{}
	for k, vs := range l.values {
		v[k] = append([]string(nil), vs...)
	}
	if key != "page" {
		v.Del("page")
	}
	if val == "" {
		v.Del(key)
	} else {
		v.Set(key, val)
	}
	if len(v) == 0 {
		return l.Path
	}
	return l.Path + "?" + v.Encode()
}

// SortBy returns the link for a column header: ascending first, then toggling.
func (l *List) SortBy(col string) string {
	if l.Sort == col {
		return l.With("sort", "-"+col)
	}
	return l.With("sort", col)
}

// SortMark returns "▲"/"▼" for the current sort column, else "".
func (l *List) SortMark(col string) string {
	switch l.Sort {
	case col:
		return "▲"
	case "-" + col:
		return "▼"
	}
	return ""
}

// PageURL links to page n.
func (l *List) PageURL(n int) string { return l.With("page", strconv.Itoa(n)) }

// Export links to the XLSX export of the same filter.
func (l *List) Export() string {
	v := url.Values{}
	for k, vs := range l.values {
		if k != "page" && k != "per" {
			v[k] = vs
		}
	}
	v.Set("format", "xlsx")
	return l.Path + "?" + v.Encode()
}

// PageNumbers returns the page numbers to show around the current one
// (0 marks a gap).
func (l *List) PageNumbers() []int {
	n := l.Pages()
	var out []int
	for i := 1; i <= n; i++ {
		if i == 1 || i == n || (i >= l.Page-2 && i <= l.Page+2) {
			out = append(out, i)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// WantsExport reports whether the request asks for the XLSX export.
func WantsExport(r *http.Request) bool { return r.URL.Query().Get("format") == "xlsx" }

// SortRows orders rows stably by cmp, reversed when desc: a list's column
// sort done in Go, for rows computed after reading (a status, a ratio).
func SortRows[T any](rows []T, desc bool, cmp func(a, b T) int) {
	slices.SortStableFunc(rows, func(a, b T) int {
		if desc {
			return cmp(b, a)
		}
		return cmp(a, b)
	})
}
