// Package audit is Kexie's append-only audit log. Every state change and
// every sensitive read appends a record — who, when, org, action, target, a
// before/after summary, client address and request id — in the same
// transaction as the change, chained to the record before it by an
// HMAC-SHA-256 under a key only the server holds (see chain.go), so that
// Verify names any record edited, inserted or deleted afterwards — even by
// someone able to write to the database and recompute plain hashes.
//
// It must never update or delete a record, and never import a business
// module. Records are kept at least 180 days (Retention); this version keeps
// them all and offers no pruning.
package audit

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"time"

	"kexie/internal/db"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the audit tables' migrations.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrations, "migrations")
	return db.Migrations{Module: "audit", FS: sub}
}

// Retention is the minimum time records are kept.
func Retention() time.Duration { return 180 * 24 * time.Hour }

// GenesisHash is the prev_hash of the first record.
const GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// Meta is who acts and from where; the web layer (or a CLI command) puts it
// in the context and Append reads it.
type Meta struct {
	ActorID   int64
	ActorName string
	IP        string
	RequestID string
}

type metaKey struct{}

// WithMeta returns ctx carrying m.
func WithMeta(ctx context.Context, m Meta) context.Context {
	return context.WithValue(ctx, metaKey{}, m)
}

// MetaFrom returns the Meta in ctx (zero when none).
func MetaFrom(ctx context.Context) Meta { m, _ := ctx.Value(metaKey{}).(Meta); return m }

// Entry is what a caller records; Before and After are small structs or
// maps of the changed fields, stored as a compact JSON summary.
type Entry struct {
	OrgID   int64
	OrgPath string
	Action  string // "module.verb", e.g. "org.create"
	Target  string // "kind:id", e.g. "org:123"
	Before  any
	After   any
}

// Record is one stored audit record.
type Record struct {
	Seq       int64
	ID        int64
	At        time.Time
	ActorID   int64
	ActorName string
	OrgID     int64
	OrgPath   string
	Action    string
	Target    string
	Summary   string
	IP        string
	RequestID string
	PrevHash  string
	Hash      string
	Chain     int // ChainPlain or ChainKeyed: how Hash was computed
}

// Append adds e to the log inside tx. The head row is locked first
// (SELECT … FOR UPDATE on PostgreSQL; SQLite's write transaction is already
// exclusive), so concurrent appends from several nodes form one chain. It
// fails when the database has no audit key, or when the head's MAC does not
// match (the head was moved by hand): the log is never extended over a
// tampered head.
func Append(ctx context.Context, tx *db.Tx, e Entry) error {
	return appendEntry(ctx, tx, e, false)
}

func appendEntry(ctx context.Context, tx *db.Tx, e Entry, keying bool) error {
	key := tx.AuditKey()
	if len(key) == 0 {
		return ErrNoKey
	}
	summary := ""
	if e.Before != nil || e.After != nil {
		b, err := json.Marshal(struct {
			Before any `json:"before,omitempty"`
			After  any `json:"after,omitempty"`
		}{e.Before, e.After})
		if err != nil {
			return fmt.Errorf("audit: summary of %s: %w", e.Action, err)
		}
		summary = string(b)
	}
	h, err := lockHead(ctx, tx)
	if err != nil {
		return err
	}
	if err := h.check(key, keying); err != nil {
		return err
	}
	m := MetaFrom(ctx)
	r := Record{
		Seq: h.seq + 1, ID: tx.NewID(), At: time.UnixMilli(tx.Now.UnixMilli()).UTC(),
		ActorID: m.ActorID, ActorName: m.ActorName, OrgID: e.OrgID, OrgPath: e.OrgPath,
		Action: e.Action, Target: e.Target, Summary: summary, IP: m.IP, RequestID: m.RequestID,
		PrevHash: h.hash, Chain: ChainKeyed,
	}
	r.Hash = r.computeHash(key)
	if _, err := tx.Exec(ctx, `INSERT INTO audit_log (seq, id, at, actor_id, actor_name, org_id, org_path, action, target,
		summary, ip, request_id, prev_hash, hash, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Seq, r.ID, db.Millis(r.At), r.ActorID, r.ActorName, r.OrgID, r.OrgPath, r.Action, r.Target,
		r.Summary, r.IP, r.RequestID, r.PrevHash, r.Hash, r.Chain); err != nil {
		return fmt.Errorf("audit: append %s: %w", e.Action, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE audit_head SET seq = ?, hash = ?, mac = ? WHERE id = 1`,
		r.Seq, r.Hash, headMAC(key, r.Seq, r.Hash)); err != nil {
		return fmt.Errorf("audit: move head: %w", err)
	}
	return nil
}
