package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"kexie/internal/shortcode"
)

// NewToken returns a random session token and the hash the database keeps:
// a stolen database does not yield usable cookies.
func NewToken() (plain, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("auth: token: %w", err)
	}
	plain = base64.RawURLEncoding.EncodeToString(b)
	return plain, HashToken(plain), nil
}

// HashToken returns the hex SHA-256 of a token.
func HashToken(plain string) string {
	h := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(h[:])
}

// NewRecoveryCodes returns n one-time codes "xxxxx-xxxxx": ten symbols of
// shortcode's alphabet (no look-alikes), in lower case.
func NewRecoveryCodes(n int) ([]string, error) {
	out := make([]string, n)
	for i := range out {
		c := strings.ToLower(shortcode.New(10))
		out[i] = c[:5] + "-" + c[5:]
	}
	return out, nil
}

// codeSeparators may be typed inside a recovery code.
var codeSeparators = strings.NewReplacer("-", "", " ", "")

// HashRecoveryCode normalizes and hashes a recovery code. The codes carry
// about 49 bits of randomness each and are single-use, so a fast hash is
// enough; a slow one would only slow the login page.
func HashRecoveryCode(code string) string {
	c := strings.ToLower(codeSeparators.Replace(strings.TrimSpace(code)))
	h := sha256.Sum256([]byte("recovery:" + c))
	return hex.EncodeToString(h[:])
}
