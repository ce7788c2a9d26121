package db

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// IDs are 63-bit, time-ordered integers in the Snowflake layout: 41 bits of
// milliseconds since idEpoch, 10 bits of node number, 12 bits of sequence.
// Each process claims a node number from the database at start (a counter row
// both dialects update atomically), so app nodes and CLI commands running at
// the same time never hand out the same ID.
const (
	nodeBits = 10
	seqBits  = 12
	maxSeq   = 1<<seqBits - 1
)

var idEpoch = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

type idGen struct {
	mu   sync.Mutex
	node int64
	last int64 // ms
	seq  int64
}

func (g *idGen) next(now time.Time) int64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	ms := now.Sub(idEpoch).Milliseconds()
	if ms < g.last { // the clock stepped back: keep IDs increasing
		ms = g.last
	}
	if ms == g.last {
		g.seq++
		if g.seq > maxSeq {
			g.last++
			ms = g.last
			g.seq = 0
		}
	} else {
		g.seq = 0
	}
	g.last = ms
	return ms<<(nodeBits+seqBits) | g.node<<seqBits | g.seq
}

// NewID returns a new ID. It panics if called before Migrate claimed a node
// number, which is a programming error.
func (d *DB) NewID() int64 {
	if d.ids == nil {
		panic("db: NewID before Migrate")
	}
	return d.ids.next(time.Now())
}

// claimNode takes the next node number from the id_nodes counter.
func (d *DB) claimNode(ctx context.Context) error {
	var n int64
	err := d.w.QueryRowContext(ctx, d.bind(`UPDATE id_nodes SET n = n + 1 WHERE id = 1 RETURNING n`)).Scan(&n)
	if err != nil {
		return fmt.Errorf("db: claim id node: %w", err)
	}
	d.ids = &idGen{node: n % (1 << nodeBits)}
	return nil
}
