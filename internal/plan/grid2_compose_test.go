package plan

import (
	"strconv"
	"strings"
)

// The second grid's composer (grid2_test.go scores it): the targets of plan
// prose laid out as real documents lay them out — items' headings and
// bodies, a list under one intro line that carries the deadline, a 专栏
// box, lists joined by ，、；和 及, responsibility clauses, a parenthesised
// target, a colon — and with the noise of PDF and web printouts: a line
// break anywhere in the sentence, a page marker or a printout's header
// between two lines of it, Kangxi radicals for characters, full-width
// digits, a web page's chrome before the body. Every phrase was written
// for the grid; none is a document's.

// g2Target is one target clause's parts and its reading.
type g2Target struct {
	verb, obj, num, mw string
	value, mult        float64 // the number as written (5 of 5万人次) and its multiplier
	unit               string  // the base unit
}

var g2Targets = []g2Target{
	{"建成", "科普基地", "100", "个", 100, 1, "个"},
	{"培育", "高新技术企业", "50", "家", 50, 1, "家"},
	{"新增", "科技志愿者", "2000", "名", 2000, 1, "名"},
	{"举办", "科普活动", "300", "场", 300, 1, "场"},
	{"引进", "人工智能领军人才", "120", "人", 120, 1, "人"},
	{"打造", "应用场景", "30", "个", 30, 1, "个"},
	{"认定", "科普示范社区", "80", "个", 80, 1, "个"},
	{"遴选", "科技项目", "40", "项", 40, 1, "项"},
	{"组建", "科技志愿服务队", "60", "支", 60, 1, "支"},
	{"服务", "长江沿线基层群众", "5", "万人次", 5, 1e4, "人次"},
	{"建设", "科普场馆", "12", "座", 12, 1, "座"},
	{"培养", "青年科技人才", "500", "名", 500, 1, "名"},
}

// g2Want is a quantity a case composes: its target, the comparator and
// the deadline year it reads with.
type g2Want struct {
	t    g2Target
	cmp  string
	year int
}

// g2Case is one small document of the grid and the factor value it probes.
type g2Case struct {
	factor, value string
	text          string // the body, laid inside g2Shell
	want          []g2Want
	chrome        string // lines before the title (a web page's)
}

// clause writes a target: verb–object–number (o) or verb–number–object (n),
// with a comparator word before the number; at is where each part starts
// ("obj", "num", "mw", "cmp") in the clause, in bytes.
func (t g2Target) clause(order byte, before string) (string, map[string]int) {
	at := map[string]int{}
	var b strings.Builder
	b.WriteString(t.verb)
	put := func() {
		at["cmp"] = b.Len()
		b.WriteString(before)
		at["num"] = b.Len()
		b.WriteString(t.num)
		at["mw"] = b.Len()
		b.WriteString(t.mw)
	}
	if order == 'n' {
		put()
		at["obj"] = b.Len()
		b.WriteString(t.obj)
	} else {
		at["obj"] = b.Len()
		b.WriteString(t.obj)
		put()
	}
	return b.String(), at
}

func (t g2Target) plain(order byte) string { s, _ := t.clause(order, ""); return s }

// g2Shell lays a case's body inside a plan's title and sections.
func g2Shell(c g2Case) string {
	return c.chrome + "某市科学技术协会科普能力提升行动方案（2026—2028年）\n\n一、总体要求\n坚持需求导向，统筹推进全市科普工作，" +
		"着力提升公民科学素质。\n\n二、主要任务\n" + c.text + "\n\n三、保障措施\n加强组织领导，落实工作责任，强化经费保障。\n"
}

// splitAt breaks s at byte offset i (on a rune's boundary) with sep.
func splitAt(s string, i int, sep string) string { return s[:i] + sep + s[i:] }

// midRune is the byte offset of the middle rune of s[from:to].
func midRune(s string, from, to int) int {
	rs := []rune(s[from:to])
	return from + len(string(rs[:len(rs)/2]))
}

// g2Kangxi puts Kangxi radicals and radical-supplement forms for the
// characters PDF extraction leaves as them.
var g2Kangxi = strings.NewReplacer("人", "⼈", "工", "⼯", "长", "⻓", "大", "⼤", "立", "⽴", "生", "⽣", "文", "⽂", "力", "⼒", "方", "⽅")

// g2FullWidth writes ASCII digits and % full width.
func g2FullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r - '0' + '０'
		case r == '%':
			return '％'
		}
		return r
	}, s)
}

const g2Plan = 2028 // the plan's end (its title's period)

// g2Cases composes every case: each factor value over the targets, in
// both orders by turns.
func g2Cases() []g2Case {
	var cs []g2Case
	n := len(g2Targets)
	add := func(factor, value string, f func(i int, t, u g2Target, o byte) (string, []g2Want)) {
		for i, t := range g2Targets {
			o := "on"[i%2]
			text, want := f(i, t, g2Targets[(i+5)%n], o)
			cs = append(cs, g2Case{factor: factor, value: value, text: text, want: want})
		}
	}
	one := func(t g2Target) []g2Want { return []g2Want{{t, "=", g2Plan}} }
	two := func(t, u g2Target, year int) []g2Want { return []g2Want{{t, "=", year}, {u, "=", year}} }

	// layout: an item's heading line and its body
	for _, it := range []struct{ name, mark string }{{"（一）", "（%s）"}, {"1.", "%d."}, {"（1）", "（%d）"}, {"①", "①"}} {
		mark := func(i int) string {
			switch it.name {
			case "（一）":
				return "（" + gridCN(i%9+1) + "）"
			case "1.":
				return strconv.Itoa(i%9+1) + "."
			case "（1）":
				return "（" + strconv.Itoa(i%9+1) + "）"
			}
			return string(rune('①' + i%9))
		}
		add("layout", it.name+" heading", func(i int, t, _ g2Target, o byte) (string, []g2Want) {
			return mark(i) + t.plain(o) + "\n加强统筹协调，推进各项工作落实。", one(t)
		})
		add("layout", it.name+" body", func(i int, t, _ g2Target, o byte) (string, []g2Want) {
			return mark(i) + "加强科普阵地建设。" + t.plain(o) + "。", one(t)
		})
	}
	add("layout", "intro deadline, items on lines", func(_ int, t, u g2Target, o byte) (string, []g2Want) {
		return "到2027年：\n（1）" + t.plain(o) + "；\n（2）" + u.plain(o) + "。", two(t, u, 2027)
	})
	add("layout", "intro deadline, items inline", func(_ int, t, u g2Target, o byte) (string, []g2Want) {
		return "加强科普能力建设。到2027年：（1）" + t.plain(o) + "；（2）" + u.plain(o) + "。", two(t, u, 2027)
	})
	add("layout", "专栏 box", func(i int, t, u g2Target, o byte) (string, []g2Want) {
		return "（一）夯实科普阵地。推进科普设施建设。\n专栏" + strconv.Itoa(i%3+1) + " 科普阵地重点工程\n1.科普阵地提升工程。" + t.plain(o) +
			"。\n2.科普人才培育工程。" + u.plain(o) + "。\n（二）壮大科普队伍。完善科普人才激励机制。", two(t, u, g2Plan)
	})
	for _, sep := range []string{"，", "、", "；"} {
		add("layout", "joined by "+sep, func(_ int, t, u g2Target, o byte) (string, []g2Want) {
			return "着力提升服务能力，" + t.plain(o) + sep + u.plain(o) + "。", two(t, u, g2Plan)
		})
	}
	for _, sep := range []string{"和", "及"} {
		add("layout", "joined by "+sep+" (one verb)", func(_ int, t, u g2Target, _ byte) (string, []g2Want) {
			return "着力提升服务能力，" + t.plain('n') + sep + u.num + u.mw + u.obj + "。", two(t, u, g2Plan)
		})
	}
	add("layout", "responsibility after", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		return "加强科普阵地建设，" + t.plain(o) + "。（责任单位：市科技局、市发展改革委）", one(t)
	})
	add("layout", "responsibility after, in the sentence", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		return "加强科普阵地建设，" + t.plain(o) + "（责任单位：市科技局、市发展改革委）。", one(t)
	})
	add("layout", "responsibility before", func(i int, t, _ g2Target, o byte) (string, []g2Want) {
		lead := []string{"市科协牵头，", "由市科协牵头，", "市科协、市科技局按职责分工负责，"}[i%3]
		return lead + t.plain(o) + "。", one(t)
	})
	add("layout", "parenthesised", func(_ int, t, _ g2Target, _ byte) (string, []g2Want) {
		return t.verb + t.obj + "（力争达到" + t.num + t.mw + "）。", one(t)
	})
	add("layout", "after a colon", func(i int, t, u g2Target, o byte) (string, []g2Want) {
		lead := []string{"主要目标：", "工作目标：", "发展目标："}[i%3]
		return lead + t.plain(o) + "，" + u.plain(o) + "。", two(t, u, g2Plan)
	})

	// noise: a line break in the sentence
	brk := func(value string, part string, before string, cmp string) {
		add("noise", value, func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
			s, at := t.clause(o, before)
			var i int
			switch part {
			case "obj":
				i = midRune(s, at["obj"], at["obj"]+len(t.obj))
			case "verb":
				i = at["obj"]
				if o == 'n' {
					i = at["cmp"]
				}
			case "num":
				i = midRune(s, at["num"], at["mw"])
			default:
				i = at[part]
			}
			return "加强科普阵地建设，" + splitAt(s, i, "\n") + "。", []g2Want{{t, cmp, g2Plan}}
		})
	}
	brk("break inside the object", "obj", "", "=")
	brk("break after the verb", "verb", "", "=")
	brk("break between number and unit", "mw", "", "=")
	brk("break before 不少于", "cmp", "不少于", ">=")
	brk("break inside the number", "num", "", "=")
	add("noise", "break before 以上", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		s, at := t.clause('o', "")
		_ = at
		return "加强科普阵地建设，" + s + "\n以上。", []g2Want{{t, ">=", g2Plan}}
	})
	// noise: a page's marker or a printout's header between two lines
	for _, m := range []struct{ name, line string }{
		{"page marker — 3 —", "— 3 —"},
		{"page marker - 3 -", "- 3 -"},
		{"页码：N/M", "页码：3/12"},
		{"第N页 共M页", "第 3 页 共 12 页"},
		{"printout header", "2026/3/12 上午10:15 某市科学技术协会关于印发科普能力提升行动方案的通知"},
		{"printout footer", "https://www.example.gov.cn/art/2026/3/12/art_1234_5678.html 3/12"},
	} {
		add("noise", m.name+" between lines", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
			s, at := t.clause(o, "")
			return "加强科普阵地建设，" + splitAt(s, midRune(s, at["obj"], at["obj"]+len(t.obj)), "\n"+m.line+"\n") + "。", one(t)
		})
	}
	add("noise", "Kangxi radicals", func(_ int, t, u g2Target, o byte) (string, []g2Want) {
		return g2Kangxi.Replace("加强人才队伍建设，" + t.plain(o) + "，" + u.plain(o) + "。"), two(t, u, g2Plan)
	})
	add("noise", "full-width digits", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		return "加强科普阵地建设，" + g2FullWidth(t.plain(o)) + "。", one(t)
	})
	add("noise", "full-width year and ％", func(_ int, t, _ g2Target, o byte) (string, []g2Want) {
		return g2FullWidth("到2027年，" + t.plain(o) + "，科普基地覆盖率达到95%。"), []g2Want{{t, "=", 2027},
			{g2Target{"", "", "", "", 95, 1, "%"}, "=", 2027}}
	})
	chrome := []string{
		"首页 > 政务公开 > 规划计划\n【字体：大 中 小】 打印本页 关闭窗口\n发布时间：2026-03-12 10:15 来源：市科协 浏览次数：1234\n",
		"当前位置：首页 > 信息公开 > 政策文件\n索引号：11330100002489163R/2026-00012 发布机构：市科协\n成文日期：2026-03-10 发布日期：2026-03-12\n" +
			"分享到： 微信 微博\n",
		"无障碍 | 长者模式 | 繁體\n首页 政务公开 政务服务 互动交流\n浏览量：568 次\n【打印】【关闭】\n",
	}
	footer := []string{
		"扫一扫在手机打开当前页\n主办单位：某市科学技术协会 网站标识码：3301000001\nICP备案号：浙ICP备12345678号-1 公安备案号 33010602001234号\n联系电话：0571-87654321",
		"【打印本页】【关闭窗口】\n版权所有：某市科学技术协会 地址：某市人民路100号 邮编：310000\n您是第 128,456 位访问者",
	}
	for i, t := range g2Targets {
		o := "on"[i%2]
		cs = append(cs, g2Case{factor: "noise", value: "web chrome before the body", chrome: chrome[i%3],
			text: "加强科普阵地建设，" + t.plain(o) + "。", want: one(t)})
		cs = append(cs, g2Case{factor: "noise", value: "web footer after the body", want: one(t),
			text: "加强科普阵地建设，" + t.plain(o) + "。\n\n" + footer[i%2]})
	}
	cs = append(cs, g2Wide()...)
	cs = append(cs, g2Anywhere()...)
	return cs
}
