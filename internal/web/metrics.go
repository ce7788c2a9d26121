package web

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"
)

// Metrics counts requests per route and status class and their durations,
// written in the Prometheus text exposition format. It is small on purpose:
// a handful of series do not justify the client library.
type Metrics struct {
	mu      sync.Mutex
	started time.Time
	series  map[seriesKey]*hist
	extra   []func(w io.Writer)
}

type seriesKey struct {
	route  string
	status string
}

var buckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}

type hist struct {
	counts []uint64
	sum    float64
	n      uint64
}

// NewMetrics returns an empty registry.
func NewMetrics() *Metrics {
	return &Metrics{started: time.Now(), series: map[seriesKey]*hist{}}
}

// AddCollector adds a function that writes more series (database pool stats).
func (m *Metrics) AddCollector(f func(w io.Writer)) { m.extra = append(m.extra, f) }

func (m *Metrics) observe(route string, status int, d time.Duration) {
	if route == "" {
		route = "unmatched"
	}
	k := seriesKey{route: route, status: strconv.Itoa(status/100) + "xx"}
	sec := d.Seconds()
	m.mu.Lock()
	h := m.series[k]
	if h == nil {
		h = &hist{counts: make([]uint64, len(buckets))}
		m.series[k] = h
	}
	for i, b := range buckets {
		if sec <= b {
			h.counts[i]++
		}
	}
	h.sum += sec
	h.n++
	m.mu.Unlock()
}

// ServeHTTP writes the metrics.
func (m *Metrics) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	m.mu.Lock()
	keys := make([]seriesKey, 0, len(m.series))
	for k := range m.series {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].status < keys[j].status
	})
	fmt.Fprintln(w, "# HELP kexie_http_request_duration_seconds Time to answer HTTP requests.")
	fmt.Fprintln(w, "# TYPE kexie_http_request_duration_seconds histogram")
	for _, k := range keys {
		h := m.series[k]
		lbl := fmt.Sprintf("route=%q,status=%q", k.route, k.status)
		for i, b := range buckets {
			fmt.Fprintf(w, "kexie_http_request_duration_seconds_bucket{%s,le=\"%g\"} %d\n", lbl, b, h.counts[i])
		}
		fmt.Fprintf(w, "kexie_http_request_duration_seconds_bucket{%s,le=\"+Inf\"} %d\n", lbl, h.n)
		fmt.Fprintf(w, "kexie_http_request_duration_seconds_sum{%s} %g\n", lbl, h.sum)
		fmt.Fprintf(w, "kexie_http_request_duration_seconds_count{%s} %d\n", lbl, h.n)
	}
	m.mu.Unlock()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintln(w, "# TYPE kexie_goroutines gauge")
	fmt.Fprintf(w, "kexie_goroutines %d\n", runtime.NumGoroutine())
	fmt.Fprintln(w, "# TYPE kexie_memory_heap_bytes gauge")
	fmt.Fprintf(w, "kexie_memory_heap_bytes %d\n", ms.HeapAlloc)
	fmt.Fprintln(w, "# TYPE kexie_uptime_seconds gauge")
	fmt.Fprintf(w, "kexie_uptime_seconds %g\n", time.Since(m.started).Seconds())
	for _, f := range m.extra {
		f(w)
	}
}
