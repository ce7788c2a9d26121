package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/survey"
)

// benchSurveyAnswer measures public answering under load on one node: wrk
// posts valid, distinct answers (each a different respondent with a signed
// form, from varied addresses as behind a load balancer) to a station's
// link for --duration; then the stored responses are counted against the
// answers wrk saw accepted — none lost, none twice.
//
//	kexie bench survey-answer [--db postgres://…] [--duration 20s] [--connections 64] [--forms 300000]
func benchSurveyAnswer(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench survey-answer")
	dur := fs.Duration("duration", 20*time.Second, "wrk duration")
	conns := fs.Int("connections", 64, "wrk connections")
	threads := fs.Int("threads", 2, "wrk threads")
	forms := fs.Int("forms", 300000, "distinct answer forms prepared (must exceed the answers wrk can post)")
	cpuprofile := fs.String("cpuprofile", "", "write the node's CPU profile during the load to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := needWrk(); err != nil {
		return err
	}
	e2 := *e
	e2.cfg.TrustProxy = true // the addresses come in X-Forwarded-For, as behind nginx
	a, cleanup, err := scratchApp(ctx, &e2)
	if err != nil {
		return err
	}
	defer cleanup()
	root, _, err := a.Orgs.EnsureRoot(ctx, "科学技术协会", "ROOT", org.TypeProvince)
	if err != nil {
		return err
	}
	city, err := a.Orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "C1", Name: "某市科学技术协会", Type: org.TypeCity, RegionCode: "510400"})
	if err != nil {
		return err
	}
	def, err := survey.ParseDefinition([]byte(`{"title":{"zh":"负载测试问卷"},"pages":[{"questions":[
		{"id":"gender","type":"single","role":"gender","required":true,"text":{"zh":"性别"},"options":[{"code":"1","text":{"zh":"男"}},{"code":"2","text":{"zh":"女"}}]},
		{"id":"age","type":"single","role":"age","required":true,"text":{"zh":"年龄段"},"options":[{"code":"1","text":{"zh":"青年"}},{"code":"2","text":{"zh":"中年"}},{"code":"3","text":{"zh":"老年"}}]},
		{"id":"like","type":"rating","max":5,"required":true,"text":{"zh":"满意程度"}},
		{"id":"note","type":"text","text":{"zh":"建议"}}]}]}`))
	if err != nil {
		return err
	}
	v, err := a.Surveys.Create(ctx, survey.Input{OrgID: root.ID, Title: "负载测试问卷", Definition: &def})
	if err != nil {
		return err
	}
	if _, err := a.Surveys.Publish(ctx, v.ID, 0); err != nil {
		return err
	}
	st, err := a.Surveys.AddStation(ctx, v.ID, city.ID, 0)
	if err != nil {
		return err
	}
	if v, err = a.Surveys.Get(ctx, v.ID); err != nil {
		return err
	}
	base, stop, err := listen(a.Handler())
	if err != nil {
		return err
	}
	defer stop()
	link := base + "/s/" + st.Token
	// One page view gives the CSRF cookie and token every post reuses (the
	// double-submit token is stateless).
	res, err := http.Get(link)
	if err != nil {
		return err
	}
	page := new(strings.Builder)
	_, _ = bufio.NewReader(res.Body).WriteTo(page)
	res.Body.Close()
	var cookie string
	for _, c := range res.Cookies() {
		if c.Name == "kexie_csrf" {
			cookie = "kexie_csrf=" + c.Value
		}
	}
	m := regexp.MustCompile(`name="csrf_token" value="([^"]+)"`).FindStringSubmatch(page.String())
	if res.StatusCode != 200 || cookie == "" || m == nil {
		return fmt.Errorf("answer page: %d, cookie %q", res.StatusCode, cookie)
	}
	dir, err := os.MkdirTemp("", "kexie-survey-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bodies := filepath.Join(dir, "bodies.txt")
	f, err := os.Create(bodies)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	rng := rand.New(rand.NewPCG(1, 2))
	at := time.Now().Add(-30 * time.Second)
	for i := 0; i < *forms; i++ {
		r := fmt.Sprintf("bench%015d", i)
		form := survey.PublicForm(a.Keys.Derive("survey"), v, st, r, at)
		form.Set("csrf_token", m[1])
		form.Set("gender", strconv.Itoa(1+rng.IntN(2)))
		form.Set("age", strconv.Itoa(1+rng.IntN(3)))
		form.Set("like", strconv.Itoa(1+rng.IntN(5)))
		form.Set("note", "科普活动很好")
		fmt.Fprintln(w, form.Encode())
	}
	if err := w.Flush(); err != nil {
		return err
	}
	f.Close()
	script := filepath.Join(dir, "post.lua")
	if err := os.WriteFile(script, []byte(fmt.Sprintf(surveyLua, bodies, *threads, cookie, strings.TrimPrefix(link, base))), 0o600); err != nil {
		return err
	}
	*threads = min(*threads, *conns)
	// Anchor, in the same run: the same node answering its health check.
	anchor, err := wrkLoad(ctx, *threads, *conns, 10*time.Second, "", base+"/healthz")
	if err != nil {
		return err
	}
	if *cpuprofile != "" {
		pf, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(pf); err != nil {
			return err
		}
		defer pf.Close()
	}
	out, err := exec.CommandContext(ctx, "wrk", "-t"+strconv.Itoa(*threads), "-c"+strconv.Itoa(*conns), "-d"+dur.String(), "--latency",
		"-s", script, base).CombinedOutput()
	if err != nil {
		return fmt.Errorf("wrk: %v\n%s", err, out)
	}
	if *cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	counts := regexp.MustCompile(`accepted=(\d+) other=(\d+)`).FindStringSubmatch(string(out))
	if counts == nil {
		return fmt.Errorf("wrk printed no counts:\n%s", out)
	}
	accepted, _ := strconv.Atoi(counts[1])
	other, _ := strconv.Atoi(counts[2])
	var stored, distinct int
	if err := a.DB.QueryRow(ctx, `SELECT COUNT(*), COUNT(DISTINCT respondent) FROM survey_responses WHERE survey_id = ?`, v.ID).Scan(&stored, &distinct); err != nil {
		return err
	}
	rps := float64(accepted) / dur.Seconds()
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s; database: %s; wrk -t%d -c%d -d%s (server and wrk on the same machine)\n",
		cpuModel(), runtime.NumCPU(), runtime.Version(), a.DB.Dialect(), *threads, *conns, *dur)
	fmt.Fprintln(e.stdout, "| accepted answers/s | p50 | p99 | accepted | refused/other | stored | distinct respondents | in flight at the stop |")
	fmt.Fprintln(e.stdout, "|---|---|---|---|---|---|---|---|")
	fmt.Fprintf(e.stdout, "| %.0f | %.2f ms | %.2f ms | %d | %d | %d | %d | %d |\n", rps, parseLatency(string(out), "50%"), parseLatency(string(out), "99%"),
		accepted, other, stored, distinct, stored-accepted)
	// Every acknowledged answer is stored once; answers wrk had sent when it
	// stopped (at most one per connection) may be stored unacknowledged.
	fmt.Fprintf(e.stdout, "anchor (same node, same run): GET /healthz %.0f requests/s, p50 %.2f ms, p99 %.2f ms\n", anchor.rps, anchor.p50, anchor.p99)
	if distinct != stored || stored < accepted || stored > accepted+*conns || other != 0 {
		return fmt.Errorf("stored %d responses (%d distinct) for %d accepted answers and %d others", stored, distinct, accepted, other)
	}
	if accepted >= *forms {
		return fmt.Errorf("wrk used up the %d prepared forms: raise --forms", *forms)
	}
	return nil
}

// surveyLua drives wrk: each thread posts its own share of the prepared
// forms (thread k takes lines k, k+n, …), from addresses that vary per
// request, and counts the answers accepted (303 to the thanks page).
const surveyLua = `
local lines = {}
for l in io.lines(%q) do lines[#lines + 1] = l end
local nthreads = %d
local counter = 0
local threads = {}
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  i = id + 1
  accepted = 0
  other = 0
end
function request()
  local body = lines[i]
  i = i + nthreads
  if body == nil then body = lines[1] end
  local headers = {}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Cookie"] = %q
  headers["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("POST", %q, headers, body)
end
function response(status, headers, body)
  if status == 303 then accepted = accepted + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local a, o = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    o = o + t:get("other")
  end
  io.write(string.format("accepted=%%d other=%%d\n", a, o))
end
`

// benchSurveyDashboard measures the literacy monitor over many stored
// responses: it stores --responses literacy responses spread over regions,
// years and demographic cells (in batches, through SQL, with their
// aggregates built as the answering path keeps them), then times the
// dashboard's computation for the province and for one city.
//
//	kexie bench survey-dashboard [--db postgres://…] [--responses 1000000] [--runs 200]
func benchSurveyDashboard(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench survey-dashboard")
	n := fs.Int("responses", 1_000_000, "literacy responses to store")
	runs := fs.Int("runs", 200, "dashboard computations timed per target")
	if err := fs.Parse(args); err != nil {
		return err
	}
	a, cleanup, err := scratchApp(ctx, e)
	if err != nil {
		return err
	}
	defer cleanup()
	start := time.Now()
	fx, err := survey.SeedLiteracy(ctx, a.Surveys, a.Orgs, *n, func(done int) { fmt.Fprintf(e.stderr, "\rstoring responses: %d/%d", done, *n) })
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "\rstored %d responses (%d aggregate rows) in %s\n", *n, fx.AggregateRows, time.Since(start).Round(time.Second))
	root, err := a.Orgs.Get(ctx, fx.Root.ID)
	if err != nil {
		return err
	}
	targets, err := seedLiteracyTargets(ctx, a, root)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s; database: %s; %d responses in %d surveys, %d aggregate rows, %d plan targets bound\n",
		cpuModel(), runtime.NumCPU(), runtime.Version(), a.DB.Dialect(), *n, fx.Surveys, fx.AggregateRows, targets)
	fmt.Fprintln(e.stdout, "| dashboard of | p50 | p99 | max |")
	fmt.Fprintln(e.stdout, "|---|---|---|---|")
	for _, target := range []struct {
		name string
		root survey.Region
	}{{"the province (all cities)", fx.Root}, {"one city", fx.City}, {"anchor: SELECT 1, once", survey.Region{}}} {
		var times []time.Duration
		for i := 0; i < *runs; i++ {
			t0 := time.Now()
			if target.root.ID == 0 {
				var one int
				if err := a.DB.QueryRow(ctx, `SELECT 1`).Scan(&one); err != nil {
					return err
				}
				times = append(times, time.Since(t0))
				continue
			}
			m, err := a.Surveys.Monitor(ctx, access.Everywhere(), target.root)
			if err != nil {
				return err
			}
			if len(m.Years) == 0 || len(m.Targets[target.root.ID]) == 0 {
				return fmt.Errorf("dashboard of %s is empty or shows no target", target.name)
			}
			times = append(times, time.Since(t0))
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		fmt.Fprintf(e.stdout, "| %s | %.2f ms | %.2f ms | %.2f ms |\n", target.name, ms(times[len(times)/2]), ms(times[len(times)*99/100]), ms(times[len(times)-1]))
	}
	return nil
}
