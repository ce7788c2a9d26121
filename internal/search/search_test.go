package search

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestTerms(t *testing.T) {
	if got, want := Terms("钒钛磁铁矿", "攀枝花学院 AI研究"), "钒钛 钛磁 磁铁 铁矿 攀枝 枝花 花学 学院 ai 研究"; got != want {
		t.Errorf("Terms = %q, want %q", got, want)
	}
	if got := Terms("张伟", "张伟"); got != "张伟" {
		t.Errorf("duplicates kept: %q", got)
	}
	terms, single := QueryTerms(" 钒钛 磁铁矿 ")
	if !reflect.DeepEqual(terms, []string{"钒钛", "磁铁", "铁矿"}) || single != "" {
		t.Errorf("QueryTerms = %q %q", terms, single)
	}
	if terms, single := QueryTerms("王"); len(terms) != 0 || single != "王" {
		t.Errorf("one character: %q %q", terms, single)
	}
	if terms, _ := QueryTerms("!!"); len(terms) != 0 {
		t.Errorf("punctuation: %q", terms)
	}
}

// tokensByRunes is the straightforward statement of tokens (runes copied
// out), kept to check the offset-slicing version against.
func tokensByRunes(s string) []string {
	var out []string
	var han, word []rune
	flushHan := func() {
		for i := 0; i+1 < len(han); i++ {
			out = append(out, string(han[i:i+2]))
		}
		han = han[:0]
	}
	flushWord := func() {
		if len(word) > 0 {
			out = append(out, strings.ToLower(string(word)))
		}
		word = word[:0]
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			flushWord()
			han = append(han, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flushHan()
			word = append(word, r)
		default:
			flushHan()
			flushWord()
		}
	}
	flushHan()
	flushWord()
	return out
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"钒钛磁铁矿综合利用", "AI与大数据 5G通信", "张", "ÄÖ über 水稻", "a\xffb 中\xff文", "３Ｄ打印", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := tokens(s), tokensByRunes(s)
		if !slices.Equal(got, want) {
			t.Fatalf("tokens(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkTerms(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Terms("张伟", "攀枝花钒钛高新技术产业开发区管理委员会", "钒钛磁铁矿综合利用、稀土功能材料", "正高级工程师", "高层次人才、企业创新人才", "430")
	}
}
