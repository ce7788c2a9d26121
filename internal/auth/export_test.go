package auth

import "time"

// NewLimiterForTest exposes the login limiter to the external tests.
func NewLimiterForTest(max int, every time.Duration) func(now time.Time, key string) bool {
	l := newLimiter(max, every)
	return func(now time.Time, key string) bool { return l.allow(key, now) }
}

// CachedSessions is how many sessions the node holds in memory.
func (s *Service) CachedSessions() int {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	return len(s.cache.m)
}
