package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/demo"
)

// cmdDemo: kexie demo [--size small|large] [--seed N] [--province CODE]
// fills a fresh database with a deterministic synthetic province.
func cmdDemo(ctx context.Context, e *env, args []string) error {
	fs := e.flags("demo")
	size := fs.String("size", "small", "small (2,000 people) or large (1,000,000)")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same data")
	province := fs.String("province", "510000", "GB/T 2260 province code")
	if err := fs.Parse(args); err != nil {
		return err
	}
	sz, ok := demo.Sizes[*size]
	if !ok {
		return usageError("size must be small or large")
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.BuildSite(); err != nil {
		return err
	}
	// The demo loads once: its codes are fixed, so a second run would stop
	// at the first org it made before.
	if len(*province) == 6 {
		if _, err := a.Orgs.GetByCode(ctx, "XH"+(*province)[:2]+"001"); err == nil {
			return fmt.Errorf("the demo province is already loaded in this database; to load it again, use an empty data directory (--data DIR or KEXIE_DATA)")
		} else if !errors.Is(err, db.ErrNotFound) {
			return err
		}
	}
	start := time.Now()
	ctx = audit.WithMeta(ctx, audit.Meta{ActorName: "cli:demo"})
	res, err := demo.Generate(ctx, a.Orgs, a.People, demo.Options{Province: *province, Seed: *seed, Size: sz, Plans: a.Plans, Events: a.Events, Venues: a.Venues, Societies: a.Society, Volunteers: a.Vols, Surveys: a.Surveys,
		T: func(key string, args ...any) string { return a.Site.Catalogs.T("zh-CN", key, args...) },
		Progress: func(stage string, done, total int) {
			if total > 0 {
				fmt.Fprintf(e.stderr, "\r%s: %d/%d", stage, done, total)
			} else {
				fmt.Fprintf(e.stderr, "\r%s: %d", stage, done)
			}
		}})
	fmt.Fprintln(e.stderr)
	if err != nil {
		return err
	}
	kres, err := demo.Kepu(ctx, a.DB, a.Orgs, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "科普: %d reviewed items read %d times, %d answered rumour leads, %d waiting in the cities' queues\n", kres.Items, kres.Views, kres.Leads, kres.Open)
	rres, err := demo.Review(ctx, a.DB, a.Orgs, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "征集: %d calls, %d applications, %d expert scores\n", rres.Calls, rres.Applications, rres.Scores)
	fres, err := demo.Funding(ctx, a.Funds, a.Orgs, a.DB.Now().In(calendar.Beijing).Year(), *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "科普经费: %d budget items in %d cities, with their population\n", fres.Budgets, fres.Regions)
	vres, err := demo.Voice(ctx, a.Voice, a.Orgs, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "建言诉求: %d items (%d closed, %d waiting to be accepted)\n", vres.Items, vres.ByStatus["closed"], vres.ByStatus["submitted"])
	ires, err := demo.Innovation(ctx, a.Innov, a.Orgs, a.People, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "创新服务: %d technology needs (%d solved, %d waiting for review), %d expert stations\n", ires.Needs,
		ires.ByStatus["solved"], ires.ByStatus["pending"], ires.Stations)
	cres, err := demo.Conference(ctx, a.Conf, a.Orgs, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "学术会议: %d conferences (%d summarized, %d open for registration, %d waiting for approval)\n", cres.Conferences,
		cres.ByStatus["summarized"], cres.ByStatus["open"], cres.ByStatus["submitted"])
	yres, err := demo.Youth(ctx, a.Youth, a.Orgs, a.People, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "青少年科技教育: %d programmes, %d students' applications (%d completed), %d science teachers, %d mentoring pairs\n",
		yres.Programmes, yres.Students, yres.Completed, yres.Teachers, yres.Pairs)
	// 统计年报: last year approved everywhere, this year's in every status.
	sres, err := demo.Stats(ctx, a.Stats, *seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "统计年报: %d forms of %d approved; of %d's, %d started: %d approved, %d waiting for review, %d returned\n", sres.Last, sres.Year-1,
		sres.Year, sres.ByStatus["approved"]+sres.ByStatus["submitted"]+sres.ByStatus["returned"]+sres.ByStatus["draft"],
		sres.ByStatus["approved"], sres.ByStatus["submitted"], sres.ByStatus["returned"])
	nres, err := demo.Notify(ctx, a.Notify, a.Orgs)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "推送: %d subscribers, %d messages queued\n", nres.Subscribers, nres.Messages)
	// The first administrator, at the demo province's root.
	user, password, err := a.Bootstrap(ctx)
	if err != nil {
		return err
	}
	if password != "" {
		fmt.Fprintf(e.stdout, "administrator %s, one-time password %s\n", user, password)
	}
	// A member (a sci-tech worker with a card, tickets, hours and a survey
	// answered), to tour the member's own pages.
	mres, err := demo.Member(ctx, demo.MemberStores{Auth: a.Auth, Orgs: a.Orgs, People: a.People, Societies: a.Society, Volunteers: a.Vols,
		Events: a.Events, Surveys: a.Surveys}, *province, *seed)
	if err != nil {
		return err
	}
	if mres.Password != "" {
		fmt.Fprintf(e.stdout, "member %s (林晓雯), password %s\n", mres.Username, mres.Password)
	}
	if err := demo.ConferenceMember(ctx, a.Conf, mres.UserID, "林晓雯"); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "demo data: %d orgs, %d people, %d plans with %d progress entries, %d events with %d tickets (%d checked in), %d venues, %d society members, %d volunteers with %d hours entries in %s\n",
		res.Orgs, res.People, res.Plans, res.Ledger, res.Events.Events, res.Events.Tickets, res.Events.CheckedIn, res.Venues, res.Members, res.Volunteers, res.Hours, time.Since(start).Round(time.Millisecond))
	return nil
}
