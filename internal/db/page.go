package db

import (
	"context"
	"fmt"
)

// Scanner reads the columns of one row; *sql.Row and *sql.Rows are both.
type Scanner interface{ Scan(dest ...any) error }

// PageQuery is one page of a list: Count counts the rows that match
// (SELECT COUNT(*) … WHERE …), Select reads them in the list's order and
// ends in LIMIT ? OFFSET ?; both take Args. Two statements, not COUNT(*)
// OVER(), which numbers every match to cut out a page (D240.10 has the
// measurements on both databases).
type PageQuery struct {
	Count, Select string
	Args          []any
	// OrderArgs are the arguments of the page's ORDER BY (the clock an
	// order of coming events takes), after Args in Select; the count takes
	// none of them.
	OrderArgs     []any
	Limit, Offset int // Limit outside 1..MaxPage reads DefaultPage rows
}

// DefaultPage and MaxPage bound a page's rows.
const (
	DefaultPage = 50
	MaxPage     = 10000
)

// Page reads one page and how many rows match in all; scan reads a row.
// A count of none, or an offset past the end, reads no page.
func Page[T any](ctx context.Context, d *DB, q PageQuery, scan func(Scanner) (T, error)) ([]T, int, error) {
	if q.Limit <= 0 || q.Limit > MaxPage {
		q.Limit = DefaultPage
	}
	q.Offset = max(q.Offset, 0)
	var total int
	if err := d.QueryRow(ctx, q.Count, q.Args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count: %w", err)
	}
	if total == 0 || q.Offset >= total {
		return nil, total, nil
	}
	rows, err := d.Query(ctx, q.Select, append(append(append([]any(nil), q.Args...), q.OrderArgs...), q.Limit, q.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// Every reads every row of a list a page at a time, for an export that
// must not stop at MaxPage: page reads limit rows from offset, and reading
// ends at the first short page.
func Every[T any](size int, page func(limit, offset int) ([]T, error)) ([]T, error) {
	size = min(max(size, 1), MaxPage)
	var out []T
	for offset := 0; ; offset += size {
		p, err := page(size, offset)
		if err != nil {
			return nil, err
		}
		out = append(out, p...)
		if len(p) < size {
			return out, nil
		}
	}
}
