package std

import "testing"

func TestInitialsOf(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"北京市", "bj[fs]"},     // 市 is also read fú in the dictionary
		{"重庆市", "[ctz]q[fs]"}, // 重 zhòng/chóng (and tóng)
		{"长沙", "[cz]s"},       // 长 cháng/zhǎng
		{"3D打印", "ddy"},       // digits left out, letters kept
		{"（北）·京", "bj"},       // punctuation left out
		{"", ""},
	} {
		if got := InitialsOf(c.name).String(); got != c.want {
			t.Errorf("InitialsOf(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// The memo gives what InitialsOf gives, the second time from memory.
func TestInitialsMemo(t *testing.T) {
	m := InitialsMemo{}
	for _, name := range []string{"重庆市", "重庆市", "长沙市", "3D打印", ""} {
		if got, want := m.Of(name).String(), InitialsOf(name).String(); got != want {
			t.Errorf("memo.Of(%q) = %q, want %q", name, got, want)
		}
	}
	if len(m) != 7 { // 重 庆 市 长 沙 打 印; letters are not remembered
		t.Errorf("memo holds %d characters, want 7", len(m))
	}
}

func TestInitialsQuery(t *testing.T) {
	for _, c := range []struct {
		q, want string
		ok      bool
	}{
		{"bj", "bj", true},
		{" BJ ", "bj", true},
		{"cQ", "cq", true},
		{"b j", "", false},
		{"b1", "", false},
		{"北j", "", false},
		{"b-j", "", false},
		{"110", "", false},
		{"", "", false},
		{"   ", "", false},
	} {
		got, ok := InitialsQuery(c.q)
		if got != c.want || ok != c.ok {
			t.Errorf("InitialsQuery(%q) = %q, %v; want %q, %v", c.q, got, ok, c.want, c.ok)
		}
	}
}

func TestInitialsMatch(t *testing.T) {
	for _, c := range []struct {
		name, q string
		want    InitialsMatch
	}{
		{"重庆市", "cq", MatchPrefix}, // either reading of 重 matches
		{"重庆市", "zq", MatchPrefix},
		{"重庆市", "qs", MatchInside},
		{"重庆市", "cqs", MatchPrefix},
		{"重庆市", "cqsx", NoMatch}, // longer than the name
		{"重庆市", "xq", NoMatch},
		{"重庆市", "cs", NoMatch}, // letters must be on consecutive characters
		{"四川省成都市", "cd", MatchInside},
		{"成都市", "cd", MatchPrefix},
		{"成都市", "", NoMatch},
		{"", "c", NoMatch},
		{"3D打印", "dd", MatchPrefix},
	} {
		q, _ := InitialsQuery(c.q)
		if got := InitialsOf(c.name).Match(q); got != c.want {
			t.Errorf("%q matching %q = %v, want %v", c.name, c.q, got, c.want)
		}
	}
}

// The stored form reads back to the same sets; anything else is refused.
func TestParseInitials(t *testing.T) {
	for _, name := range []string{"重庆市", "北京市", "大理白族自治州", "3D打印", ""} {
		in := InitialsOf(name)
		back, ok := ParseInitials(in.String())
		if !ok || back.String() != in.String() || len(back) != len(in) {
			t.Errorf("%q: %q read back as %q, %v", name, in.String(), back.String(), ok)
		}
	}
	if in, ok := ParseInitials("a[]b"); !ok || len(in) != 3 || in[1] != 0 {
		t.Errorf(`ParseInitials("a[]b") = %v, %v`, in, ok)
	}
	for _, bad := range []string{"A", "[ab", "a]", "[a1]", "b j", "北"} {
		if in, ok := ParseInitials(bad); ok {
			t.Errorf("ParseInitials(%q) = %v, want refused", bad, in)
		}
	}
}

func FuzzParseInitials(f *testing.F) {
	for _, s := range []string{"[ctz]q[fs]", "bj", "[]", "[a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in, ok := ParseInitials(s)
		if !ok {
			return
		}
		if again, ok := ParseInitials(in.String()); !ok || again.String() != in.String() {
			t.Errorf("%q → %q does not read back", s, in.String())
		}
	})
}

func BenchmarkInitialsOf(b *testing.B) {
	for b.Loop() {
		InitialsOf("新疆维吾尔自治区")
	}
}
