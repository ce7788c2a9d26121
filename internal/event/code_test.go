package event

import (
	"strings"
	"testing"
)

// Every symbol of a ticket code is as likely as any other: over 100,000
// codes (1,200,000 symbols, about 38,700 of each) no symbol is drawn 5 %
// more often than another; byte % 31 drew the first eight about 12 % more
// often (race review 51, as the conference's TestCodeSymbolsUniform).
func TestCodeSymbolsUniform(t *testing.T) {
	counts := map[rune]int{}
	for i := 0; i < 100000; i++ {
		c := NewCode()
		if len(c) != 12 || strings.Trim(c, codeAlphabet) != "" {
			t.Fatalf("code %q", c)
		}
		for _, r := range c {
			counts[r]++
		}
	}
	lo, hi := 1<<30, 0
	for _, r := range codeAlphabet {
		lo, hi = min(lo, counts[r]), max(hi, counts[r])
	}
	if float64(hi) > 1.05*float64(lo) {
		t.Errorf("symbols drawn %d to %d times", lo, hi)
	}
}
