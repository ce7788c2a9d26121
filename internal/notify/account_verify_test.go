package notify_test

import (
	"context"
	"strings"
	"testing"

	"kexie/internal/notify"
	"kexie/internal/valid"
)

func errKey(err error) string {
	if es, ok := valid.As(err); ok && len(es) > 0 {
		return es[0].Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestVerifyCode(t *testing.T) {
	eachDB(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		const phone = "138 0013 8000"
		if _, err := f.Store.StartVerify(ctx, "12345"); errKey(err) != "notify.err.addr" {
			t.Fatalf("bad address: %v", err)
		}
		a, err := f.Store.StartVerify(ctx, phone)
		if err != nil || a.Channel != notify.SMS || a.Value != "13800138000" {
			t.Fatalf("start: %+v %v", a, err)
		}
		// The address and code are kept neither in clear.
		var sealed, masked, hash string
		code := f.code(t, "13800138000")
		if err := f.DB.QueryRow(ctx, `SELECT code_hash FROM notify_codes`).Scan(&hash); err != nil || strings.Contains(hash, code) {
			t.Fatalf("code stored as %q: %v", hash, err)
		}
		// A second code within the minute is refused.
		if _, err := f.Store.StartVerify(ctx, phone); errKey(err) != "notify.err.code_wait" {
			t.Fatalf("second code at once: %v", err)
		}
		// A wrong code counts; the right one then works.
		if _, err := f.Store.Verify(ctx, phone, "000000x", f.Root.ID); errKey(err) != "notify.err.code_wrong" {
			t.Fatalf("wrong code: %v", err)
		}
		acc, err := f.Store.Verify(ctx, phone, code, f.City.ID)
		if err != nil || acc.Masked != "138****8000" || acc.OrgID != f.City.ID {
			t.Fatalf("verify: %+v %v", acc, err)
		}
		if err := f.DB.QueryRow(ctx, `SELECT addr_sealed, addr_masked FROM notify_accounts`).Scan(&sealed, &masked); err != nil ||
			strings.Contains(sealed, "13800138000") || masked != "138****8000" {
			t.Fatalf("stored %q %q: %v", sealed, masked, err)
		}
		// A used code does not work twice.
		if _, err := f.Store.Verify(ctx, phone, code, f.City.ID); errKey(err) != "notify.err.code_none" {
			t.Fatalf("code reused: %v", err)
		}

		// Expired: a code older than its TTL is refused.
		f.Advance(2 * notify.CodeGap)
		if _, err := f.Store.StartVerify(ctx, "w@example.cn"); err != nil {
			t.Fatal(err)
		}
		code = f.code(t, "w@example.cn")
		f.Advance(notify.CodeTTL + 1)
		if _, err := f.Store.Verify(ctx, "W@Example.cn", code, f.Root.ID); errKey(err) != "notify.err.code_expired" {
			t.Fatalf("expired: %v", err)
		}

		// Too many attempts: after CodeAttempts wrong tries even the right code fails.
		if _, err := f.Store.StartVerify(ctx, "w@example.cn"); err != nil {
			t.Fatal(err)
		}
		code = f.code(t, "w@example.cn")
		for i := 0; i < notify.CodeAttempts; i++ {
			if _, err := f.Store.Verify(ctx, "w@example.cn", "999999", f.Root.ID); errKey(err) != "notify.err.code_wrong" {
				t.Fatalf("attempt %d: %v", i, err)
			}
		}
		if _, err := f.Store.Verify(ctx, "w@example.cn", code, f.Root.ID); errKey(err) != "notify.err.code_attempts" {
			t.Fatalf("after too many attempts: %v", err)
		}

		// Rate limit per address: CodesPerHour codes in an hour.
		for i := 2; i < notify.CodesPerHour; i++ {
			f.Advance(notify.CodeGap + 1)
			if _, err := f.Store.StartVerify(ctx, "w@example.cn"); err != nil {
				t.Fatalf("code %d: %v", i, err)
			}
		}
		f.Advance(notify.CodeGap + 1)
		if _, err := f.Store.StartVerify(ctx, "w@example.cn"); errKey(err) != "notify.err.code_hourly" {
			t.Fatalf("hourly limit: %v", err)
		}
	})
}
