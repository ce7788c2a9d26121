package auth

import (
	"sync"
	"time"
)

// limiter is a per-key fixed-window counter guarding the login form on this
// node. The database-backed lockout is the real defence across nodes; this
// only keeps one client from hammering argon2id.
type limiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	hits   map[string]*window
}

type window struct {
	start time.Time
	n     int
}

func newLimiter(max int, every time.Duration) *limiter {
	return &limiter{max: max, window: every, hits: map[string]*window{}}
}

// allow counts one attempt for key and reports whether it is within the limit.
func (l *limiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.hits) > 10000 { // forget old windows rather than grow without bound
		for k, w := range l.hits {
			if now.Sub(w.start) > l.window {
				delete(l.hits, k)
			}
		}
	}
	w := l.hits[key]
	if w == nil || now.Sub(w.start) > l.window {
		l.hits[key] = &window{start: now, n: 1}
		return true
	}
	w.n++
	return w.n <= l.max
}
