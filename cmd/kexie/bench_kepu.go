package main

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"time"

	"kexie/internal/demo"
	"kexie/internal/kepu"
)

// benchKepu loads the public 科普 pages (home, an article, and "/" as a
// visitor sees it) with wrk beside a bare net/http handler that writes a
// fixed 10 KB page, in the same run:
//
//	kexie bench kepu [--db postgres://…] [--duration 10s] [--connections 32]
func benchKepu(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench kepu")
	dur := fs.Duration("duration", 10*time.Second, "wrk duration per target")
	conns := fs.Int("connections", 32, "wrk connections")
	threads := fs.Int("threads", 2, "wrk threads")
	a, cleanup, err := wrkScratch(ctx, e, fs, args)
	if err != nil {
		return err
	}
	defer cleanup()
	if _, _, err := a.Bootstrap(ctx); err != nil {
		return err
	}
	res, err := demo.Kepu(ctx, a.DB, a.Orgs, 1)
	if err != nil {
		return err
	}
	items, _, err := a.Kepu.Published(ctx, kepu.Filter{Kind: kepu.Article, Limit: 1})
	if err != nil || len(items) == 0 {
		return fmt.Errorf("no published article to load: %v", err)
	}
	// A fixed 10 KB page: paragraphs, padded with spaces to the byte.
	body := "<!doctype html><html><body>" + strings.Repeat("<p>科普内容示例段落。</p>", 320) // 31 bytes a paragraph
	body = body[:len(body)-len(body)%31][:27+31*329] + "</body></html>"
	page := []byte(body + strings.Repeat(" ", 10240-len(body)))
	bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
	})
	realURL, stopReal, err := listen(a.Handler())
	if err != nil {
		return err
	}
	defer stopReal()
	baseURL, stopBase, err := listen(bare)
	if err != nil {
		return err
	}
	defer stopBase()
	article := kepu.ItemPath(items[0].ID)
	for _, p := range []string{"/kepu", article, "/"} {
		r, err := http.Get(realURL + p)
		if err != nil {
			return err
		}
		r.Body.Close()
		if r.StatusCode != 200 {
			return fmt.Errorf("%s answered %d", p, r.StatusCode)
		}
	}
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s; database: %s; %d published items; wrk -t%d -c%d -d%s\n",
		cpuModel(), runtime.NumCPU(), runtime.Version(), a.DB.Dialect(), res.Items, min(*threads, *conns), *conns, *dur)
	fmt.Fprintln(e.stdout, "| target | requests/s | p50 | p99 | share of bare |")
	fmt.Fprintln(e.stdout, "|---|---|---|---|---|")
	var bareRPS float64
	for _, t := range []struct{ name, url string }{
		{"bare net/http, fixed 10 KB page", baseURL + "/"},
		{"Kexie /kepu (portal home, anonymous)", realURL + "/kepu"},
		{"Kexie " + "/kepu/a/{id} (article, anonymous)", realURL + article},
		{"Kexie / (visitor, answered by the portal)", realURL + "/"},
	} {
		r, err := wrkLoad(ctx, *threads, *conns, *dur, "kexie_lang=zh-CN", t.url)
		if err != nil {
			return err
		}
		if bareRPS == 0 {
			bareRPS = r.rps
		}
		fmt.Fprintf(e.stdout, "| %s | %.0f | %.2f ms | %.2f ms | %.0f%% |\n", t.name, r.rps, r.p50, r.p99, 100*r.rps/bareRPS)
	}
	return a.Kepu.FlushReach(ctx)
}
