package youth

import "testing"

// No hidden cell of a column can be worked out from its total: a lone
// "<5" takes another cell with it, and so do two cells forced to 1 each.
func TestProtect(t *testing.T) {
	for _, c := range []struct {
		in   []Count
		want string
	}{
		{[]Count{12, 3, 0, 0}, "* <5 0 0"},    // 15 − 12 would give 3
		{[]Count{12, 3, 2, 0}, "12 <5 <5 0"},  // 5 between two: 1+4, 2+3, 3+2, 4+1
		{[]Count{12, 1, 1, 0}, "* <5 <5 0"},   // 2 between two: both 1
		{[]Count{12, 4, 4, 20}, "* <5 <5 20"}, // 8 between two: both 4
		{[]Count{5, 1, 30, 0}, "* <5 * 0"},    // 6 = 1 + 5 only: a third cell
		{[]Count{7, 9, 30, 0}, "7 9 30 0"},    // nothing small
		{[]Count{3, 0, 0, 0}, "<5 0 0 0"},     // nothing to hide it with (the total is the cell)
		{[]Count{0, 0, 0, 0}, "0 0 0 0"},
	} {
		cells := append([]Count(nil), c.in...)
		ptrs := make([]*Count, len(cells))
		for i := range cells {
			ptrs[i] = &cells[i]
		}
		protect(ptrs...)
		got := ""
		for i, x := range cells {
			if i > 0 {
				got += " "
			}
			got += x.String()
		}
		if got != c.want {
			t.Errorf("%v → %q, want %q", c.in, got, c.want)
		}
	}
	if s := (Stats{Female: 2, Male: 9}); s.FemaleShare() != "" {
		t.Errorf("two girls of eleven shown as %s%%", s.FemaleShare())
	}
	if s := (Stats{Female: 6, Male: 9}); s.FemaleShare() != "40" {
		t.Errorf("share %q", s.FemaleShare())
	}
}
