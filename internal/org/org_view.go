package org

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"kexie/internal/db"
)

// A View reads orgs as of one check of org_version, the count of writes to
// orgs that triggers keep on every node's database alike (migration 005).
// While the count has not moved, the rows and children lists a View reads
// come from this node's memory; the moment any node writes an org, the next
// View on every node sees a new count and reads the database again. A page
// takes one View and reads everything through it, so it pays one small
// query for the check however many orgs it shows.
//
// A View never serves data older than its check: every row it reads from
// the database is read after the check, and a list read while another node
// writes is kept only under the count that was current before it, which the
// next check retires.
type View struct {
	s *Store
	v int64
}

// orgCache is the memory behind Views: org rows by ID, the root's ID, and
// lists of children by query, all read at version v.
type orgCache struct {
	mu   sync.Mutex
	v    int64
	root int64
	byID map[int64]Org
	kids map[kidsKey][]int64
}

type kidsKey struct {
	parent        int64
	sort          string
	limit, offset int
}

// Bounds on what a node keeps; past them the cache starts again empty. A
// province's tree is ~10⁴ orgs; pages read a few lists each.
const (
	cacheMaxOrgs  = 200_000
	cacheMaxLists = 20_000
)

// View checks org_version and returns a View at it.
func (s *Store) View(ctx context.Context) (*View, error) {
	var v int64
	if err := s.db.QueryRow(ctx, `SELECT v FROM org_version WHERE id = 1`).Scan(&v); err != nil {
		return nil, fmt.Errorf("org: read org_version: %w", err)
	}
	c := &s.cache
	c.mu.Lock()
	if v != c.v || c.byID == nil { // moved on, or back (a restored database)
		c.v, c.root = v, 0
		c.byID = map[int64]Org{}
		c.kids = map[kidsKey][]int64{}
	}
	c.mu.Unlock()
	return &View{s: s, v: v}, nil
}

// current reports whether the cache is at the View's version; the caller
// holds the lock.
func (w *View) current() bool { return w.s.cache.v == w.v }

// keep stores rows read from the database under the View's version, unless
// the cache has moved on.
func (w *View) keep(key *kidsKey, rows ...Org) {
	c := &w.s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if !w.current() {
		return
	}
	if len(c.byID)+len(rows) > cacheMaxOrgs || len(c.kids) >= cacheMaxLists {
		c.root = 0
		c.byID = map[int64]Org{}
		c.kids = map[kidsKey][]int64{}
	}
	for _, o := range rows {
		c.byID[o.ID] = o
	}
	if key != nil {
		ids := make([]int64, len(rows))
		for i, o := range rows {
			ids[i] = o.ID
		}
		c.kids[*key] = ids
	}
}

// Get returns the org with id.
func (w *View) Get(ctx context.Context, id int64) (Org, error) {
	c := &w.s.cache
	c.mu.Lock()
	o, ok := c.byID[id]
	ok = ok && w.current()
	c.mu.Unlock()
	if ok {
		return o, nil
	}
	o, err := w.s.Get(ctx, id)
	if err != nil {
		return o, err
	}
	w.keep(nil, o)
	return o, nil
}

// Root returns the root org.
func (w *View) Root(ctx context.Context) (Org, error) {
	c := &w.s.cache
	c.mu.Lock()
	o, ok := c.byID[c.root]
	ok = ok && c.root != 0 && w.current()
	c.mu.Unlock()
	if ok {
		return o, nil
	}
	o, err := w.s.Root(ctx)
	if err != nil {
		return o, err
	}
	w.keep(nil, o)
	c.mu.Lock()
	if w.current() {
		c.root = o.ID
	}
	c.mu.Unlock()
	return o, nil
}

// Children is Store.Children through the cache.
func (w *View) Children(ctx context.Context, parent Org, sort string, limit, offset int) ([]Org, error) {
	key := kidsKey{parent: parent.ID, sort: sort, limit: limit, offset: offset}
	if out, ok := w.cached(key); ok {
		return out, nil
	}
	out, err := w.s.Children(ctx, parent, sort, limit, offset)
	if err != nil {
		return nil, err
	}
	w.keep(&key, out...)
	return out, nil
}

// cached returns the list under key when every org on it is still held.
func (w *View) cached(key kidsKey) ([]Org, bool) {
	c := &w.s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	ids, ok := c.kids[key]
	if !ok || !w.current() {
		return nil, false
	}
	out := make([]Org, len(ids))
	for i, id := range ids {
		if out[i], ok = c.byID[id]; !ok {
			return nil, false
		}
	}
	return out, true
}

// Ancestors returns the orgs on o's path above it, root first.
func (w *View) Ancestors(ctx context.Context, o Org) ([]Org, error) {
	ids := o.IDs()
	if len(ids) <= 1 {
		return nil, nil
	}
	out := make([]Org, 0, len(ids)-1)
	for _, id := range ids[:len(ids)-1] {
		a, err := w.Get(ctx, id)
		if errors.Is(err, db.ErrNotFound) {
			continue // removed since o was read: as Store.Ancestors, which skips it
		}
		if err != nil {
			return nil, fmt.Errorf("org: ancestors of %d: %w", o.ID, err)
		}
		out = append(out, a)
	}
	return out, nil
}
