package db

import (
	"context"
	"fmt"
	"sync"
)

// Versions are the change counters of cache_versions by name, as read by one
// query. Triggers bump a counter in the transaction of every statement that
// writes the tables it stands for, on every node's database alike, so a node
// may serve rows it holds in memory while the counters it read them under
// have not moved.
type Versions map[string]int64

type versionsKey struct{}

// snapshot is a request's reading of the counters: taken at its first use,
// dropped by the request's own writes (a handler that writes and then reads
// must see its write), read again at the next use.
type snapshot struct {
	mu sync.Mutex
	v  Versions
}

// WithVersions returns a context whose first Versions call reads the
// counters and whose later calls reuse that reading until a write made with
// the context (Exec, or a Tx that commits) drops it. The web layer gives each
// request one, so a page pays a single small query for all its caches' checks.
// Reusing the reading is as if the request's reads had all happened at its
// start; rows read later are kept only under the older counters, which the
// next check retires.
func WithVersions(ctx context.Context) context.Context {
	if _, ok := ctx.Value(versionsKey{}).(*snapshot); ok {
		return ctx
	}
	return context.WithValue(ctx, versionsKey{}, &snapshot{})
}

// Versions returns the change counters: the context's reading when it has
// one, else a fresh read.
func (d *DB) Versions(ctx context.Context) (Versions, error) {
	sn, _ := ctx.Value(versionsKey{}).(*snapshot)
	if sn == nil {
		return d.readVersions(ctx)
	}
	sn.mu.Lock()
	defer sn.mu.Unlock()
	if sn.v == nil {
		v, err := d.readVersions(ctx)
		if err != nil {
			return nil, err
		}
		sn.v = v
	}
	return sn.v, nil
}

func (d *DB) readVersions(ctx context.Context) (Versions, error) {
	rows, err := d.Query(ctx, `SELECT name, v FROM cache_versions`)
	if err != nil {
		return nil, fmt.Errorf("db: read cache versions: %w", err)
	}
	defer rows.Close()
	out := Versions{}
	for rows.Next() {
		var name string
		var v int64
		if err := rows.Scan(&name, &v); err != nil {
			return nil, fmt.Errorf("db: read cache versions: %w", err)
		}
		out[name] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: read cache versions: %w", err)
	}
	return out, nil
}

// forgetVersions drops the context's reading after a write.
func forgetVersions(ctx context.Context) {
	if sn, ok := ctx.Value(versionsKey{}).(*snapshot); ok {
		sn.mu.Lock()
		sn.v = nil
		sn.mu.Unlock()
	}
}
