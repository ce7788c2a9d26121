package plan

import "testing"

// The number formats of Word's lists that Chinese documents use.
func TestListNumber(t *testing.T) {
	for _, c := range []struct {
		n            int
		format, want string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {12, "chineseCountingThousand", "十二"},
		{23, "chineseCounting", "二十三"}, {3, "decimal", "3"}, {2, "decimalFullWidth", "２"},
		{4, "decimalEnclosedCircle", "④"}, {2, "decimalEnclosedParen", "⑵"}, {3, "ideographTraditional", "丙"},
		{2, "upperLetter", "B"}, {5, "decimalZero", "05"}, {30, "decimalEnclosedCircle", "30"},
	} {
		if got := listNumber(c.n, c.format); got != c.want {
			t.Errorf("listNumber(%d, %s) = %q, want %q", c.n, c.format, got, c.want)
		}
	}
}
