package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"
)

// cmdBench runs the benchmarks whose numbers docs/benchmarks.md records:
//
//	kexie bench orgtree [--db postgres://…] [--orgs 10000] [--duration 10s] [--connections 32] [--rounds 3] [--cpuprofile FILE]
//	kexie bench startup
//	kexie bench import [--rows 1000000] [--db postgres://…] [--copy-db postgres://…]
//	kexie bench survey-estimate [--rows 1000000] [--runs 3]
func cmdBench(ctx context.Context, e *env, args []string) error {
	benches := map[string]func(context.Context, *env, []string) error{
		"orgtree":          benchOrgTree,
		"startup":          benchStartup,
		"search":           benchSearch,
		"pages":            benchPages,
		"plans":            benchPlans,
		"import":           benchImport,
		"survey-estimate":  benchSurveyEstimate,
		"kepu":             benchKepu,
		"checkin":          benchCheckin,
		"review":           benchReview,
		"society":          benchSociety,
		"volunteer-ledger": benchVolunteerLedger,
		"survey-answer":    benchSurveyAnswer,
		"survey-dashboard": benchSurveyDashboard,
		"push":             benchPush,
	}
	var names []string
	for n := range benches {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(args) == 0 {
		return usageError("want: bench " + strings.Join(names, " | "))
	}
	run, ok := benches[args[0]]
	if !ok {
		return usageError("unknown benchmark " + args[0] + "; want one of: " + strings.Join(names, " | "))
	}
	return run(ctx, e, args[1:])
}

func benchOrgTree(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench orgtree")
	n := fs.Int("orgs", 10000, "orgs to create")
	dur := fs.Duration("duration", 10*time.Second, "wrk duration per target")
	conns := fs.Int("connections", 32, "wrk connections")
	threads := fs.Int("threads", 2, "wrk threads")
	rounds := fs.Int("rounds", 3, "alternate the two targets this many times, each for duration/rounds, so a change in the machine's load falls on both")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the process while wrk loads the real page")
	if err := fs.Parse(args); err != nil {
		return err
	}
	*threads = min(*threads, *conns) // wrk refuses more threads than connections
	*rounds = max(*rounds, 1)
	if err := needWrk(); err != nil {
		return err
	}
	a, cleanup, err := scratchApp(ctx, e)
	if err != nil {
		return err
	}
	defer cleanup()
	start := time.Now()
	fx, err := a.SeedOrgTree(ctx, *n, func(done int) { fmt.Fprintf(e.stderr, "\rseeding orgs: %d/%d", done, *n) })
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "\rseeded %d orgs in %s\n", *n, time.Since(start).Round(time.Millisecond))
	base, err := a.BaselineHandler(ctx, fx)
	if err != nil {
		return err
	}
	realURL, stopReal, err := listen(a.Handler())
	if err != nil {
		return err
	}
	defer stopReal()
	baseURL, stopBase, err := listen(base)
	if err != nil {
		return err
	}
	defer stopBase()
	cookie := "kexie_session=" + fx.Token
	// Check the real page answers with the tree before loading it.
	req, _ := http.NewRequest("GET", realURL+"/orgs", nil)
	req.Header.Set("Cookie", cookie)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		return fmt.Errorf("org tree page answered %d", res.StatusCode)
	}
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s; database: %s; orgs: %d; wrk -t%d -c%d -d%s\n",
		cpuModel(), runtime.NumCPU(), runtime.Version(), a.DB.Dialect(), *n, *threads, *conns, *dur)
	fmt.Fprintln(e.stdout, "| target | requests/s | p50 | p99 |")
	fmt.Fprintln(e.stdout, "|---|---|---|---|")
	targets := []struct{ name, url string }{
		{"bare handler, in-memory data", baseURL + "/orgs"},
		{"Kexie /orgs (session + access + query + template)", realURL + "/orgs"},
	}
	// Each round loads both targets in turn; requests/s is the mean over the
	// rounds and the latency percentiles are the worst round's.
	results := map[string]wrkResult{}
	for round := 0; round < *rounds; round++ {
		for i, target := range targets {
			var stop func()
			if i == 1 && *cpuProfile != "" {
				if stop, err = startCPUProfile(*cpuProfile); err != nil {
					return err
				}
			}
			r, err := wrkLoad(ctx, *threads, *conns, *dur/time.Duration(*rounds), cookie, target.url)
			if stop != nil {
				stop()
			}
			if err != nil {
				return err
			}
			acc := results[target.name]
			acc.rps += r.rps / float64(*rounds)
			acc.p50, acc.p99 = max(acc.p50, r.p50), max(acc.p99, r.p99)
			results[target.name] = acc
		}
	}
	for _, target := range targets {
		r := results[target.name]
		fmt.Fprintf(e.stdout, "| %s | %.0f | %.2f ms | %.2f ms |\n", target.name, r.rps, r.p50, r.p99)
	}
	ratio := results["Kexie /orgs (session + access + query + template)"].rps / results["bare handler, in-memory data"].rps
	fmt.Fprintf(e.stdout, "ratio: %.0f%% of the in-memory handler's requests/s\n", ratio*100)
	return nil
}

// startCPUProfile writes a CPU profile of this process to path until the
// returned function is called (the last round's load is what it holds).
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// needWrk reports a missing wrk with how to get it.
func needWrk() error {
	if _, err := exec.LookPath("wrk"); err != nil {
		return fmt.Errorf("wrk not found: apt-get install wrk")
	}
	return nil
}

// wrkResult is what a wrk run measured: requests/s and latency
// percentiles in milliseconds.
type wrkResult struct{ rps, p50, p99 float64 }

// wrkLoad loads url with wrk (threads capped at conns, which wrk
// requires) sending cookie, and fails on a non-2xx answer.
func wrkLoad(ctx context.Context, threads, conns int, dur time.Duration, cookie, url string) (wrkResult, error) {
	out, err := exec.CommandContext(ctx, "wrk", "-t"+strconv.Itoa(min(threads, conns)), "-c"+strconv.Itoa(conns), "-d"+dur.String(),
		"--latency", "-H", "Cookie: "+cookie, url).CombinedOutput()
	if err != nil {
		return wrkResult{}, fmt.Errorf("wrk: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "Non-2xx") {
		return wrkResult{}, fmt.Errorf("wrk saw non-2xx answers from %s:\n%s", url, out)
	}
	return wrkResult{rps: parseRPS(string(out)), p50: parseLatency(string(out), "50%"), p99: parseLatency(string(out), "99%")}, nil
}

func listen(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}, nil
}

var rpsRE = regexp.MustCompile(`Requests/sec:\s+([\d.]+)`)

func parseRPS(out string) float64 {
	m := rpsRE.FindStringSubmatch(out)
	if m == nil {
		return 0
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

// parseLatency reads a line of wrk's latency distribution, in milliseconds.
func parseLatency(out, pct string) float64 {
	m := regexp.MustCompile(regexp.QuoteMeta(pct) + `\s+([\d.]+)(us|ms|s)`).FindStringSubmatch(out)
	if m == nil {
		return 0
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	switch m[2] {
	case "us":
		return v / 1000
	case "s":
		return v * 1000
	}
	return v
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// benchStartup starts `kexie serve` on a fresh SQLite data directory, times
// it to the first ready answer, and reads its resident memory after two
// idle seconds.
func benchStartup(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench startup")
	runs := fs.Int("runs", 5, "how many starts")
	if err := fs.Parse(args); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s\n| run | fresh data dir | start → /readyz | idle RSS |\n|---|---|---|---|\n",
		cpuModel(), runtime.NumCPU(), runtime.Version())
	for i := 1; i <= *runs; i++ {
		dir, err := os.MkdirTemp("", "kexie-start")
		if err != nil {
			return err
		}
		for _, fresh := range []bool{true, false} {
			ln, _ := net.Listen("tcp", "127.0.0.1:0")
			addr := ln.Addr().String()
			ln.Close()
			cmd := exec.CommandContext(ctx, self, "serve", "--data", dir, "--addr", addr, "--log-level", "error")
			start := time.Now()
			if err := cmd.Start(); err != nil {
				return err
			}
			var ready time.Duration
			for time.Since(start) < 20*time.Second {
				res, err := http.Get("http://" + addr + "/readyz")
				if err == nil {
					res.Body.Close()
					if res.StatusCode == 200 {
						ready = time.Since(start)
						break
					}
				}
				time.Sleep(5 * time.Millisecond)
			}
			time.Sleep(2 * time.Second)
			rss := readRSS(cmd.Process.Pid)
			_ = cmd.Process.Signal(os.Interrupt)
			_ = cmd.Wait()
			fmt.Fprintf(e.stdout, "| %d | %v | %d ms | %.1f MB |\n", i, fresh, ready.Milliseconds(), float64(rss)/1024)
		}
		os.RemoveAll(dir)
	}
	return nil
}

// readRSS returns VmRSS in KiB from /proc.
func readRSS(pid int) int { return procStatusKB(pid, "VmRSS") }

// readPeakRSS returns VmHWM, the peak RSS, in KiB from /proc.
func readPeakRSS(pid int) int { return procStatusKB(pid, "VmHWM") }

// procStatusKB reads a "Field:   123 kB" line of /proc/PID/status.
func procStatusKB(pid int, field string) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n
		}
	}
	return 0
}
