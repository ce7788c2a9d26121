// Package audit is Kexie's append-only audit log. Every state change and
// every sensitive read appends a record — who, when, org, action, target, a
// before/after summary, client address and request id — in the same
// transaction as the change, chained by SHA-256 to the record before it, so
// that Verify names any record edited, inserted or deleted afterwards.
//
// It must never update or delete a record, and never import a business
// module. Records are kept at least 180 days (Retention); this version keeps
// them all and offers no pruning.
package audit

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"strconv"
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
}

// Append adds e to the log inside tx. The head row is locked first
// (SELECT … FOR UPDATE on PostgreSQL; SQLite's write transaction is already
// exclusive), so concurrent appends from several nodes form one chain.
func Append(ctx context.Context, tx *db.Tx, e Entry) error {
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
	lock := `SELECT seq, hash FROM audit_head WHERE id = 1`
	if tx.Dialect() == db.Postgres {
		lock += ` FOR UPDATE`
	}
	var headSeq int64
	var headHash string
	if err := tx.QueryRow(ctx, lock).Scan(&headSeq, &headHash); err != nil {
		return fmt.Errorf("audit: lock head: %w", err)
	}
	m := MetaFrom(ctx)
	r := Record{
		Seq: headSeq + 1, ID: tx.NewID(), At: time.UnixMilli(tx.Now.UnixMilli()).UTC(),
		ActorID: m.ActorID, ActorName: m.ActorName, OrgID: e.OrgID, OrgPath: e.OrgPath,
		Action: e.Action, Target: e.Target, Summary: summary, IP: m.IP, RequestID: m.RequestID,
		PrevHash: headHash,
	}
	r.Hash = r.computeHash()
	if _, err := tx.Exec(ctx, `INSERT INTO audit_log (seq, id, at, actor_id, actor_name, org_id, org_path, action, target,
		summary, ip, request_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Seq, r.ID, db.Millis(r.At), r.ActorID, r.ActorName, r.OrgID, r.OrgPath, r.Action, r.Target,
		r.Summary, r.IP, r.RequestID, r.PrevHash, r.Hash); err != nil {
		return fmt.Errorf("audit: append %s: %w", e.Action, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`, r.Seq, r.Hash); err != nil {
		return fmt.Errorf("audit: move head: %w", err)
	}
	return nil
}

// computeHash hashes every field but Hash itself. Each field is written as
// its decimal length, a colon and its bytes, so no two different records
// share an encoding.
func (r Record) computeHash() string {
	h := sha256.New()
	for _, f := range []string{
		strconv.FormatInt(r.Seq, 10), strconv.FormatInt(r.ID, 10), strconv.FormatInt(db.Millis(r.At), 10),
		strconv.FormatInt(r.ActorID, 10), r.ActorName, strconv.FormatInt(r.OrgID, 10), r.OrgPath,
		r.Action, r.Target, r.Summary, r.IP, r.RequestID, r.PrevHash,
	} {
		h.Write([]byte(strconv.Itoa(len(f))))
		h.Write([]byte{':'})
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}
