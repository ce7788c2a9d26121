package app

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"kexie/internal/config"
)

// Keys holds the master secret from which every purpose-specific key is
// derived (CSRF tokens, TOTP secret encryption, later PII encryption). All
// app nodes must share it: set KEXIE_SECRET_KEY, or share the data directory.
type Keys struct{ master []byte }

// Derive returns the 32-byte key for purpose (HMAC-SHA256 of the master key).
func (k Keys) Derive(purpose string) []byte {
	m := hmac.New(sha256.New, k.master)
	m.Write([]byte("kexie/" + purpose))
	return m.Sum(nil)
}

// LoadKeys reads KEXIE_SECRET_KEY or <data>/keys/secret.key, creating the
// file with a fresh random key on first start.
func LoadKeys(cfg config.Config) (Keys, error) {
	if cfg.SecretKey != "" {
		b, err := hex.DecodeString(strings.TrimSpace(cfg.SecretKey))
		if err != nil || len(b) < 32 {
			return Keys{}, errors.New("app: KEXIE_SECRET_KEY must be at least 64 hex characters")
		}
		return Keys{master: b}, nil
	}
	path := filepath.Join(cfg.DataDir, "keys", "secret.key")
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return Keys{}, fmt.Errorf("app: create key directory: %w", err)
		}
		key := make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return Keys{}, err
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) { // another process won the race
			return LoadKeys(cfg)
		}
		if err != nil {
			return Keys{}, fmt.Errorf("app: create key file: %w", err)
		}
		if _, err := f.WriteString(hex.EncodeToString(key) + "\n"); err != nil {
			f.Close()
			return Keys{}, fmt.Errorf("app: write key file: %w", err)
		}
		if err := f.Close(); err != nil {
			return Keys{}, err
		}
		return Keys{master: key}, nil
	}
	if err != nil {
		return Keys{}, fmt.Errorf("app: read key file: %w", err)
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(key) < 32 {
		return Keys{}, fmt.Errorf("app: %s is not a 64-hex-character key", path)
	}
	return Keys{master: key}, nil
}
