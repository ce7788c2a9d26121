package plan

import (
	"strconv"
	"strings"
)

// The second grid's factors added after its first run (grid2_compose_test.go
// composes the first; each batch's first run is in docs/benchmarks.md, grid2).

// g2Wide are the factors added after the first run (their own first run
// is in docs/benchmarks.md, grid2).
func g2Wide() []g2Case {
	var cs []g2Case
	add := func(factor, value string, f func(i int, t, u g2Target, o byte) (string, []g2Want)) {
		for i, t := range g2Targets {
			text, want := f(i, t, g2Targets[(i+5)%len(g2Targets)], "on"[i%2])
			cs = append(cs, g2Case{factor: factor, value: value, text: text, want: want})
		}
	}
	one := func(t g2Target, year int) []g2Want { return []g2Want{{t, "=", year}} }
	add("noise", "break inside the deadline (到|2027年)", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		return "加强科普阵地建设，到\n2027年，" + t.plain(o) + "。", one(t, 2027)
	})
	add("noise", "break inside the deadline (2027|年)", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		return "加强科普阵地建设，到2027\n年，" + t.plain(o) + "。", one(t, 2027)
	})
	add("noise", "page marker between number and unit", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		s, at := t.clause(o, "")
		return "加强科普阵地建设，" + splitAt(s, at["mw"], "\n— 3 —\n") + "。", one(t, g2Plan)
	})
	add("noise", "printout header between deadline and target", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		return "加强科普阵地建设，到2027年，\n2026/3/12 上午10:15 某市科学技术协会关于印发科普能力提升行动方案的通知\n" + t.plain(o) + "。", one(t, 2027)
	})
	cn := []string{"二十", "十", "三十", "五十", "十二", "四十"}
	add("noise", "Kangxi radicals in Chinese numerals", func(i int, t, _ g2Target, o byte) (string, []g2Want) {
		t.num = cn[i%len(cn)]
		t.value = map[string]float64{"二十": 20, "十": 10, "三十": 30, "五十": 50, "十二": 12, "四十": 40}[t.num]
		if t.mult != 1 { // (5万人次 stays digits)
			t.num, t.value = "5", 5
		}
		kx := strings.NewReplacer("二", "⼆", "十", "⼗", "人", "⼈")
		return "加强科普阵地建设，" + kx.Replace(t.plain(o)) + "。", one(t, g2Plan)
	})
	add("noise", "full-width space between number and unit", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		s, at := t.clause(o, "")
		return "加强科普阵地建设，" + splitAt(s, at["mw"], "　") + "。", one(t, g2Plan)
	})
	add("layout", "（一） heading with a deadline", func(i int, t, _ g2Target, o byte) (string, []g2Want) {
		return "（" + gridCN(i%9+1) + "）到2027年，" + t.plain(o) + "\n加强统筹协调，推进各项工作落实。", one(t, 2027)
	})
	add("layout", "intro 实现以下目标, items on lines", func(_ int, t, u g2Target, o byte) (string, []g2Want) {
		return "到2027年，实现以下目标：\n1." + t.plain(o) + "；\n2." + u.plain(o) + "。", []g2Want{{t, "=", 2027}, {u, "=", 2027}}
	})
	add("layout", "专栏 as a table", func(i int, t, u g2Target, o byte) (string, []g2Want) {
		return "专栏" + strconv.Itoa(i%3+1) + " 重点工程\n工程名称\t建设内容\n科普阵地提升工程\t" + t.plain(o) + "\n科普人才培育工程\t" + u.plain(o) +
			"\n（二）壮大科普队伍。完善科普人才激励机制。", []g2Want{{t, "=", g2Plan}, {u, "=", g2Plan}}
	})
	add("layout", "responsibility on the next line", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		return "1.加强科普阵地建设。" + t.plain(o) + "。\n责任单位：市科技局、市发展改革委\n2.完善科普人才激励机制。", one(t, g2Plan)
	})
	add("layout", "parenthesised with a deadline", func(_ int, t, _ g2Target, _ byte) (string, []g2Want) {
		return t.verb + t.obj + "（到2027年达到" + t.num + t.mw + "）。", one(t, 2027)
	})
	add("noise", "no-break space between number and unit", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		s, at := t.clause(o, "")
		return "加强科普阵地建设，" + splitAt(s, at["mw"], "\u00a0") + "。", one(t, g2Plan)
	})
	add("noise", "no-break spaces opening the line", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		return "\u00a0\u00a0加强科普阵地建设，" + t.plain(o) + "。", one(t, g2Plan)
	})
	add("noise", "zero-width space between number and unit", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		s, at := t.clause(o, "")
		return "加强科普阵地建设，" + splitAt(s, at["mw"], "\u200b") + "。", one(t, g2Plan)
	})
	add("layout", "two intro deadlines in turn", func(_ int, t, u g2Target, o byte) (string, []g2Want) {
		return "到2027年：\n1." + t.plain(o) + "。\n到2028年：\n1." + u.plain(o) + "。", []g2Want{{t, "=", 2027}, {u, "=", 2028}}
	})
	add("layout", "two deadlines in turn, then a plain item", func(_ int, t, u g2Target, o byte) (string, []g2Want) {
		return "（一）近期目标\n到2027年，" + t.plain(o) + "。\n（二）远期目标\n到2028年，" + u.plain(o) + "。", []g2Want{{t, "=", 2027}, {u, "=", 2028}}
	})
	return cs
}

// g2Anywhere breaks each target's clause at every rune: a line break, a
// page marker and a printout's header line between its two lines.
func g2Anywhere() []g2Case {
	var cs []g2Case
	for _, m := range []struct{ name, sep string }{
		{"break at every rune", "\n"},
		{"page marker at every rune", "\n- 3 -\n"},
		{"printout header at every rune", "\n2026/3/12 上午10:15 某市科学技术协会关于印发科普能力提升行动方案的通知\n"},
		{"页码：N/M at every rune", "\n页码：3/12\n"},
		{"printout footer at every rune", "\nhttps://www.example.gov.cn/art/2026/3/12/art_1234_5678.html 3/12\n"},
	} {
		for i, t := range g2Targets {
			s, _ := t.clause("on"[i%2], "不少于")
			rs := []rune(s)
			for k := 1; k < len(rs); k++ {
				cs = append(cs, g2Case{factor: "noise", value: m.name, text: "加强科普阵地建设，" + string(rs[:k]) + m.sep + string(rs[k:]) + "。",
					want: []g2Want{{t, ">=", g2Plan}}})
			}
		}
	}
	add := func(value string, f func(t g2Target, o byte) string) {
		for i, t := range g2Targets {
			cs = append(cs, g2Case{factor: "layout", value: value, text: f(t, "on"[i%2]), want: []g2Want{{t, "=", g2Plan}}})
		}
	}
	add("responsibility in 【】", func(t g2Target, o byte) string {
		return "加强科普阵地建设，" + t.plain(o) + "。【责任单位：市科技局、市发展改革委】"
	})
	add("lead and partner units after", func(t g2Target, o byte) string {
		return "加强科普阵地建设，" + t.plain(o) + "。（牵头单位：市科协；配合单位：市科技局、市教育局）"
	})
	add("responsibility line before", func(t g2Target, o byte) string {
		return "1.科普阵地提升行动\n牵头单位：市科协\n" + t.plain(o) + "。"
	})
	for i, t := range g2Targets {
		u := g2Targets[(i+5)%len(g2Targets)]
		o := "on"[i%2]
		cs = append(cs, g2Case{factor: "layout", value: "专栏 box with ①②", text: "专栏2 科普人才重点工程\n①" + t.plain(o) + "；\n②" + u.plain(o) + "。\n（二）壮大科普队伍。完善科普人才激励机制。",
			want: []g2Want{{t, "=", g2Plan}, {u, "=", g2Plan}}})
		cs = append(cs, g2Case{factor: "layout", value: "intro 实现以下目标, items inline", text: "力争到2027年，实现以下目标：（1）" + t.plain(o) + "；（2）" + u.plain(o) + "。",
			want: []g2Want{{t, "=", 2027}, {u, "=", 2027}}})
	}
	return cs
}
