package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// Tokens are "<fields>.<mac>" with the fields joined by "-": they name an
// account (and a message) without anyone being signed in, so unsubscribe
// links and open pixels work from any mail client or phone.

func (s *Store) sign(purpose, payload string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("notify " + purpose + ":" + payload))
	return payload + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:16])
}

func (s *Store) check(purpose, token string) (string, bool) {
	payload, _, ok := strings.Cut(token, ".")
	if !ok || !hmac.Equal([]byte(s.sign(purpose, payload)), []byte(token)) {
		return "", false
	}
	return payload, true
}

// UnsubscribeToken names an account in its one-click unsubscribe link.
func (s *Store) UnsubscribeToken(account int64) string {
	return s.sign("unsub", strconv.FormatInt(account, 36))
}

// UnsubscribeAccount reads the account an unsubscribe token names.
func (s *Store) UnsubscribeAccount(token string) (int64, bool) {
	p, ok := s.check("unsub", token)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(p, 36, 64)
	return id, err == nil
}

// OpenToken names a delivery in its open-tracking pixel.
func (s *Store) OpenToken(message, account int64) string {
	return s.sign("open", strconv.FormatInt(message, 36)+"-"+strconv.FormatInt(account, 36))
}

func (s *Store) openDelivery(token string) (int64, int64, bool) {
	p, ok := s.check("open", token)
	if !ok {
		return 0, 0, false
	}
	a, b, ok := strings.Cut(p, "-")
	m, err1 := strconv.ParseInt(a, 36, 64)
	acc, err2 := strconv.ParseInt(b, 36, 64)
	return m, acc, ok && err1 == nil && err2 == nil
}

// SessionToken signs a public account's session until expires.
func (s *Store) SessionToken(account int64, expires time.Time) string {
	return s.sign("session", strconv.FormatInt(account, 36)+"-"+strconv.FormatInt(expires.Unix(), 36))
}

// SessionAccount reads a session token valid at now.
func (s *Store) SessionAccount(token string, now time.Time) (int64, bool) {
	p, ok := s.check("session", token)
	if !ok {
		return 0, false
	}
	a, b, ok := strings.Cut(p, "-")
	id, err1 := strconv.ParseInt(a, 36, 64)
	exp, err2 := strconv.ParseInt(b, 36, 64)
	if !ok || err1 != nil || err2 != nil || now.Unix() >= exp {
		return 0, false
	}
	return id, true
}
