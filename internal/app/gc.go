package app

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// gcHeadroom is how far the Go heap may grow past its live data between
// collections once the search index is loaded. Go's default (GOGC=100)
// lets the heap double: a node holding 1M people's index (~220 MB live)
// and serving searches reached ~490 MB. With 64 MB of headroom it stays
// near live + 64 MB, at the price of more frequent collections, which are
// cheap here: the index is mostly pointer-free slices.
const gcHeadroom = 64 << 20

// TuneGC sets the collector's target from the live heap measured now (call
// it once the search index is built) and returns the GOGC percentage set,
// or -1 when the operator chose one with GOGC or GOMEMLIMIT. Small heaps
// keep Go's default of 100; the percentage never goes below 20, so a huge
// index is not collected continuously.
func TuneGC() int {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return -1
	}
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	live := s[0].Value.Uint64()
	pct := 100
	if live > 0 {
		pct = min(100, max(20, int(100*gcHeadroom/live)))
	}
	debug.SetGCPercent(pct)
	return pct
}
