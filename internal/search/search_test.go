package search

import (
	"reflect"
	"testing"
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
