package plan

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestLineEndsCorpus reads every development document again with its line
// ends swapped (LF as CR LF, CR LF as LF) and asks for the same reading: each
// quantity at the same place with the same value, unit, comparator, deadline,
// period and standing, and as many sections (D160). An office's text saved on
// Windows is CR LF; a legal database's export too. Development data only: the
// tune half, the extra corpus and the held-out sets retired to development
// (heldout2–22, 25, 27: D144, D155, D161) where named; never a blind set.
func TestLineEndsCorpus(t *testing.T) {
	if os.Getenv("KEXIE_CORPUS") == "" {
		t.Skip("KEXIE_CORPUS is not set: the development corpus of plan documents is an extra corpus")
	}
	docs, apart := 0, 0
	for _, d := range devTexts(t) {
		text := d.text
		other := strings.ReplaceAll(text, "\n", "\r\n")
		if strings.Contains(text, "\r\n") {
			other = strings.ReplaceAll(text, "\r\n", "\n")
		}
		a, errA := Ingest(strings.NewReader(text))
		b, errB := Ingest(strings.NewReader(other))
		if (errA == nil) != (errB == nil) || a == nil || b == nil {
			t.Errorf("%s: %v with its line ends as written, %v swapped", d.name, errA, errB)
			continue
		}
		docs++
		ra, rb := lineEndReadings(a, text), lineEndReadings(b, other)
		if !slices.Equal(ra, rb) || len(a.Sections) != len(b.Sections) {
			apart++
			t.Errorf("%s: read differently with its line ends swapped: %d and %d quantities, %d and %d sections; first apart: %s",
				d.name, len(ra), len(rb), len(a.Sections), len(b.Sections), firstApart(ra, rb))
		}
	}
	t.Logf("%d development documents read with their line ends swapped: %d alike, %d apart", docs, docs-apart, apart)
}

// lineEndReadings gives each quantity of doc as its place among the text's
// lines (line and rune, so that CR LF and LF count alike) and its reading.
func lineEndReadings(doc *Doc, text string) []string {
	starts := []int{0} // the rune offset of each line's start in text as given
	at := 0
	for _, r := range text {
		at++
		if r == '\n' {
			starts = append(starts, at)
		}
	}
	var out []string
	for _, in := range doc.Indicators {
		line, _ := slices.BinarySearch(starts, in.Start+1)
		col := in.Start - starts[line-1]
		out = append(out, fmt.Sprintf("line %d:%d %s", line, col, probeReading(in)))
	}
	return out
}

func firstApart(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + " | " + b[i]
		}
	}
	return "(one list is the other's beginning)"
}
