// Package config loads Kexie's one Config from flags, KEXIE_* environment
// variables and an optional file of KEXIE_*=value lines, in that order of
// precedence. It must never be read from package-level state: main loads it
// once and passes it down.
package config

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is every start-up setting. Settings administrators change at run
// time live in the database instead.
type Config struct {
	DataDir         string        // KEXIE_DATA: database, uploads and keys (default ./kexie-data)
	DB              string        // KEXIE_DB: postgres://… or a SQLite path (default <data>/kexie.db)
	Addr            string        // KEXIE_ADDR: listen address (default 127.0.0.1:8080)
	BaseURL         string        // KEXIE_BASE_URL: public URL; https:// turns on Secure cookies
	SecretKey       string        // KEXIE_SECRET_KEY: 64 hex chars shared by all nodes (default: <data>/keys/secret.key)
	SessionIdle     time.Duration // KEXIE_SESSION_IDLE (default 30m)
	SessionMax      time.Duration // KEXIE_SESSION_MAX: absolute lifetime (default 12h)
	LockoutAttempts int           // KEXIE_LOCKOUT_ATTEMPTS (default 5)
	LockoutFor      time.Duration // KEXIE_LOCKOUT_DURATION (default 15m)
	TrustProxy      bool          // KEXIE_TRUST_PROXY: take the client address from X-Forwarded-For
	LogFormat       string        // KEXIE_LOG_FORMAT: text or json (default text)
	LogLevel        string        // KEXIE_LOG_LEVEL: debug, info, warn, error (default info)
	PIIKeyVersion   int           // KEXIE_PII_KEY_VERSION: key version new personal data is sealed with (default 1)
	// The time limits of 建言与诉求 in working days from acceptance.
	VoiceRequestDays    int // KEXIE_VOICE_REQUEST_DAYS: 诉求 (default 15)
	VoiceSuggestionDays int // KEXIE_VOICE_SUGGESTION_DAYS: 建言 (default 30)
	// InnovationWaitDays is how many days a published 技术需求 waits for a
	// 对接 before the home page lists it as 待办.
	InnovationWaitDays int // KEXIE_INNOVATION_WAIT_DAYS (default 14)
}

// Default returns the configuration of a fresh machine.
func Default() Config {
	return Config{
		DataDir:         "kexie-data",
		Addr:            "127.0.0.1:8080",
		SessionIdle:     30 * time.Minute,
		SessionMax:      12 * time.Hour,
		LockoutAttempts: 5,
		LockoutFor:      15 * time.Minute,
		LogFormat:       "text",
		LogLevel:        "info",
		PIIKeyVersion:   1,

		VoiceRequestDays:    15,
		VoiceSuggestionDays: 30,
		InnovationWaitDays:  14,
	}
}

// Register adds the flags of every setting to fs, with their current values
// (already merged from the file and the environment) as defaults.
func (c *Config) Register(fs *flag.FlagSet) {
	fs.StringVar(&c.DataDir, "data", c.DataDir, "data directory (KEXIE_DATA)")
	fs.StringVar(&c.DB, "db", c.DB, "database: postgres://… URL or SQLite file (KEXIE_DB; default <data>/kexie.db)")
	fs.StringVar(&c.Addr, "addr", c.Addr, "listen address (KEXIE_ADDR)")
	fs.StringVar(&c.BaseURL, "base-url", c.BaseURL, "public base URL (KEXIE_BASE_URL)")
	fs.DurationVar(&c.SessionIdle, "session-idle", c.SessionIdle, "session idle timeout (KEXIE_SESSION_IDLE)")
	fs.DurationVar(&c.SessionMax, "session-max", c.SessionMax, "session absolute lifetime (KEXIE_SESSION_MAX)")
	fs.IntVar(&c.LockoutAttempts, "lockout-attempts", c.LockoutAttempts, "failed sign-ins before lockout (KEXIE_LOCKOUT_ATTEMPTS)")
	fs.DurationVar(&c.LockoutFor, "lockout-duration", c.LockoutFor, "lockout duration (KEXIE_LOCKOUT_DURATION)")
	fs.BoolVar(&c.TrustProxy, "trust-proxy", c.TrustProxy, "trust X-Forwarded-For from a load balancer (KEXIE_TRUST_PROXY)")
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "log format: text or json (KEXIE_LOG_FORMAT)")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "log level (KEXIE_LOG_LEVEL)")
	fs.IntVar(&c.PIIKeyVersion, "pii-key-version", c.PIIKeyVersion, "key version for sealing personal data (KEXIE_PII_KEY_VERSION)")
	fs.IntVar(&c.VoiceRequestDays, "voice-request-days", c.VoiceRequestDays, "working days to answer a 诉求 (KEXIE_VOICE_REQUEST_DAYS)")
	fs.IntVar(&c.InnovationWaitDays, "innovation-wait-days", c.InnovationWaitDays, "days a published technology need waits for a meeting before it is a to-do (KEXIE_INNOVATION_WAIT_DAYS)")
	fs.IntVar(&c.VoiceSuggestionDays, "voice-suggestion-days", c.VoiceSuggestionDays, "working days to answer a 建言 (KEXIE_VOICE_SUGGESTION_DAYS)")
}

// Load returns Default() overlaid with the file named by KEXIE_CONFIG (if
// any) and then the environment. Flags are applied by the caller after
// Register and Parse.
func Load(getenv func(string) string) (Config, error) {
	c := Default()
	vals := map[string]string{}
	if f := getenv("KEXIE_CONFIG"); f != "" {
		fv, err := readFile(f)
		if err != nil {
			return c, err
		}
		vals = fv
	}
	for _, k := range keys {
		if v := getenv(k); v != "" {
			vals[k] = v
		}
	}
	return c, c.apply(vals)
}

var keys = []string{"KEXIE_DATA", "KEXIE_DB", "KEXIE_ADDR", "KEXIE_BASE_URL", "KEXIE_SECRET_KEY", "KEXIE_SESSION_IDLE",
	"KEXIE_SESSION_MAX", "KEXIE_LOCKOUT_ATTEMPTS", "KEXIE_LOCKOUT_DURATION", "KEXIE_TRUST_PROXY", "KEXIE_LOG_FORMAT", "KEXIE_LOG_LEVEL", "KEXIE_PII_KEY_VERSION",
	"KEXIE_VOICE_REQUEST_DAYS", "KEXIE_VOICE_SUGGESTION_DAYS", "KEXIE_INNOVATION_WAIT_DAYS"}

func (c *Config) apply(v map[string]string) error {
	str := map[string]*string{"KEXIE_DATA": &c.DataDir, "KEXIE_DB": &c.DB, "KEXIE_ADDR": &c.Addr, "KEXIE_BASE_URL": &c.BaseURL,
		"KEXIE_SECRET_KEY": &c.SecretKey, "KEXIE_LOG_FORMAT": &c.LogFormat, "KEXIE_LOG_LEVEL": &c.LogLevel}
	dur := map[string]*time.Duration{"KEXIE_SESSION_IDLE": &c.SessionIdle, "KEXIE_SESSION_MAX": &c.SessionMax, "KEXIE_LOCKOUT_DURATION": &c.LockoutFor}
	for k, s := range v {
		switch {
		case str[k] != nil:
			*str[k] = s
		case dur[k] != nil:
			d, err := time.ParseDuration(s)
			if err != nil || d <= 0 {
				return fmt.Errorf("config: %s=%q: want a duration such as 30m", k, s)
			}
			*dur[k] = d
		case k == "KEXIE_LOCKOUT_ATTEMPTS" || k == "KEXIE_PII_KEY_VERSION":
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				return fmt.Errorf("config: %s=%q: want a positive number", k, s)
			}
			if k == "KEXIE_PII_KEY_VERSION" {
				c.PIIKeyVersion = n
			} else {
				c.LockoutAttempts = n
			}
		case k == "KEXIE_VOICE_REQUEST_DAYS" || k == "KEXIE_VOICE_SUGGESTION_DAYS":
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > 365 {
				return fmt.Errorf("config: %s=%q: want a number of working days from 1 to 365", k, s)
			}
			if k == "KEXIE_VOICE_REQUEST_DAYS" {
				c.VoiceRequestDays = n
			} else {
				c.VoiceSuggestionDays = n
			}
		case k == "KEXIE_INNOVATION_WAIT_DAYS":
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > 365 {
				return fmt.Errorf("config: %s=%q: want a number of days from 1 to 365", k, s)
			}
			c.InnovationWaitDays = n
		case k == "KEXIE_TRUST_PROXY":
			b, err := strconv.ParseBool(s)
			if err != nil {
				return fmt.Errorf("config: %s=%q: want true or false", k, s)
			}
			c.TrustProxy = b
		default:
			return fmt.Errorf("config: unknown setting %s", k)
		}
	}
	return nil
}

func readFile(name string) (map[string]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("config: %s:%d: want KEXIE_NAME=value", name, n)
		}
		out[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(v), `"`)
	}
	return out, sc.Err()
}

// DatabaseDSN returns DB or the default SQLite file in the data directory.
func (c *Config) DatabaseDSN() string {
	if c.DB != "" {
		return c.DB
	}
	return filepath.Join(c.DataDir, "kexie.db")
}

// Validate checks settings that flags could have broken.
func (c *Config) Validate() error {
	if c.SessionIdle <= 0 || c.SessionMax <= 0 || c.SessionIdle > c.SessionMax {
		return fmt.Errorf("config: session idle timeout must be positive and at most the absolute lifetime")
	}
	if c.LockoutAttempts < 1 || c.LockoutFor <= 0 {
		return fmt.Errorf("config: lockout attempts and duration must be positive")
	}
	if c.VoiceRequestDays < 1 || c.VoiceSuggestionDays < 1 {
		return fmt.Errorf("config: the time limits of suggestions and requests must be at least one working day")
	}
	if c.InnovationWaitDays < 1 || c.InnovationWaitDays > 365 {
		return fmt.Errorf("config: the innovation wait must be from 1 to 365 days")
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("config: log format must be text or json")
	}
	return nil
}
