package volunteer

import (
	"testing"
	"time"
)

// BenchmarkLedgerChain is the CPU cost of checking one ledger entry (hash
// and link), without the database: kexie bench volunteer-ledger measures
// the whole walk over a real table.
func BenchmarkLedgerChain(b *testing.B) {
	key := []byte("kexie bench ledger key, 32 bytes")
	h := newHasher(key)
	entries := make([]Entry, 1024)
	prev := ""
	for i := range entries {
		at := time.Date(2026, 1, 1, 8, 0, i, 0, beijing)
		entries[i] = Entry{Seq: int64(i + 1), VolunteerID: int64(i%100 + 1), Day: Day(at), Minutes: 60, Source: SourceCheckout, RefID: int64(i), At: at, PrevHash: prev}
		entries[i].Hash = h.hash(&entries[i])
		prev = entries[i].Hash
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := chain{h: newHasher(key)}
		for j := range entries {
			if br := c.next(&entries[j]); br != nil {
				b.Fatal(br)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(entries)), "ns/entry")
}
