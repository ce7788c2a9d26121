package valid

import "testing"

func TestEmail(t *testing.T) {
	for _, s := range []string{"wang@example.cn", "li.na+kx@mail.kexie.org.cn", "a@b.co", "zhang_san@xn--fiqs8s.cn"} {
		if !Email(s) {
			t.Errorf("Email(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"", "wang@", "@example.cn", "wang", "wang@localhost", "wang@example.", "wang@.cn",
		"王 <wang@example.cn>", "<wang@example.cn>", "wang @example.cn", "wang@exa mple.cn", "wang@@example.cn",
		"wang@[192.0.2.1]", "wang@-x.cn", "wang@example..cn", "a,b@example.cn"} {
		if Email(s) {
			t.Errorf("Email(%q) = true, want false", s)
		}
	}
}
