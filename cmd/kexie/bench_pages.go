package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/app"
	"kexie/internal/auth"
	"kexie/internal/people"
)

// benchPages loads the person page and the search page of an existing
// database (`kexie demo --size large` first) with wrk, signed in as a
// staff member of the root org.
func benchPages(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench pages")
	dur := fs.Duration("duration", 10*time.Second, "wrk duration per page")
	conns := fs.Int("connections", 8, "wrk connections")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := needWrk(); err != nil {
		return err
	}
	e.cfg.LogLevel = "error"
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.BuildSite(); err != nil {
		return err
	}
	if err := a.People.BuildIndex(ctx); err != nil {
		return err
	}
	gogc := app.TuneGC() // as kexie serve does
	root, err := a.Orgs.Root(ctx)
	if err != nil {
		return err
	}
	name := "pagebench" + strconv.FormatInt(time.Now().Unix()%100000, 10)
	pw := "Page-Load-2026!"
	u, err := a.Auth.CreateUser(ctx, auth.UserInput{Username: name, DisplayName: "压测", Password: pw})
	if err != nil {
		return explain(err)
	}
	if err := a.Auth.Grant(ctx, u.ID, root.ID, access.OrgStaff, 0); err != nil {
		return err
	}
	res, err := a.Auth.Login(ctx, name, pw, "127.0.0.1", "bench")
	if err != nil {
		return err
	}
	hits, err := a.People.Search(ctx, people.SearchQuery{Q: "人工智能", Scope: access.Everywhere(), Limit: 1})
	if err != nil || len(hits.Hits) == 0 {
		return fmt.Errorf("no people to load: run kexie demo first (%v)", err)
	}
	base, stop, err := listen(a.Handler())
	if err != nil {
		return err
	}
	defer stop()
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s; database: %s; wrk -c%d -d%s\n",
		cpuModel(), runtime.NumCPU(), runtime.Version(), a.DB.Dialect(), *conns, *dur)
	cookie := "kexie_session=" + res.Token
	err = measurePages(ctx, e.stdout, base, *conns, *dur, []benchPage{
		{"person page", "/people/" + strconv.FormatInt(hits.Hits[0].ID, 10), cookie},
		{"search page: 人工智能, 20 hits + facets", "/people?q=" + url.QueryEscape("人工智能"), cookie},
		{"search page: two words + a facet", "/people?q=" + url.QueryEscape("水稻育种 高层次人才") + "&title_level=senior", cookie},
	})
	if err != nil {
		return err
	}
	// What serving the set costs in memory, after the load.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(e.stdout, "serving: process RSS %.0f MB (peak %.0f MB), Go heap in use %.0f MB, GOGC %d\n",
		float64(readRSS(os.Getpid()))/1024, float64(readPeakRSS(os.Getpid()))/1024, float64(ms.HeapInuse)/(1<<20), gogc)
	return nil
}
