package kepu

import (
	"context"
	"fmt"
	"sync"
)

// pageCache keeps rendered public pages. Nodes are stateless, so an entry
// is good only while kepu_state.version — bumped in every transaction that
// changes what the public sees, on whichever node — is the version it was
// rendered at: one primary-key read per request tells.
type pageCache struct {
	mu      sync.RWMutex
	max     int
	version int64
	pages   map[string]Page
}

// Page is a rendered public page.
type Page struct {
	Status int
	Body   []byte
	ItemID int64 // the item the page shows, for counting a view on a hit
	Item   Item
	ETag   string // the content version it was rendered at
}

func newPageCache(max int) *pageCache { return &pageCache{max: max, pages: map[string]Page{}} }

// Version reads the public content's version.
func (s *Store) Version(ctx context.Context) (int64, error) {
	var v int64
	if err := s.db.QueryRow(ctx, `SELECT version FROM kepu_state WHERE id = 1`).Scan(&v); err != nil {
		return 0, fmt.Errorf("kepu: version: %w", err)
	}
	return v, nil
}

// CachedPage returns the page kept under key if it was rendered at version v.
func (s *Store) CachedPage(key string, v int64) (Page, bool) {
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
func (s *Store) KeepPage(key string, v int64, p Page) {
	c := s.pages
	c.mu.Lock()
	defer c.mu.Unlock()
	if v < c.version {
		return // rendered from older content than the cache holds
	}
	if v != c.version || len(c.pages) >= c.max {
		c.pages, c.version = map[string]Page{}, v
	}
	c.pages[key] = p
}
