package auth

import "time"

// NewLimiterForTest exposes the login limiter to the external tests.
func NewLimiterForTest(max int, every time.Duration) func(now time.Time, key string) bool {
	l := newLimiter(max, every)
	return func(now time.Time, key string) bool { return l.allow(key, now) }
}
