package org

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"kexie/internal/db"
)

// A View reads orgs as of one check of the "org" counter of cache_versions,
// the count of writes to orgs that triggers keep on every node's database
// alike (migrations 005, 006). The request reads it with the other caches'
// counters in one query (db.Versions).
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

// VersionName is the org counter's name in cache_versions. Other caches
// that hold org data (a session's grants with their org paths) check it too.
const VersionName = "org"

// orgCache is the memory behind Views: org rows by ID, the root's ID, and
// lists of children by query, all read at version v.
type orgCache struct {
	mu   sync.Mutex
	v    int64
	root int64
	byID map[int64]Org
	kids map[kidsKey][]Org // shared with callers, who only read them
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

// View checks the org counter and returns a View at it.
func (s *Store) View(ctx context.Context) (*View, error) {
	vs, err := s.db.Versions(ctx)
	if err != nil {
		return nil, fmt.Errorf("org: %w", err)
	}
	v, ok := vs[VersionName]
	if !ok {
		return nil, fmt.Errorf("org: no %q counter in cache_versions", VersionName)
	}
	c := &s.cache
	c.mu.Lock()
	if v != c.v || c.byID == nil { // moved on, or back (a restored database)
		c.v, c.root = v, 0
		c.byID = map[int64]Org{}
		c.kids = map[kidsKey][]Org{}
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
		c.kids = map[kidsKey][]Org{}
	}
	for _, o := range rows {
		c.byID[o.ID] = o
	}
	if key != nil {
		c.kids[*key] = slices.Clip(rows)
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

// Children is Store.Children through the cache. The list may be shared
// with other requests: callers read it and never change it.
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

// cached returns the list under key, read at the View's version.
func (w *View) cached(key kidsKey) ([]Org, bool) {
	c := &w.s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	out, ok := c.kids[key]
	return out, ok && w.current()
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
