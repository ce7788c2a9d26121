package valid

import (
	"net/mail"
	"strings"
)

// MaxEmail is the longest email address accepted (RFC 5321 allows 254).
const MaxEmail = 200

// Email reports whether s is one plain email address: local@domain as
// net/mail parses it, with no display name or angle brackets ("王 <w@x.cn>"
// is refused), no spaces, and a domain of at least two labels ("wang@" and
// "wang@localhost" are refused).
func Email(s string) bool {
	if s == "" || len(s) > MaxEmail || strings.ContainsAny(s, " \t\r\n<>") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	local, domain := s[:at], s[at+1:]
	if local == "" || strings.HasPrefix(domain, "[") {
		return false // no address literals ([192.0.2.1])
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false
		}
	}
	return true
}
