package db

import "testing"

func TestOrder(t *testing.T) {
	cols := map[string]string{"filed": "l.filed_at", "status": "l.status"}
	for _, c := range []struct{ sort, want string }{
		{"filed", "l.filed_at"}, {"-filed", "l.filed_at DESC"}, {"status", "l.status"},
		{"", "l.id DESC"}, {"-", "l.id DESC"}, {"name; DROP TABLE x", "l.id DESC"}, {"--filed", "l.id DESC"},
	} {
		if got := Order(c.sort, cols, "l.id DESC"); got != c.want {
			t.Errorf("Order(%q) = %q, want %q", c.sort, got, c.want)
		}
	}
}
