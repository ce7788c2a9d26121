package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/society"
)

// cmdSociety: kexie society board --year Y [--org CODE] --json prints the
// reporting-rate board of the whole tree or of one org's subtree.
func cmdSociety(ctx context.Context, e *env, args []string) error {
	sub, args := subcommand(args)
	if sub != "board" {
		return usageError("want: society board --year Y [--org CODE] --json")
	}
	fs := e.flags("society board")
	year := fs.Int("year", time.Now().Year()-1, "the year reported on")
	code := fs.String("org", "", "an org's code: its subtree only")
	fs.Bool("json", true, "print JSON (the only output)")
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if *year < 2000 || *year > 2100 {
		return usageError("society board: --year is a year such as 2025")
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	scope := access.Everywhere()
	if *code != "" {
		o, err := a.Orgs.GetByCode(ctx, *code)
		if err != nil {
			return fmt.Errorf("society board: no org with code %q", *code)
		}
		scope = access.Subtrees(o.Path)
	}
	b, err := a.Society.Board(ctx, scope, *year)
	if err != nil {
		return err
	}
	return json.NewEncoder(e.stdout).Encode(b)
}

// cmdMember: kexie member card verify CODE --json and kexie member cards
// --society CODE --json.
func cmdMember(ctx context.Context, e *env, args []string) error {
	sub, args := subcommand(args)
	switch sub {
	case "card":
		verb, rest := subcommand(args)
		if verb != "verify" {
			return usageError("want: member card verify CODE --json")
		}
		fs := e.flags("member card verify")
		fs.Bool("json", true, "print JSON (the only output)")
		code, rest := subcommand(rest)
		if err := fs.Parse(rest); err != nil {
			return usageError(err.Error())
		}
		if code == "" {
			code = fs.Arg(0)
		}
		if code == "" {
			return usageError("member card verify: a card code is required")
		}
		a, err := e.open(ctx)
		if err != nil {
			return err
		}
		defer a.Close()
		c, err := a.Society.VerifyCard(ctx, code)
		if err != nil {
			return err
		}
		return json.NewEncoder(e.stdout).Encode(c)
	case "cards":
		fs := e.flags("member cards")
		code := fs.String("society", "", "the society's org code")
		fs.Bool("json", true, "print JSON (the only output)")
		if err := fs.Parse(args); err != nil {
			return usageError(err.Error())
		}
		if *code == "" {
			return usageError("member cards: --society CODE is required")
		}
		a, err := e.open(ctx)
		if err != nil {
			return err
		}
		defer a.Close()
		soc, err := a.Society.SocietyByCode(ctx, *code)
		if err != nil {
			return fmt.Errorf("member cards: no society with code %q", *code)
		}
		cards, err := a.Society.Cards(ctx, access.Everywhere(), soc.ID)
		if err != nil {
			return err
		}
		return json.NewEncoder(e.stdout).Encode(struct {
			Cards []society.Card `json:"cards"`
		}{cards})
	}
	return usageError("want: member card verify CODE --json | member cards --society CODE --json")
}

// benchSociety seeds societies × years of reports and members with dues
// into a scratch database and loads the board and the biggest society's
// dues ledger with wrk, reporting the server's memory afterwards.
func benchSociety(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench society")
	n := fs.Int("societies", 2000, "societies")
	years := fs.Int("years", 10, "years of annual reports")
	members := fs.Int("members", 1000000, "members over all societies (a fifth in the first)")
	dur := fs.Duration("duration", 10*time.Second, "wrk duration per page")
	conns := fs.Int("connections", 8, "wrk connections")
	a, cleanup, err := wrkScratch(ctx, e, fs, args)
	if err != nil {
		return err
	}
	defer cleanup()
	start := time.Now()
	until := time.Now().Year()
	fx, err := a.SeedSocieties(ctx, *n, *years, *members, until, func(done, m int) {
		if done%100 == 0 || done == *n {
			fmt.Fprintf(e.stderr, "\rseeding societies: %d/%d, members %d", done, *n, m)
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "\rseeded %d societies, %d years, %d members in %s\n", *n, *years, *members, time.Since(start).Round(time.Second))
	base, stop, err := listen(a.Handler())
	if err != nil {
		return err
	}
	defer stop()
	cookie := "kexie_session=" + fx.Token
	y := strconv.Itoa(until - 1)
	big := strconv.FormatInt(fx.Big.ID, 10)
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s; database: %s; %d societies × %d years of reports, %d members (%s: a fifth); wrk -t2 -c%d -d%s\n",
		cpuModel(), runtime.NumCPU(), runtime.Version(), a.DB.Dialect(), *n, *years, *members, fx.Big.Code, *conns, *dur)
	err = measurePages(ctx, e.stdout, base, *conns, *dur, []benchPage{
		{"reporting-rate board, whole province (" + strconv.Itoa(*n) + " societies, page 1)", "/societies?year=" + y, cookie},
		{"board filtered to missing reports", "/societies?year=" + y + "&state=missing", cookie},
		{"dues ledger of the biggest society (page 1, count and sum)", "/societies/" + big + "/dues", cookie},
		{"dues ledger, arrears only", "/societies/" + big + "/dues?status=arrears", cookie},
		{"member list of the biggest society (page 1 with total)", "/societies/" + big + "/members", cookie},
		{"health check (anchor)", "/healthz", cookie},
	})
	if err != nil {
		return err
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(e.stdout, "Go heap after the runs: %.1f MiB in use, %.1f MiB from the OS; resident %.1f MiB\n",
		float64(ms.HeapInuse)/(1<<20), float64(ms.Sys)/(1<<20), float64(readRSS(os.Getpid()))/1024)
	return nil
}
