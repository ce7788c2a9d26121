package pii

import (
	"crypto/sha256"
	"errors"
	"strings"
	"testing"
)

func derive(secret string) Derive {
	return func(purpose string) []byte {
		h := sha256.Sum256([]byte(secret + purpose))
		return h[:]
	}
}

func TestSealOpenRotate(t *testing.T) {
	k1, err := NewKeyring(derive("s"), 1)
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := k1.Seal("id_number", "11010519491231002X")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sealed, "1101") || !strings.HasPrefix(sealed, "k1:") {
		t.Errorf("sealed = %q", sealed)
	}
	if again, _ := k1.Seal("id_number", "11010519491231002X"); again == sealed {
		t.Error("two seals of one value are equal: the nonce is not random")
	}
	if got, err := k1.Open("id_number", sealed); err != nil || got != "11010519491231002X" {
		t.Errorf("Open = %q, %v", got, err)
	}
	if _, err := k1.Open("phone", sealed); !errors.Is(err, ErrUndecryptable) {
		t.Errorf("value opened under another field: %v", err)
	}
	// Version 2 opens old values, seals new ones with k2, keeps the index.
	k2, _ := NewKeyring(derive("s"), 2)
	if got, err := k2.Open("id_number", sealed); err != nil || got != "11010519491231002X" {
		t.Errorf("k2 cannot open k1 value: %v", err)
	}
	s2, _ := k2.Seal("id_number", "x")
	if v, _ := Version(s2); v != 2 {
		t.Errorf("new seal version %d", v)
	}
	if _, err := k1.Open("id_number", s2); !errors.Is(err, ErrUndecryptable) {
		t.Errorf("k1 opened a k2 value")
	}
	if k1.Index("id_number", "A") != k2.Index("id_number", "A") || k1.Index("id_number", "A") == k1.Index("phone", "A") {
		t.Error("index not stable across versions or not bound to the field")
	}
	other, _ := NewKeyring(derive("other deployment"), 1)
	if other.Index("id_number", "A") == k1.Index("id_number", "A") {
		t.Error("index does not depend on the key")
	}
	for _, bad := range []string{"k1", "x1:abc", "k9:abc", "k1:!!!", "k1:AAAA"} {
		if _, err := k1.Open("id_number", bad); err == nil {
			t.Errorf("Open(%q) succeeded", bad)
		}
	}
}

func TestMask(t *testing.T) {
	tests := []struct{ got, want string }{
		{MaskID("11010519491231002X"), "110105************"},
		{MaskPhone("13812345678"), "138****5678"},
		{MaskPhone("123"), "***"},
		{MaskID(""), ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestMaskContact(t *testing.T) {
	for in, want := range map[string]string{
		"reader@example.com": "r***@example.com",
		"张三@qq.com":          "张***@qq.com",
		"13800000000":        "138****0000",
		"wx_abc":             "******",
		"":                   "",
	} {
		if got := MaskContact(in); got != want {
			t.Errorf("MaskContact(%q) = %q, want %q", in, got, want)
		}
	}
}
