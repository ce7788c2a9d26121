package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/event"
)

// cmdEvent: kexie event list | tickets EVENT | sync FILE.jsonl [--event ID]
// | attendance EVENT, each --json: the event module for scripts. The keys
// of the JSON are stable; other tools read them.
func cmdEvent(ctx context.Context, e *env, args []string) error {
	sub, args := subcommand(args)
	fs := e.flags("event " + sub)
	fs.Bool("json", true, "print JSON (the only output)")
	eventID := fs.Int64("event", 0, "sync: the event the device checked in for (a ticket of another event is then rejected)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	want := map[string]int{"list": 0, "tickets": 1, "sync": 1, "attendance": 1}
	n, ok := want[sub]
	if !ok || len(pos) != n {
		return usageError("want: event list | tickets EVENT | sync FILE.jsonl [--event ID] | attendance EVENT, with --json")
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	s := a.Events
	out := json.NewEncoder(e.stdout)
	out.SetEscapeHTML(false)
	id := int64(0)
	if sub == "tickets" || sub == "attendance" {
		if id, err = strconv.ParseInt(pos[0], 10, 64); err != nil {
			return usageError("EVENT must be an event's id (kexie event list --json)")
		}
		if _, err := s.Get(ctx, id); err != nil {
			return err
		}
	}
	switch sub {
	case "list":
		type row struct {
			ID       string `json:"id"`
			Title    string `json:"title"`
			Capacity int    `json:"capacity"`
		}
		rows := []row{}
		for off := 0; ; off += 1000 {
			// The command line is the operator's: every org's events.
			list, total, err := s.List(ctx, event.Filter{Scope: access.Everywhere(), Sort: "starts", Limit: 1000, Offset: off})
			if err != nil {
				return err
			}
			for _, x := range list {
				rows = append(rows, row{ID: strconv.FormatInt(x.ID, 10), Title: x.Title, Capacity: x.Capacity})
			}
			if off+len(list) >= total || len(list) == 0 {
				break
			}
		}
		return out.Encode(map[string]any{"events": rows})
	case "tickets":
		// The confirmed tickets: those that carry a QR code.
		ts, _, err := s.Tickets(ctx, id, event.TicketFilter{Status: event.Confirmed})
		if err != nil {
			return err
		}
		type row struct {
			Code string `json:"code"`
		}
		rows := make([]row, 0, len(ts))
		for _, t := range ts {
			rows = append(rows, row{Code: t.Code})
		}
		return out.Encode(map[string]any{"tickets": rows})
	case "attendance":
		at, err := s.Attendance(ctx, id)
		if err != nil {
			return err
		}
		return out.Encode(map[string]int{"checked_in": at.CheckedIn, "walk_ins": at.WalkIns})
	}
	res, err := syncFile(ctx, s, pos[0], *eventID)
	if err != nil {
		return err
	}
	return out.Encode(struct {
		Accepted   int               `json:"accepted"`
		Duplicates int               `json:"duplicates"`
		Rejected   []event.Rejection `json:"rejected"`
	}{res.Accepted, res.Duplicates, res.Rejected})
}

// syncFile sends one device's batch, a JSON object a line, through the
// store's Sync — the web endpoint's code path — in chunks of 5,000 lines;
// a line that is not a scan is rejected with its number.
func syncFile(ctx context.Context, s *event.Store, file string, eventID int64) (event.SyncResult, error) {
	f, err := os.Open(file)
	if err != nil {
		return event.SyncResult{}, err
	}
	defer f.Close()
	total := event.SyncResult{Rejected: []event.Rejection{}}
	var batch []event.Scan
	var lines []int
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		r, err := s.Sync(ctx, eventID, batch)
		if err != nil {
			return err
		}
		total.Accepted += r.Accepted
		total.Duplicates += r.Duplicates
		total.WalkIns += r.WalkIns
		for _, x := range r.Rejected {
			total.Rejected = append(total.Rejected, event.Rejection{Line: lines[x.Line-1], Reason: x.Reason})
		}
		batch, lines = batch[:0], lines[:0]
		return nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var x event.Scan
		if err := json.Unmarshal([]byte(text), &x); err != nil {
			total.Rejected = append(total.Rejected, event.Rejection{Line: n, Reason: event.ReasonBad})
			continue
		}
		batch, lines = append(batch, x), append(lines, n)
		if len(batch) == 5000 {
			if err := flush(); err != nil {
				return total, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return total, fmt.Errorf("%s: %w", file, err)
	}
	return total, flush()
}
