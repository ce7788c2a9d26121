package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
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
	return argonHash{memory: argonMemory, time: argonTime, threads: argonThreads, salt: salt, key: key}.String(), nil
}

// Bounds on the parameters of a stored hash. A hash read from the database
// is trusted only this far: one with absurd parameters (gigabytes of memory,
// millions of passes, megabyte keys) is refused instead of run, so a forged
// or corrupted row cannot exhaust a node.
const (
	maxArgonMemory  = 256 * 1024 // KiB: 256 MiB
	maxArgonTime    = 16
	maxArgonThreads = 16
	minArgonSalt    = 8
	maxArgonSalt    = 64
	minArgonKey     = 16
	maxArgonKey     = 64
	maxEncodedHash  = 256 // bytes of the whole encoding
)

// argonHash is a parsed argon2id encoding.
type argonHash struct {
	memory  uint32 // KiB
	time    uint32
	threads uint8
	salt    []byte
	key     []byte
}

// String is the PHC-style encoding parseHash reads.
func (h argonHash) String() string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, h.memory, h.time, h.threads,
		b64.EncodeToString(h.salt), b64.EncodeToString(h.key))
}

var errMalformedHash = errors.New("auth: malformed password hash")

// parseHash reads "$argon2id$v=19$m=…,t=…,p=…$salt$key" strictly and
// refuses parameters beyond the bounds above.
func parseHash(encoded string) (argonHash, error) {
	var h argonHash
	if len(encoded) > maxEncodedHash {
		return h, errMalformedHash
	}
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return h, errMalformedHash
	}
	if parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return h, errors.New("auth: unsupported argon2 version")
	}
	params := strings.Split(parts[3], ",")
	if len(params) != 3 {
		return h, errors.New("auth: malformed argon2 parameters")
	}
	var vals [3]uint64
	for i, name := range []string{"m=", "t=", "p="} {
		digits, ok := strings.CutPrefix(params[i], name)
		// Plain decimal only: no sign, no leading zeros, at most 10 digits.
		if !ok || digits == "" || len(digits) > 10 || digits[0] == '0' || strings.Trim(digits, "0123456789") != "" {
			return h, errors.New("auth: malformed argon2 parameters")
		}
		vals[i], _ = strconv.ParseUint(digits, 10, 64)
	}
	m, t, p := vals[0], vals[1], vals[2]
	if m > maxArgonMemory || t > maxArgonTime || p > maxArgonThreads || m < 8*p {
		return h, errors.New("auth: argon2 parameters out of bounds")
	}
	// Canonical base64 only (the decoder skips line breaks, and strict
	// mode still allows them), so one hash has one encoding.
	salt, err := b64.Strict().DecodeString(parts[4])
	if err != nil || len(salt) < minArgonSalt || len(salt) > maxArgonSalt || b64.EncodeToString(salt) != parts[4] {
		return h, errors.New("auth: malformed salt")
	}
	key, err := b64.Strict().DecodeString(parts[5])
	if err != nil || len(key) < minArgonKey || len(key) > maxArgonKey || b64.EncodeToString(key) != parts[5] {
		return h, errMalformedHash
	}
	return argonHash{memory: uint32(m), time: uint32(t), threads: uint8(p), salt: salt, key: key}, nil
}

// VerifyPassword checks pw against an encoded hash. needsRehash is true when
// the hash used other parameters than today's. A hash that does not parse,
// or whose parameters are out of bounds, is an error and is not run.
func VerifyPassword(encoded, pw string) (ok, needsRehash bool, err error) {
	h, err := parseHash(encoded)
	if err != nil {
		return false, false, err
	}
	got := argon2.IDKey([]byte(pw), h.salt, h.time, h.memory, h.threads, uint32(len(h.key)))
	ok = subtle.ConstantTimeCompare(got, h.key) == 1
	return ok, h.memory != argonMemory || h.time != argonTime || h.threads != argonThreads || len(h.key) != argonKeyLen, nil
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
