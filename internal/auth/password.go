package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters (OWASP's 2023 minimum: 19 MiB, 2 passes, 1 lane).
// They are stored with each hash, so they can be raised later; a login with
// older parameters re-hashes the password.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

var b64 = base64.RawStdEncoding

// HashPassword returns the PHC-style argon2id encoding of pw.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: salt: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword checks pw against an encoded hash. needsRehash is true when
// the hash used other parameters than today's.
func VerifyPassword(encoded, pw string) (ok, needsRehash bool, err error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, false, errors.New("auth: malformed password hash")
	}
	var version int
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, false, errors.New("auth: unsupported argon2 version")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 {
		return false, false, errors.New("auth: malformed argon2 parameters")
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, false, errors.New("auth: malformed salt")
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, false, errors.New("auth: malformed hash")
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	ok = subtle.ConstantTimeCompare(got, want) == 1
	return ok, m != argonMemory || t != argonTime || p != argonThreads || len(want) != argonKeyLen, nil
}

// PolicyError says why a password is refused; Code is an i18n key.
type PolicyError struct{ Code string }

func (e *PolicyError) Error() string { return "auth: password refused: " + e.Code }

// CheckPassword applies the password policy: at least 10 characters, three
// of four character classes (lower, upper, digit, other — Chinese characters
// count as other), and not containing the username.
func CheckPassword(pw, username string) error {
	if len(pw) > 256 {
		return &PolicyError{"password.too_long"}
	}
	if utf8.RuneCountInString(pw) < 10 {
		return &PolicyError{"password.too_short"}
	}
	var lower, upper, digit, other bool
	for _, r := range pw {
		switch {
		case r < 128 && unicode.IsLower(r):
			lower = true
		case r < 128 && unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
	}
	classes := 0
	for _, b := range []bool{lower, upper, digit, other} {
		if b {
			classes++
		}
	}
	if classes < 3 {
		return &PolicyError{"password.classes"}
	}
	if u := strings.ToLower(strings.TrimSpace(username)); len(u) >= 3 && strings.Contains(strings.ToLower(pw), u) {
		return &PolicyError{"password.contains_username"}
	}
	return nil
}
