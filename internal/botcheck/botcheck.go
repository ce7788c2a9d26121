// Package botcheck guards public forms that anyone may post without an
// account (an objection, a survey answer): a signed timing token says when
// and for what the form was served, a honeypot field catches scripts that
// fill every input, and a per-node limiter bounds posts per address. Only a
// keyed hash of an address is ever kept.
//
// It must never store anything, import a module, or keep an address in
// the clear.
package botcheck

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Why a form was refused.
var (
	ErrTampered = errors.New("botcheck: token does not match the form")
	ErrTooFast  = errors.New("botcheck: posted faster than a person fills the form")
	ErrExpired  = errors.New("botcheck: the form was served too long ago")
	ErrHoneypot = errors.New("botcheck: the hidden field was filled")
)

// Checker signs and checks timing tokens under Key. A form posted sooner
// than Min after it was served, or later than Max, is refused.
type Checker struct {
	Key      []byte
	Kind     string // what the form is (e.g. "event.register"): a token of one kind is refused by another
	Min, Max time.Duration
}

// Stamp returns the time stamp and token to put in a form served at now;
// parts bind the token to what the form is for (a survey, a station, a
// respondent), so changing any of them breaks it.
func (c Checker) Stamp(now time.Time, parts ...string) (stamp, token string) {
	stamp = strconv.FormatInt(now.Unix(), 10)
	return stamp, c.sign(stamp, parts)
}

func (c Checker) sign(stamp string, parts []string) string {
	if c.Kind != "" {
		parts = append([]string{c.Kind}, parts...)
	}
	m := hmac.New(sha256.New, c.Key)
	m.Write([]byte(stamp + "|" + strings.Join(parts, "|")))
	return hex.EncodeToString(m.Sum(nil))[:40]
}

// Verify checks a posted stamp and token against parts at now, and the
// honeypot field's value (which a person leaves empty).
func (c Checker) Verify(now time.Time, stamp, token, honeypot string, parts ...string) error {
	if honeypot != "" {
		return ErrHoneypot
	}
	if !hmac.Equal([]byte(c.sign(stamp, parts)), []byte(token)) {
		return ErrTampered
	}
	sec, err := strconv.ParseInt(stamp, 10, 64)
	if err != nil {
		return ErrTampered
	}
	age := now.Sub(time.Unix(sec, 0))
	if age < c.Min {
		return ErrTooFast
	}
	if c.Max > 0 && age > c.Max {
		return ErrExpired
	}
	return nil
}

// OK reports whether Verify accepts the post (for forms that answer every
// refusal alike).
func (c Checker) OK(now time.Time, stamp, token, honeypot string, parts ...string) bool {
	return c.Verify(now, stamp, token, honeypot, parts...) == nil
}

// Source is the keyed hash of a client address under the Checker's key
// and kind (see the package function Source).
func (c Checker) Source(addr string) string { return Source(c.Key, c.Kind, addr) }

// Source is a keyed hash of a client address (for rate limits and
// duplicate checks), never the address itself.
func Source(key []byte, parts ...string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("source|" + strings.Join(parts, "|")))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// Limiter allows at most Max posts per source within Window, on this node
// (a node's restart forgets; several nodes each allow Max — a bound on
// abuse, not an exact count). Zero Max allows everything.
type Limiter struct {
	Max    int
	Window time.Duration

	mu     sync.Mutex
	start  time.Time
	counts map[string]int
}

// Allow counts one post from source at now and reports whether it is
// within the limit.
func (l *Limiter) Allow(source string, now time.Time) bool {
	if l == nil || l.Max <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.counts == nil || now.Sub(l.start) >= l.Window || now.Before(l.start) {
		l.start, l.counts = now, map[string]int{}
	}
	l.counts[source]++
	return l.counts[source] <= l.Max
}
