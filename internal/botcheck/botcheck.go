// Package botcheck is the small bot check of the platform's public forms
// (no account, no captcha): a signed timestamp the form carries, refused
// when posted faster than a person types or after the form went stale; a
// honeypot field people never see; and a keyed hash of the sender's address
// that a store counts for its rate limit without keeping the address.
//
// It must never store anything or read a request: callers pass the values.
package botcheck

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"
)

// Checker signs and checks one kind of form.
type Checker struct {
	Key  []byte        // secret shared by all nodes
	Kind string        // what the form is, e.g. "kepu.lead"
	Min  time.Duration // fastest plausible fill-in
	Max  time.Duration // oldest form accepted
}

// Stamp returns the hidden values a form served at now carries.
func (c Checker) Stamp(now time.Time) (stamp, sig string) {
	stamp = strconv.FormatInt(now.Unix(), 10)
	return stamp, c.sign(stamp)
}

func (c Checker) sign(stamp string) string {
	m := hmac.New(sha256.New, c.Key)
	m.Write([]byte(c.Kind + "|" + stamp))
	return hex.EncodeToString(m.Sum(nil))
}

// OK reports whether a form posted at now with these values passes: the
// signature matches, the honeypot is empty, and its age is within bounds.
func (c Checker) OK(now time.Time, stamp, sig, honeypot string) bool {
	sec, err := strconv.ParseInt(stamp, 10, 64)
	if err != nil || honeypot != "" || !hmac.Equal([]byte(c.sign(stamp)), []byte(sig)) {
		return false
	}
	age := now.Sub(time.Unix(sec, 0))
	return age >= c.Min && age <= c.Max
}

// Source is the keyed hash of a sender's address: a store counts rows by it
// for a rate limit, and the address itself is never kept.
func (c Checker) Source(addr string) string {
	m := hmac.New(sha256.New, c.Key)
	m.Write([]byte("source|" + c.Kind + "|" + addr))
	return hex.EncodeToString(m.Sum(nil))[:32]
}
