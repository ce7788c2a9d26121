package auth

import (
	"embed"
	"io/fs"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns the account tables' migrations; they reference orgs,
// so they run after package org's.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "auth", FS: sub}
}

// Config holds the security settings of accounts and sessions.
type Config struct {
	Idle            time.Duration // idle timeout of a session
	Max             time.Duration // absolute lifetime of a session
	LockoutAttempts int           // failed sign-ins before the account locks
	LockoutFor      time.Duration // how long it stays locked
	SecureCookies   bool
	SecretKey       []byte // 32 bytes: encrypts TOTP secrets at rest
	Issuer          string // shown in authenticator apps
}

// Service is accounts, sessions and grants.
type Service struct {
	db      *db.DB
	orgs    *org.Store
	policy  *access.Policy
	cfg     Config
	seal    *sealer
	limit   *limiter // per address and account
	ipLimit *limiter // per address
	cache   sessionCache
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// NewService returns the service. It panics when cfg.SecretKey is not 32
// bytes, which package app guarantees.
func NewService(d *db.DB, orgs *org.Store, policy *access.Policy, cfg Config) *Service {
	s, err := newSealer(cfg.SecretKey)
	if err != nil {
		panic(err)
	}
	if cfg.Issuer == "" {
		cfg.Issuer = "Kexie"
	}
	return &Service{db: d, orgs: orgs, policy: policy, cfg: cfg, seal: s, limit: newLimiter(10, time.Minute), ipLimit: newLimiter(300, time.Minute), Now: time.Now}
}

// User is an account.
type User struct {
	ID                int64
	Username          string
	DisplayName       string
	Email             string
	TOTPEnabled       bool
	Disabled          bool
	LockedUntil       time.Time
	Locale            string
	CreatedAt         time.Time
	PasswordChangedAt time.Time
	Phone             string // a work mobile number, or empty
	// MustChangePassword is set by an administrator's password reset: the
	// user may do nothing but choose a new password until they do.
	MustChangePassword bool
}

const sessionCookie = "kexie_session"
