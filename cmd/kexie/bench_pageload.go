package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

// benchPage is one page a page benchmark loads: the row's name, its address
// and the session cookie it is loaded with.
type benchPage struct {
	name string
	// path is the page's address below measurePages' base, or the whole URL
	// where base is empty (pages spread over more than one server).
	path   string
	cookie string
}

// measurePages loads each page with wrk (two threads, conns connections, dur
// each) and writes one Markdown row per page under the table's header:
// page, requests/s, p50, p99. Each page is fetched once first and must
// answer 200, so a broken page fails the run instead of timing an error page.
func measurePages(ctx context.Context, out io.Writer, base string, conns int, dur time.Duration, pages []benchPage) error {
	fmt.Fprintln(out, "| page | requests/s | p50 | p99 |")
	fmt.Fprintln(out, "|---|---|---|---|")
	for _, pg := range pages {
		req, err := http.NewRequestWithContext(ctx, "GET", base+pg.path, nil)
		if err != nil {
			return err
		}
		req.Header.Set("Cookie", pg.cookie)
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		r.Body.Close()
		if r.StatusCode != 200 {
			return fmt.Errorf("%s answered %d", pg.path, r.StatusCode)
		}
		w, err := wrkLoad(ctx, 2, conns, dur, pg.cookie, base+pg.path)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "| %s | %.0f | %.1f ms | %.1f ms |\n", pg.name, w.rps, w.p50, w.p99)
	}
	return nil
}
