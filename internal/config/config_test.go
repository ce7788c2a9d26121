package config

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "kexie.conf")
	if err := os.WriteFile(file, []byte("# comment\nKEXIE_ADDR=0.0.0.0:9000\nKEXIE_SESSION_IDLE=10m\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"KEXIE_CONFIG": file, "KEXIE_SESSION_IDLE": "20m", "KEXIE_TRUST_PROXY": "true"}
	c, err := Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "0.0.0.0:9000" {
		t.Errorf("Addr = %q from the file", c.Addr)
	}
	if c.SessionIdle != 20*time.Minute {
		t.Errorf("SessionIdle = %v; the environment must win over the file", c.SessionIdle)
	}
	if !c.TrustProxy {
		t.Error("TrustProxy not set")
	}
	if got, want := c.DatabaseDSN(), filepath.Join("kexie-data", "kexie.db"); got != want {
		t.Errorf("DatabaseDSN = %q, want %q", got, want)
	}
	env["KEXIE_LOCKOUT_ATTEMPTS"] = "zero"
	if _, err := Load(func(k string) string { return env[k] }); err == nil {
		t.Error("bad number accepted")
	}
}

// The innovation wait is read from the environment, defaults to 14 days and
// refuses what is not 1–365 days.
func TestInnovationWaitDays(t *testing.T) {
	env := map[string]string{}
	get := func(k string) string { return env[k] }
	c, err := Load(get)
	if err != nil || c.InnovationWaitDays != 14 {
		t.Fatalf("default %d, %v", c.InnovationWaitDays, err)
	}
	env["KEXIE_INNOVATION_WAIT_DAYS"] = "30"
	if c, err := Load(get); err != nil || c.InnovationWaitDays != 30 {
		t.Errorf("30: %d, %v", c.InnovationWaitDays, err)
	}
	for _, bad := range []string{"0", "366", "two weeks"} {
		env["KEXIE_INNOVATION_WAIT_DAYS"] = bad
		if _, err := Load(get); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
