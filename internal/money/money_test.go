package money

import "testing"

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"12.5", 1250, true}, {" 1,200.05 ", 120005, true}, {"12.5万元", 1250, true}, {"0", 0, true}, {"7.", 700, true},
		{"12.345", 0, false}, {"-3", 0, false}, {"", 0, false}, {"万元", 0, false}, {"1e3", 0, false}, {".5", 0, false},
		{"十二", 0, false}, {"100000000000000000000", 0, false}, {"2000.01", 0, false}, {"2000", 200000, true},
		{"1,000", 100000, true}, {"12,50", 0, false}, {",100", 0, false}, {"1,0000", 0, false}, {"1,000.5,0", 0, false}, {"1000,", 0, false},
	} {
		n, ok := Parse(c.in, "万元", 200000)
		if n != c.want || ok != c.ok {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", c.in, n, ok, c.want, c.ok)
		}
	}
	if _, ok := Parse("280元", "万元", 1e9); ok {
		t.Error("another unit read as this one")
	}
}

func TestFormat(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 1250: "12.5", 120005: "1200.05", 128000: "1280", 5: "0.05", -150: "-1.5"} {
		if got := Format(n); got != want {
			t.Errorf("Format(%d) = %q, want %q", n, got, want)
		}
	}
	for _, n := range []int64{0, 1, 99, 100, 12345, 987654321} {
		if back, ok := Parse(Format(n), "", 1<<62); !ok || back != n {
			t.Errorf("Format(%d) reads back as %d, %v", n, back, ok)
		}
	}
}

// FuzzParse: what Parse accepts lies in [0, max] and reads back from
// Format unchanged; nothing makes it panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"12.5", " 1,200.05 ", "12.5万元", "1,0000", "-3", "1e3", "7."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := Parse(s, "万元", 1<<50)
		if !ok {
			return
		}
		if n < 0 || n > 1<<50 {
			t.Fatalf("Parse(%q) = %d", s, n)
		}
		if back, ok := Parse(Format(n), "", 1<<50); !ok || back != n {
			t.Fatalf("Parse(%q) = %d, which Format writes as %q and reads back as %d, %v", s, n, Format(n), back, ok)
		}
	})
}
