package auth

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/argon2"
)

func TestParseHashBounds(t *testing.T) {
	good, err := HashPassword("Kexie-2026-secret")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parseHash(good); err != nil {
		t.Fatalf("own hash refused: %v", err)
	}
	if _, err := parseHash(dummyHash); err != nil {
		t.Fatalf("dummy hash refused: %v", err)
	}
	salt := "c29tZXNhbHRzb21lc2FsdA"                     // 16 bytes
	key := "3q0mgpCHbDaIasjxb5Pxj7GYFh5Cfw7EOdqF1FXcGmM" // 32 bytes
	hash := func(params, salt, key string) string { return "$argon2id$v=19$" + params + "$" + salt + "$" + key }
	tests := []struct {
		name, encoded string
	}{
		{"4 GiB memory", hash("m=4194304,t=2,p=1", salt, key)},
		{"memory past uint32", hash("m=99999999999,t=2,p=1", salt, key)},
		{"million passes", hash("m=19456,t=1000000,p=1", salt, key)},
		{"255 lanes", hash("m=19456,t=2,p=255", salt, key)},
		{"lanes past uint8", hash("m=19456,t=2,p=257", salt, key)},
		{"memory below 8 per lane", hash("m=8,t=1,p=2", salt, key)},
		{"zero passes", hash("m=19456,t=0,p=1", salt, key)},
		{"zero lanes", hash("m=19456,t=2,p=0", salt, key)},
		{"negative", hash("m=-1,t=2,p=1", salt, key)},
		{"plus sign", hash("m=+19456,t=2,p=1", salt, key)},
		{"leading zero", hash("m=019456,t=2,p=1", salt, key)},
		{"trailing junk", hash("m=19456,t=2,p=1x", salt, key)},
		{"extra parameter", hash("m=19456,t=2,p=1,k=3", salt, key)},
		{"reordered", hash("t=2,m=19456,p=1", salt, key)},
		{"short salt", hash("m=19456,t=2,p=1", "c2FsdA", key)},
		{"huge salt", hash("m=19456,t=2,p=1", strings.Repeat("QUFB", 30), key)},
		{"short key", hash("m=19456,t=2,p=1", salt, "a2V5")},
		{"megabyte key", hash("m=19456,t=2,p=1", salt, strings.Repeat("QUFB", 1<<18))},
		{"padded salt", hash("m=19456,t=2,p=1", salt+"==", key)},
		{"line break in salt", hash("m=19456,t=2,p=1", salt[:8]+"\r\n"+salt[8:], key)},
		{"argon2i", strings.Replace(hash("m=19456,t=2,p=1", salt, key), "argon2id", "argon2i", 1)},
		{"other version", strings.Replace(hash("m=19456,t=2,p=1", salt, key), "v=19", "v=16", 1)},
		{"prefix", "x" + hash("m=19456,t=2,p=1", salt, key)},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			ok, _, err := VerifyPassword(tt.encoded, "Kexie-2026-secret")
			if err == nil || ok {
				t.Errorf("VerifyPassword accepted %q: ok=%v err=%v", tt.encoded[:min(len(tt.encoded), 80)], ok, err)
			}
			if d := time.Since(start); d > 100*time.Millisecond {
				t.Errorf("refusing took %v: the hash was run", d)
			}
		})
	}
}

func TestVerifyOtherParameters(t *testing.T) {
	const pw = "Kexie-2026-secret"
	// Same password under parameters within bounds but not today's.
	salt := []byte("0123456789abcdef")
	enc := argonHash{memory: 8 * 1024, time: 1, threads: 2, salt: salt,
		key: argon2.IDKey([]byte(pw), salt, 1, 8*1024, 2, 32)}.String()
	ok, rehash, err := VerifyPassword(enc, pw)
	if err != nil || !ok || !rehash {
		t.Fatalf("VerifyPassword(%s) = %v, %v, %v; want ok and rehash", enc, ok, rehash, err)
	}
	if ok, _, err := VerifyPassword(enc, pw+"x"); err != nil || ok {
		t.Errorf("wrong password: %v, %v", ok, err)
	}
	cur, _ := HashPassword(pw)
	if ok, rehash, err := VerifyPassword(cur, pw); err != nil || !ok || rehash {
		t.Errorf("current hash: ok=%v rehash=%v err=%v", ok, rehash, err)
	}
}

// FuzzParseHash: the parser never panics, and whatever it accepts lies
// within the bounds, re-encodes to the same text and is cheap to run.
func FuzzParseHash(f *testing.F) {
	f.Add(dummyHash)
	f.Add("$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3q0mgpCHbDaIasjxb5Pxj7GYFh5Cfw7EOdqF1FXcGmM")
	f.Add("$argon2id$v=19$m=19456,t=2,p=255$c29tZXNhbHRzb21lc2FsdA$3q0mgpCHbDaIasjxb5Pxj7GYFh5Cfw7EOdqF1FXcGmM")
	f.Add("$argon2id$v=19$m=8,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")
	f.Add("$argon2id$v=19$m=,t=,p=$$")
	f.Add("$$$$$")
	f.Fuzz(func(t *testing.T, encoded string) {
		h, err := parseHash(encoded)
		if err != nil {
			return
		}
		if h.memory == 0 || h.memory > maxArgonMemory || h.time == 0 || h.time > maxArgonTime ||
			h.threads == 0 || h.threads > maxArgonThreads || h.memory < 8*uint32(h.threads) ||
			len(h.salt) < minArgonSalt || len(h.salt) > maxArgonSalt || len(h.key) < minArgonKey || len(h.key) > maxArgonKey {
			t.Fatalf("accepted out-of-bounds hash %q: %+v", encoded, h)
		}
		if re := h.String(); re != encoded {
			t.Fatalf("accepted %q, which re-encodes as %q", encoded, re)
		}
	})
}
