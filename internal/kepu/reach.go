package kepu

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"sync"
	"time"

	"kexie/internal/db"
)

// reach gathers views, shares and readers in memory and writes them in
// batches: a public page view must not cost a database write. Counts are
// added, never set, so any number of nodes flush into the same rows.
type reach struct {
	mu      sync.Mutex
	views   map[reachKey]int64
	shares  map[reachKey]int64
	readers map[readerKey]struct{}
	last    time.Time
	flush   sync.Mutex // one flush at a time
}

type reachKey struct {
	item int64
	day  int
}

type readerKey struct {
	org    int64
	day    int
	reader string
}

func newReach() *reach {
	return &reach{views: map[reachKey]int64{}, shares: map[reachKey]int64{}, readers: map[readerKey]struct{}{}, last: time.Now()}
}

var beijing = time.FixedZone("CST", 8*3600)

// Day is the yyyymmdd number of t's day in Beijing.
func Day(t time.Time) int {
	t = t.In(beijing)
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

// ReaderHash is the day's keyed hash of a reader (address and browser):
// it counts unique readers per day and cannot be joined across days or
// turned back into the address.
func ReaderHash(key []byte, day int, addr, agent string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(strconv.Itoa(day) + "|" + addr + "|" + agent))
	return hex.EncodeToString(m.Sum(nil))[:24]
}

// CountView records a view of a published item by reader (a ReaderHash).
func (s *Store) CountView(it Item, reader string, now time.Time) {
	d := Day(now)
	r := s.reach
	r.mu.Lock()
	r.views[reachKey{it.ID, d}]++
	if reader != "" {
		r.readers[readerKey{it.OrgID, d, reader}] = struct{}{}
	}
	due := time.Since(r.last) > 5*time.Second || len(r.readers) > 5000
	if due {
		r.last = time.Now() // this request starts the flush; the others do not
	}
	r.mu.Unlock()
	if due {
		go func() { _ = s.FlushReach(context.Background()) }()
	}
}

// CountShare records that a reader shared an item.
func (s *Store) CountShare(itemID int64, now time.Time) {
	s.reach.mu.Lock()
	s.reach.shares[reachKey{itemID, Day(now)}]++
	s.reach.mu.Unlock()
}

// FlushReach writes the counts gathered so far.
func (s *Store) FlushReach(ctx context.Context) error {
	r := s.reach
	r.flush.Lock()
	defer r.flush.Unlock()
	r.mu.Lock()
	views, shares, readers := r.views, r.shares, r.readers
	r.views, r.shares, r.readers = map[reachKey]int64{}, map[reachKey]int64{}, map[readerKey]struct{}{}
	r.mu.Unlock()
	if len(views)+len(shares)+len(readers) == 0 {
		return nil
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		add := func(k reachKey, v, sh int64) error {
			_, err := tx.Exec(ctx, `INSERT INTO kepu_reach (item_id, day, views, shares) VALUES (?, ?, ?, ?)
				ON CONFLICT (item_id, day) DO UPDATE SET views = kepu_reach.views + excluded.views, shares = kepu_reach.shares + excluded.shares`,
				k.item, k.day, v, sh)
			return err
		}
		for k, v := range views {
			if err := add(k, v, shares[k]); err != nil {
				return fmt.Errorf("kepu: flush reach: %w", err)
			}
			delete(shares, k)
		}
		for k, v := range shares {
			if err := add(k, 0, v); err != nil {
				return fmt.Errorf("kepu: flush reach: %w", err)
			}
		}
		for k := range readers {
			if _, err := tx.Exec(ctx, `INSERT INTO kepu_readers (org_id, day, reader) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
				k.org, k.day, k.reader); err != nil {
				return fmt.Errorf("kepu: flush readers: %w", err)
			}
		}
		return nil
	})
}
