package people

import "testing"

func TestMarker(t *testing.T) {
	for _, c := range []struct {
		q, text string
		around  int
		want    string
	}{
		{"材料", "新型材料与材料加工", 0, "新型<mark>材料</mark>与<mark>材料</mark>加工"},
		{"钒钛 材料", "钒钛磁铁矿<b>材料</b>", 0, "<mark>钒钛</mark>磁铁矿&lt;b&gt;<mark>材料</mark>&lt;/b&gt;"},
		{"功能材料", "稀土功能材料与能材", 0, "稀土<mark>功能材料</mark>与能材"},
		{"AI", "ai 与 AI", 0, "<mark>ai</mark> 与 <mark>AI</mark>"},
		{"材料", "一二三四五六七八九十材料一二三四五六七八九十", 8, "…九十<mark>材料</mark>一二三四…"},
		{"无关", "<script>", 0, "&lt;script&gt;"},
		{"", "文本", 0, "文本"},
		{"功能材料", "功能性新材料", 0, "<mark>功能</mark>性新<mark>材料</mark>"}, // found apart: its bigrams
	} {
		if got := string(newMarker(c.q).Mark(c.text, c.around)); got != c.want {
			t.Errorf("Mark(%q, %q) = %q, want %q", c.q, c.text, got, c.want)
		}
	}
}
