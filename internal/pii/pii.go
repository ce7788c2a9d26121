// Package pii protects personal data at rest: it seals fields such as ID
// numbers and phone numbers with AES-256-GCM under a versioned key (so keys
// can rotate without downtime), computes a keyed blind index for exact
// lookup and de-duplication without decrypting, and masks values for screens.
//
// It must never log or return plaintext except through Open, and never
// store anything itself.
package pii

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Keyring holds the field-encryption keys by version and the blind-index
// key. The index key never rotates: rotating it would orphan every index.
type Keyring struct {
	current int
	aeads   map[int]cipher.AEAD
	index   []byte
}

// Derive returns the key for a purpose; package app passes its key derivation.
type Derive func(purpose string) []byte

// NewKeyring builds encryption keys for versions 1..current from derive
// ("pii/enc/<n>") and the index key ("pii/index").
func NewKeyring(derive Derive, current int) (*Keyring, error) {
	if current < 1 {
		return nil, errors.New("pii: key version must be at least 1")
	}
	k := &Keyring{current: current, aeads: map[int]cipher.AEAD{}, index: derive("pii/index")}
	for v := 1; v <= current; v++ {
		block, err := aes.NewCipher(derive("pii/enc/" + strconv.Itoa(v)))
		if err != nil {
			return nil, fmt.Errorf("pii: key %d: %w", v, err)
		}
		if k.aeads[v], err = cipher.NewGCM(block); err != nil {
			return nil, fmt.Errorf("pii: key %d: %w", v, err)
		}
	}
	return k, nil
}

// Current is the version new values are sealed with.
func (k *Keyring) Current() int { return k.current }

// Seal encrypts plain for field ("id_number", "phone"): the field name is
// bound as associated data, so a value cannot be moved to another column.
// The result is "k<version>:<base64(nonce|ciphertext)>"; "" seals to "".
func (k *Keyring) Seal(field, plain string) (string, error) {
	if plain == "" {
		return "", nil
	}
	aead := k.aeads[k.current]
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("pii: nonce: %w", err)
	}
	ct := aead.Seal(nonce, nonce, []byte(plain), []byte(field))
	return "k" + strconv.Itoa(k.current) + ":" + base64.RawStdEncoding.EncodeToString(ct), nil
}

// ErrUndecryptable is returned for a value no key of the ring opens.
var ErrUndecryptable = errors.New("pii: value cannot be decrypted")

// Open decrypts a value sealed by Seal under any version of the ring.
func (k *Keyring) Open(field, sealed string) (string, error) {
	if sealed == "" {
		return "", nil
	}
	v, err := Version(sealed)
	if err != nil {
		return "", err
	}
	aead, ok := k.aeads[v]
	if !ok {
		return "", fmt.Errorf("pii: key version %d unknown: %w", v, ErrUndecryptable)
	}
	_, b64, _ := strings.Cut(sealed, ":")
	ct, err := base64.RawStdEncoding.DecodeString(b64)
	if err != nil || len(ct) < aead.NonceSize() {
		return "", ErrUndecryptable
	}
	pt, err := aead.Open(nil, ct[:aead.NonceSize()], ct[aead.NonceSize():], []byte(field))
	if err != nil {
		return "", ErrUndecryptable
	}
	return string(pt), nil
}

// Version returns the key version a sealed value uses.
func Version(sealed string) (int, error) {
	p, _, ok := strings.Cut(sealed, ":")
	v, err := strconv.Atoi(strings.TrimPrefix(p, "k"))
	if !ok || !strings.HasPrefix(p, "k") || err != nil {
		return 0, ErrUndecryptable
	}
	return v, nil
}

// Index returns the blind index of a normalized value of field: an HMAC,
// so equal values match while the index reveals nothing without the key.
// "" indexes to "".
func (k *Keyring) Index(field, normalized string) string {
	if normalized == "" {
		return ""
	}
	m := hmac.New(sha256.New, k.index)
	m.Write([]byte(field))
	m.Write([]byte{0})
	m.Write([]byte(normalized))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// MaskID shows only the first six characters of an ID number, the region
// of issue: "110101************". The birth date, sequence and check digit
// stay hidden, so that together with a birth year and gender shown in clear
// about 180,000 numbers remain possible (docs/decisions.md, D43).
func MaskID(id string) string { return maskMiddle(id, 6, 0) }

// MaskPhone shows the first three and last four digits: "138****5678".
func MaskPhone(p string) string { return maskMiddle(p, 3, 4) }

// MaskContact masks a contact a member of the public left (a phone number,
// an email address or a messaging ID): an address keeps the first character
// of its name and its domain ("r***@example.com"), anything else is masked
// like a phone number.
func MaskContact(c string) string {
	if at := strings.LastIndexByte(c, '@'); at > 0 {
		r := []rune(c[:at])
		return string(r[:1]) + "***" + c[at:]
	}
	return MaskPhone(c)
}

func maskMiddle(s string, head, tail int) string {
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return ""
	}
	if n <= head+tail {
		return strings.Repeat("*", n)
	}
	r := []rune(s)
	return string(r[:head]) + strings.Repeat("*", n-head-tail) + string(r[n-tail:])
}
