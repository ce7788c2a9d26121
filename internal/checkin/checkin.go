// Package checkin is the door's offline scanner that more than one module
// uses (an event's tickets, a conference's registrations): one browser
// script and its service worker, and one shape of what a phone sends and
// hears back. A phone keeps each scan (camera or typed code) in
// localStorage with its device id, a fresh nonce and the time, and sends
// them in batches; the module stores each (device, nonce) once, so a
// batch sent twice is harmless.
//
// The page names what differs between modules in data attributes on the
// element #checkin: data-sync (the endpoint), data-csrf, data-key (the
// localStorage key's suffix), data-sw and data-sw-scope (the worker and
// the pages it keeps), data-msg-* (the page's language), and elements
// with data-count="<field>" that take that field of the answer.
//
// This package holds no rules of its own about who may come in — each
// module decides that in its store — and must never read a module's
// tables. Its bounds are the ones every module's sync endpoint applies.
package checkin

import (
	"embed"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"
	"unicode/utf8"
)

// Scan is one check-in a device recorded, as it sends it.
type Scan struct {
	Ticket string    `json:"ticket"` // the code as scanned or typed
	Device string    `json:"device"`
	Nonce  string    `json:"nonce"`
	At     time.Time `json:"at"`
	// WalkIn marks a person let in without a ticket; Ticket is then empty.
	// Only a module whose page offers the button takes it.
	WalkIn bool `json:"walk_in,omitempty"`
}

// Result is the answer to one batch of scans.
type Result struct {
	Accepted   int         `json:"accepted"`
	Duplicates int         `json:"duplicates"`
	WalkIns    int         `json:"walk_ins"`
	Rejected   []Rejection `json:"rejected"`
	// Seen names the holder of each scan that counted or was in already,
	// where the module names them (a conference does, so the door sees
	// whom it let in); empty otherwise.
	Seen []Seen `json:"seen,omitempty"`
}

// Rejection is a scan that did not count, by its line (1-based) in the
// batch, with a reason code the module labels in its catalogs.
type Rejection struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// Seen is a scan that counted (Outcome Accepted) or whose holder was in
// already (Duplicate), with the holder's name.
type Seen struct {
	Line    int    `json:"line"`
	Outcome string `json:"outcome"`
	Name    string `json:"name"`
}

// Outcomes of a stored scan.
const (
	Accepted  = "accepted"
	Duplicate = "duplicate" // the holder was in already (double scan, second device)
	Rejected  = "rejected"
	WalkIn    = "walk_in" // 现场入场 without a ticket
)

// Bounds of what a phone may send.
const (
	MaxBatch  = 5000    // scans in one request (the script sends 500 at a time)
	MaxBody   = 4 << 20 // bytes of one request
	MaxDevice = 100     // runes of a device id
	MaxNonce  = 100     // runes of a nonce
	MaxCode   = 64      // runes of a code as scanned
	// MaxClockSkew is how far ahead of the server a device's clock may be.
	MaxClockSkew = 10 * time.Minute
)

// ErrBadBatch is a request body that is not a batch within the bounds.
var ErrBadBatch = errors.New("checkin: bad batch")

// Decode reads one batch, {"scans": [...]}, of at most MaxBatch scans from
// at most MaxBody bytes of r.
func Decode(r io.Reader) ([]Scan, error) {
	var body struct {
		Scans []Scan `json:"scans"`
	}
	if err := json.NewDecoder(io.LimitReader(r, MaxBody)).Decode(&body); err != nil || len(body.Scans) > MaxBatch {
		return nil, ErrBadBatch
	}
	return body.Scans, nil
}

// Read reads the batch a phone sent in r's body, within MaxBody.
func Read(w http.ResponseWriter, r *http.Request) ([]Scan, error) {
	return Decode(http.MaxBytesReader(w, r.Body, MaxBody))
}

// Reasons words each rejection of res for the phone's log: t translates
// prefix + the reason ("event.reason.unknown_code").
func Reasons(t func(string, ...any) string, prefix string, res Result) []string {
	out := make([]string, 0, len(res.Rejected))
	for _, x := range res.Rejected {
		out = append(out, t(prefix+x.Reason))
	}
	return out
}

// Reply writes a sync endpoint's answer as JSON, never kept by a cache.
func Reply(w http.ResponseWriter, answer any) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(answer)
}

// Sound reports whether a scan's own fields are within the bounds: a
// device, a nonce and a time, and a code (normalized by the module) unless
// it is a walk-in, each without a control character. A scan that is not sound is rejected as ReasonBad.
func (s Scan) Sound(code string) bool {
	return field(s.Device, MaxDevice) && field(s.Nonce, MaxNonce) && !s.At.IsZero() && (s.WalkIn || field(code, MaxCode))
}

// Future reports whether the device's clock is ahead of now by more than
// MaxClockSkew: such a scan is rejected as ReasonFuture.
func (s Scan) Future(now time.Time) bool { return s.At.After(now.Add(MaxClockSkew)) }

// Reasons every module shares.
const (
	ReasonBad    = "bad_scan"     // a field missing or too long
	ReasonFuture = "clock_future" // the device's clock is far ahead
)

// field reports whether s is a field within max runes: not empty, and no
// control character — a NUL (JSON's \u0000) above all, which PostgreSQL
// cannot store: it would fail the whole batch, which the phone then sends
// again and again.
func field(s string, max int) bool {
	if s == "" || utf8.RuneCountInString(s) > max {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}

//go:embed static
var files embed.FS

// Script serves the scanner's script; a module mounts it under its own
// path (GET /events/checkin.js), which its worker then keeps.
func Script() http.Handler { return serve("static/checkin.js", "") }

// Worker serves the scanner's service worker for the pages under scope
// (a module's path, "/events/"); the module mounts it inside that scope.
func Worker(scope string) http.Handler { return serve("static/checkin-sw.js", scope) }

func serve(name, scope string) http.Handler {
	b, err := files.ReadFile(name)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		if scope != "" {
			w.Header().Set("Service-Worker-Allowed", scope)
		}
		_, _ = w.Write(b)
	})
}
