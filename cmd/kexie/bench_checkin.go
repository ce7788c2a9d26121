package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"kexie/internal/access"
	"kexie/internal/app"
	"kexie/internal/auth"
	"kexie/internal/event"
)

// benchCheckin: kexie bench checkin [--db postgres://…] [--checkins 10000]
// [--devices 50] [--replays 0.10] [--doubles 0.05] [--seed 1]. An event
// with one ticket per check-in; each device checks its share of the
// tickets in, some twice (a double scan, on itself or another device), and
// sends its scans in random batches of 1–50 (--max-batch) through POST
// /events/{id}/sync to one of two app nodes on one database, re-sending a
// batch now and then (a replay: the phone never got the answer). Then it
// counts: every ticket in exactly once, every scan stored once, none lost.
func benchCheckin(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench checkin")
	n := fs.Int("checkins", 10000, "tickets to check in")
	devices := fs.Int("devices", 50, "phones scanning at once")
	replays := fs.Float64("replays", 0.10, "share of batches sent twice")
	doubles := fs.Float64("doubles", 0.05, "share of tickets scanned twice")
	seed := fs.Uint64("seed", 1, "the draw's seed")
	maxBatch := fs.Int("max-batch", 50, "largest batch a phone sends")
	nodeCount := fs.Int("nodes", 2, "app nodes (1 is the anchor: the same load on one node)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *nodeCount < 1 || *nodeCount > 2 || *maxBatch < 1 {
		return usageError("bench checkin: --nodes is 1 or 2, --max-batch at least 1")
	}
	a, cleanup, err := scratchApp(ctx, e)
	if err != nil {
		return err
	}
	defer cleanup()
	// The second node: its own process state and connection pool on the
	// same database and the same secret key (the data directory's).
	e2 := *e
	e2.cfg = a.Cfg
	b, err := app.Open(ctx, a.Cfg, e2.logger())
	if err != nil {
		return err
	}
	defer b.Close()
	if err := b.Migrate(ctx); err != nil { // claims the node's ID number
		return err
	}
	if err := b.BuildSite(); err != nil {
		return err
	}
	if _, _, err := a.Bootstrap(ctx); err != nil {
		return err
	}
	root, err := a.Orgs.Root(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	ev, err := a.Events.Create(ctx, event.Input{OrgID: root.ID, Title: "签到压测", Kind: event.KindKepuri, Capacity: *n, StartsAt: time.Now()})
	if err != nil {
		return err
	}
	names := make([]string, *n)
	for i := range names {
		names[i] = "观众" + strconv.Itoa(i+1)
	}
	tickets, err := a.Events.RegisterAll(ctx, ev.ID, names)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "registered %d tickets in %s\n", len(tickets), time.Since(start).Round(time.Millisecond))
	pw := "Check-In-2026!"
	u, err := a.Auth.CreateUser(ctx, auth.UserInput{Username: "checkinbench", DisplayName: "签到压测", Password: pw})
	if err != nil {
		return explain(err)
	}
	if err := a.Auth.Grant(ctx, u.ID, root.ID, access.OrgStaff, 0); err != nil {
		return err
	}
	nodes := make([]string, *nodeCount)
	for i, x := range []*app.App{a, b}[:*nodeCount] {
		base, stop, err := listen(x.Handler())
		if err != nil {
			return err
		}
		defer stop()
		nodes[i] = base
	}

	// Each device's scans: its share of the tickets, and the double scans
	// drawn onto a random device.
	rng := rand.New(rand.NewPCG(*seed, 2))
	scans := make([][]event.Scan, *devices)
	at := time.Now().Add(-time.Minute).UTC()
	nonce := 0
	add := func(d int, code string) {
		nonce++
		scans[d] = append(scans[d], event.Scan{Ticket: code, Device: fmt.Sprintf("phone-%02d", d), Nonce: strconv.Itoa(nonce), At: at})
	}
	doubled := 0
	for _, t := range tickets {
		add(rng.IntN(*devices), t.Code)
		if rng.Float64() < *doubles {
			add(rng.IntN(*devices), t.Code)
			doubled++
		}
	}
	for d := range scans {
		rng.Shuffle(len(scans[d]), func(i, j int) { scans[d][i], scans[d][j] = scans[d][j], scans[d][i] })
	}
	var sent, batches, replayed, accepted, dups, rejected atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, *devices)
	begin := time.Now()
	for d := 0; d < *devices; d++ {
		wg.Add(1)
		go func(d int, r *rand.Rand) {
			defer wg.Done()
			c, err := deviceClient(ctx, a, nodes, ev.ID, "checkinbench", pw)
			if err != nil {
				errs <- err
				return
			}
			list := scans[d]
			for len(list) > 0 {
				k := min(len(list), 1+r.IntN(*maxBatch))
				batch := list[:k]
				list = list[k:]
				times := 1
				if r.Float64() < *replays {
					times = 2
					replayed.Add(int64(k))
				}
				for i := 0; i < times; i++ {
					res, err := c.sync(r.IntN(len(nodes)), batch)
					if err != nil {
						errs <- err
						return
					}
					batches.Add(1)
					sent.Add(int64(k))
					accepted.Add(int64(res.Accepted))
					dups.Add(int64(res.Duplicates))
					rejected.Add(int64(len(res.Rejected)))
				}
			}
		}(d, rand.New(rand.NewPCG(*seed, uint64(d)+10)))
	}
	wg.Wait()
	took := time.Since(begin)
	close(errs)
	for err := range errs {
		return err
	}
	att, err := a.Events.Attendance(ctx, ev.ID)
	if err != nil {
		return err
	}
	var stored, distinct int64
	if err := a.DB.QueryRow(ctx, `SELECT COUNT(*), COUNT(DISTINCT ticket_code) FROM event_scans WHERE event_id = ?`, ev.ID).Scan(&stored, &distinct); err != nil {
		return err
	}
	var inRows, inDistinct int64
	if err := a.DB.QueryRow(ctx, `SELECT COUNT(*), COUNT(DISTINCT ticket_id) FROM event_attendance WHERE event_id = ?`, ev.ID).Scan(&inRows, &inDistinct); err != nil {
		return err
	}
	unique := int64(*n + doubled)
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s; database: %s; %d app node(s) in one process, each its own pool; batches of 1–%d\n",
		cpuModel(), runtime.NumCPU(), runtime.Version(), a.DB.Dialect(), len(nodes), *maxBatch)
	fmt.Fprintf(e.stdout, "| measure | value |\n|---|---|\n")
	fmt.Fprintf(e.stdout, "| tickets / devices | %d / %d |\n| scans made (incl. %d double scans) | %d |\n", *n, *devices, doubled, unique)
	fmt.Fprintf(e.stdout, "| scans sent (incl. %d replayed) in %d batches | %d |\n", replayed.Load(), batches.Load(), sent.Load())
	fmt.Fprintf(e.stdout, "| answers: accepted / duplicates / rejected | %d / %d / %d |\n", accepted.Load(), dups.Load(), rejected.Load())
	fmt.Fprintf(e.stdout, "| checked in (rows / distinct tickets) | %d / %d |\n", inRows, inDistinct)
	fmt.Fprintf(e.stdout, "| scans stored / distinct tickets scanned | %d / %d |\n", stored, distinct)
	fmt.Fprintf(e.stdout, "| losses (tickets not in) | %d |\n| duplicates (tickets counted twice) | %d |\n", int64(*n)-inDistinct, inRows-inDistinct)
	fmt.Fprintf(e.stdout, "| wall time | %s |\n| sync rate | %.0f scans/s, %.0f check-ins/s |\n", took.Round(time.Millisecond),
		float64(sent.Load())/took.Seconds(), float64(att.CheckedIn)/took.Seconds())
	if att.CheckedIn != *n || inRows != inDistinct || stored != unique || accepted.Load() != int64(*n) || rejected.Load() != 0 {
		return fmt.Errorf("check-in bench: %d in of %d, %d scans stored of %d, %d accepted, %d rejected", att.CheckedIn, *n, stored, unique, accepted.Load(), rejected.Load())
	}
	return nil
}

var dataCSRF = regexp.MustCompile(`data-csrf="([^"]+)"`)

// checkinClient is one phone: signed in, with the CSRF token of each
// node's check-in page.
type checkinClient struct {
	http   *http.Client
	nodes  []string
	tokens []string
	event  int64
}

func deviceClient(ctx context.Context, a *app.App, nodes []string, eventID int64, user, pw string) (*checkinClient, error) {
	res, err := a.Auth.Login(ctx, user, pw, "127.0.0.1", "bench")
	if err != nil {
		return nil, err
	}
	jar, _ := cookiejar.New(nil)
	c := &checkinClient{http: &http.Client{Jar: jar, Timeout: time.Minute}, nodes: nodes, event: eventID}
	for _, base := range nodes {
		u, _ := url.Parse(base)
		jar.SetCookies(u, []*http.Cookie{{Name: "kexie_session", Value: res.Token, Path: "/"}})
		r, err := c.http.Get(fmt.Sprintf("%s/events/%d/checkin", base, eventID))
		if err != nil {
			return nil, err
		}
		body, _ := io.ReadAll(r.Body)
		r.Body.Close()
		m := dataCSRF.FindSubmatch(body)
		if r.StatusCode != http.StatusOK || m == nil {
			return nil, fmt.Errorf("check-in page on %s: status %d", base, r.StatusCode)
		}
		c.tokens = append(c.tokens, string(m[1]))
	}
	return c, nil
}

func (c *checkinClient) sync(node int, batch []event.Scan) (event.SyncResult, error) {
	body, _ := json.Marshal(map[string]any{"scans": batch})
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/events/%d/sync", c.nodes[node], c.event), bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", c.tokens[node])
	r, err := c.http.Do(req)
	if err != nil {
		return event.SyncResult{}, err
	}
	defer r.Body.Close()
	var res event.SyncResult
	if r.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(r.Body)
		return res, fmt.Errorf("sync on node %d: status %d: %.200s", node, r.StatusCode, b)
	}
	return res, json.NewDecoder(r.Body).Decode(&res)
}
