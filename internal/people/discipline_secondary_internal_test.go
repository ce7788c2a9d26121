package people

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"kexie/internal/valid"
)

func TestSplitDisciplineCell(t *testing.T) {
	for _, c := range []struct{ cell, want string }{
		{"", " []"},
		{" 1101410 ", "1101410 []"},
		{"1101410；11021;120、130,140，150 160\t170", "1101410 [11021 120 130 140 150 160 170]"},
		{"110；", "110 []"},
		{"数学 1101410", "数学 [1101410]"},
		{"1101410 abc", "1101410 [abc]"},
		{"信息 科学", "信息 科学 []"},
		{"数学、物理", "数学、物理 []"},
	} {
		p, s := splitDisciplineCell(c.cell)
		if got := fmt.Sprintf("%s %v", p, s); got != c.want {
			t.Errorf("%q: got %q, want %q", c.cell, got, c.want)
		}
	}
}

// Whatever the checks accept, an export's 学科代码 cell reads back in the
// import as the same primary and secondary disciplines.
func FuzzDisciplineCell(f *testing.F) {
	f.Add("1101410", "11021；120")
	f.Add("数学", "120")
	f.Add("信息 科学", "")
	f.Add("数学 110", "")
	f.Add("110；", "")
	f.Add("", "110")
	f.Fuzz(func(t *testing.T, primary, secondary string) {
		// validate trims the primary before the checks.
		r := row{Input: Input{Discipline: strings.TrimSpace(primary), Disciplines2: splitCodes(secondary)}}
		var errs valid.Errors
		checkDisciplines(&r, nil, &errs)
		if len(errs) > 0 {
			return
		}
		cell := disciplineCell(r.Discipline, r.Disciplines2)
		p, s := splitDisciplineCell(cell)
		if p != r.Discipline || !slices.Equal(s, r.Disciplines2) {
			t.Errorf("%q %q → cell %q → %q %q", r.Discipline, r.Disciplines2, cell, p, s)
		}
	})
}

// The value the in-memory index interns reads back as the disciplines it
// was made of, with the secondary ones sorted.
func TestMemDisciplines(t *testing.T) {
	for _, c := range []struct{ primary, stored2, want string }{
		{"", "", " []"},
		{"110", "", "110 []"},
		{"110", "130,120", "110 [120 130]"},
		{"a\x00120", "", "a\x00120 []"},
		{"a\x00120", "130", "a\x00120 [130]"},
	} {
		p, s := parseMemDisciplines(memDisciplines(c.primary, c.stored2))
		if got := fmt.Sprintf("%s %v", p, s); got != c.want {
			t.Errorf("%q %q: got %q, want %q", c.primary, c.stored2, got, c.want)
		}
	}
	if a, b := memDisciplines("110", "130,120"), memDisciplines("110", "120,130"); a != b {
		t.Errorf("order kept: %q %q", a, b)
	}
}

// Secondary disciplines live in the interned value, not in the record every
// hit reads: it stays 32 bytes, two to a cache line (D24, D36).
func TestMemDocSize(t *testing.T) {
	if n := unsafe.Sizeof(memDoc{}); n != 32 {
		t.Errorf("memDoc is %d bytes", n)
	}
}
