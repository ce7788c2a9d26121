package plan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// unwrapSeeds are texts as pdftotext -layout gives them, of our own files:
// the PDFs under testdata/plans (where pdftotext is installed) and the
// layout of a PDF's text kept as text.
func unwrapSeeds(tb testing.TB) []string {
	var seeds []string
	pdfs, _ := filepath.Glob(filepath.Join("testdata", "plans", "*.pdf"))
	for _, name := range pdfs {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		if text, err := PDFText(context.Background(), data); err == nil {
			seeds = append(seeds, text)
		}
	}
	data, err := os.ReadFile(filepath.Join("testdata", "plans", "layouts", "pdf_wenben.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return append(seeds, string(data))
}

// squeezed is a text's bytes without the spaces, tabs, form feeds and
// line ends Unwrap may take out (bytes, not runes: two halves of a broken
// UTF-8 sequence joined are the bytes they were).
func squeezed(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune(" \t\f\r\n", rune(s[i])) {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// FuzzUnwrap: any text in, no panic; Unwrap only takes out line ends and
// the spaces around them (the text's characters otherwise as they were, in
// their order), so its output is no longer than its input and has no more
// lines. (Its time is linear: TestUnwrapLinear.)
func FuzzUnwrap(f *testing.F) {
	for _, s := range unwrapSeeds(f) {
		f.Add(s)
	}
	full := strings.Repeat("科", 36)
	f.Add("  标题\n" + strings.Repeat("    "+full+"\n"+full+"\n短行结束。\n", 6) + "一、推进\n— 2 —\n序号   指标   目标\r\n")
	f.Fuzz(func(t *testing.T, s string) {
		out := Unwrap(s)
		if len(out) > len(s) {
			t.Fatalf("%d bytes out of %d", len(out), len(s))
		}
		if strings.Count(out, "\n") > strings.Count(s, "\n") {
			t.Fatalf("%d lines out of %d", strings.Count(out, "\n"), strings.Count(s, "\n"))
		}
		if squeezed(out) != squeezed(s) {
			t.Fatalf("Unwrap changed more than line ends and spaces:\n%q\n%q", s, out)
		}
	})
}

// Unwrap stays linear: twenty times a PDF's text takes far less than four
// hundred times as long (the idiom of TestLinear; the base, our PDFs' texts
// sixty times over, ≈ 600 kB, long enough for the thread's clock).
func TestUnwrapLinear(t *testing.T) {
	base := strings.Repeat(strings.Join(unwrapSeeds(t), "\n")+"\n", 60)
	one := timeIt(func() { _ = Unwrap(base) })
	big := strings.Repeat(base, 20)
	twenty := timeIt(func() { _ = Unwrap(big) })
	if twenty > 60*one+50*time.Millisecond {
		t.Errorf("20× the text took %v against %v for 1×", twenty, one)
	}
	t.Logf("%d bytes: %v; 20×: %v", len(base), one, twenty)
}
