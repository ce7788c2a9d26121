// Package shortcode makes the codes people read from a phone screen or a
// printed slip and type back — tickets, check-in codes, tracking codes,
// survey access codes: symbols of an alphabet without look-alikes (no
// 0/O, 1/I/L), drawn from crypto/rand.
//
// It must never draw a symbol more often than another (byte % 31 alone
// favours the first eight by 1/8), never return a code shorter than asked,
// and never be the only guard of a secret that must resist an offline
// search beyond its bits: a code of n symbols carries n × 4.95 bits.
package shortcode

import (
	"crypto/rand"
	"strings"
)

// Alphabet is the 31 symbols a code is made of.
const Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// fair is the largest multiple of len(Alphabet) a byte can hold: a byte at
// or above it is drawn again.
const fair = 256 - 256%len(Alphabet) // 248

// New returns n symbols of Alphabet, each as likely as any other.
func New(n int) string {
	out := make([]byte, 0, n)
	buf := make([]byte, n+n/4+4)
	for len(out) < n {
		_, _ = rand.Read(buf) // crypto/rand never returns an error (Go 1.24 on)
		for _, c := range buf {
			if int(c) < fair && len(out) < n {
				out = append(out, Alphabet[int(c)%len(Alphabet)])
			}
		}
	}
	return string(out)
}

// Grouped writes s in groups of every symbols joined by "-"
// ("ABCDEFGHJKMN", 4 → "ABCD-EFGH-JKMN"), for reading aloud and typing.
func Grouped(s string, every int) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%every == 0 {
			b.WriteByte('-')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Norm is a typed or scanned code as stored: upper case, letters and digits
// only ("abcd-efgh jkmn" → "ABCDEFGHJKMN"), at most 64 of them.
func Norm(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
		if b.Len() >= 64 {
			break
		}
	}
	return b.String()
}
