package kepu

import (
	"context"
	"fmt"
	"sync"
)

// pageCache keeps rendered public pages. Nodes are stateless, so an entry
// is good only while the counters it was rendered at have not moved: the
// "kepu" counter of cache_versions, which triggers move with every write to
// what the public sees (migration 003), and the "org" counter (the sections
// and org names the pages show). The request's one reading of the counters
// (db.Versions, D75) tells, shared with the session's check.
type pageCache struct {
	mu      sync.RWMutex
	max     int
	version PageVersion
	pages   map[string]Page
}

// PageVersion is the content version a public page was rendered at: the
// portal's and the org tree's change counters.
type PageVersion struct{ Kepu, Org int64 }

// older reports whether v was read before w. A reading is one query, and
// counters only grow, so two readings are ordered in both at once.
func (v PageVersion) older(w PageVersion) bool { return v.Kepu < w.Kepu || v.Org < w.Org }

// Page is a rendered public page.
type Page struct {
	Status int
	Body   []byte
	ItemID int64 // the item the page shows, for counting a view on a hit
	Item   Item
	ETag   string // the content version it was rendered at
}

func newPageCache(max int) *pageCache { return &pageCache{max: max, pages: map[string]Page{}} }

// Version reads the public content's version from the request's reading
// of the change counters.
func (s *Store) Version(ctx context.Context) (PageVersion, error) {
	vs, err := s.db.Versions(ctx)
	if err != nil {
		return PageVersion{}, fmt.Errorf("kepu: version: %w", err)
	}
	return PageVersion{Kepu: vs["kepu"], Org: vs["org"]}, nil
}

// CachedPage returns the page kept under key if it was rendered at version v.
func (s *Store) CachedPage(key string, v PageVersion) (Page, bool) {
	c := s.pages
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.version != v {
		return Page{}, false
	}
	p, ok := c.pages[key]
	return p, ok
}

// KeepPage keeps a page rendered at version v.
func (s *Store) KeepPage(key string, v PageVersion, p Page) {
	c := s.pages
	c.mu.Lock()
	defer c.mu.Unlock()
	if v.older(c.version) {
		return // rendered from older content than the cache holds
	}
	if v != c.version || len(c.pages) >= c.max {
		c.pages, c.version = map[string]Page{}, v
	}
	c.pages[key] = p
}
