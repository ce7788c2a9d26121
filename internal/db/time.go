package db

import "time"

// Times are stored as BIGINT milliseconds since the Unix epoch, UTC: one
// representation that both databases index, compare and sort the same way.

// Millis converts t to the stored form; the zero time is stored as 0.
func Millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// Time converts a stored value back; 0 becomes the zero time.
func Time(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}
