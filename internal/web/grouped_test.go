package web

import "testing"

func TestGrouped(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "999": "999", "1000": "1,000", "4020000.00": "4,020,000.00", "-1234567.5": "-1,234,567.5",
		"123456": "123,456", "1.24": "1.24", "—": "—", "": "", "12a34": "12a34", "1.2.3": "1.2.3",
	} {
		if got := Grouped(in); got != want {
			t.Errorf("Grouped(%q) = %q, want %q", in, got, want)
		}
	}
}
