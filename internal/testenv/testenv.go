// Package testenv tells tests where the external services they need are:
// the PostgreSQL server and the Chromium browser that scripts/test.sh sets
// up. Under CI=true a missing service fails the test; elsewhere it skips
// with a message saying how to get it. It must only be imported by tests.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run under CI (CI=true).
func InCI() bool { return os.Getenv("CI") == "true" }

// unavailable fails under CI and skips elsewhere.
func unavailable(t testing.TB, msg string) {
	t.Helper()
	if InCI() {
		t.Fatal(msg + " (CI=true: a missing service is a failure)")
	}
	t.Skip(msg + " — run scripts/test.sh, which installs and starts it")
}

// PostgresURL returns $KEXIE_TEST_PG, the test server's URL.
func PostgresURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("KEXIE_TEST_PG")
	if u == "" {
		unavailable(t, "KEXIE_TEST_PG is not set: no PostgreSQL for tests")
	}
	return u
}

// Chromium returns the path of a Chromium binary: $KEXIE_TEST_CHROMIUM or
// the first of chromium, chromium-browser, google-chrome on PATH.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("KEXIE_TEST_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	unavailable(t, "no Chromium found for browser tests")
	return ""
}

// Tool returns the path of a command-line tool the test command installs
// (pdftotext from poppler-utils, for example).
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		unavailable(t, name+" is not installed")
	}
	return p
}
