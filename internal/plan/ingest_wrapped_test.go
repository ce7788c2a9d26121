package plan

import (
	"strconv"
	"strings"
	"testing"
)

// A report whose prose a PDF broke at the page's width, one line opening
// with 二、三季度…: the line goes on from the sentence before it, so it opens
// no section and the review it stands in still reviews (D129).
func TestHeadingAfterBrokenLine(t *testing.T) {
	fill := []rune(strings.Repeat("全省上下坚持稳中求进工作总基调推动经济社会发展取得新的成效", 20))
	para := string(fill[:24*3-1]) + "，二、三季度经济平稳增长；全年新建学校20所，" + string(fill[:24*20]) + "。"
	var b strings.Builder
	b.WriteString("某省政府工作报告\n——2031年1月20日在某省第十五届人民代表大会第三次会议上\n各位代表：\n一、2030年工作回顾\n")
	for rs := []rune(para); len(rs) > 0; {
		n := min(24, len(rs))
		b.WriteString(string(rs[:n]) + "\n")
		rs = rs[n:]
	}
	b.WriteString("二、2031年工作安排\n今年新建学校30所，改造危桥200座。\n")
	text := b.String()
	if w := wrapWidth(strings.Split(text, "\n")); w != 24 {
		t.Fatalf("wrapWidth = %d, want 24", w)
	}
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := topNumbers(doc.Sections); got != "一 二" {
		t.Errorf("top sections %q, want 一 二 (二、三季度… goes on from the line before)", got)
	}
	if got, want := readings(doc.Indicators), "? 20 所 = - 2031 | 30 所 = - 2031 | 200 座 = - 2031"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	// the same line after a sentence that ended is a heading; so it is in
	// a text whose lines were not broken at one width
	ended := strings.Replace(text, "，\n二、三季度", "。\n二、三季度", 1)
	if doc, _ := ingestText(ended, nil); len(doc.Sections) < 2 || !strings.HasPrefix(doc.Sections[1].Title, "三季度") {
		t.Errorf("after a full stop: %d top sections, the second not 二、三季度…", len(doc.Sections))
	}
	if w := wrapWidth(strings.Split("一、总体要求\n到2030年，新建学校30所，改造危桥200座，培训教师1000人次。\n二、保障措施\n加强组织领导。\n", "\n")); w != 0 {
		t.Errorf("wrapWidth of a text not broken = %d, want 0", w)
	}
}

// An item's line the page's width broke inside its sentence reads like a
// heading with no punctuation; the number it ends with takes its unit from
// the next line (D129).
func TestItemLineEndsInNumber(t *testing.T) {
	text := "某省2031年工作要点\n一、民生实事\n4.为全区低收入困难家庭的白内障患者实施免费手术2000\n例、“两癌”患病妇女给予每人1万元救助。\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := readings(doc.Indicators), "2000 例 = - 2031"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// An annex's heading alone on its line closes the plan's last section: the
// annex's task table is no part of 加强经费保障 (D137).
func TestAnnexClosesLastSection(t *testing.T) {
	text := "某区2019年生活垃圾分类实施方案\n\n一、工作目标\n\n到2019年底，建成两网融合服务点670个。\n\n二、保障措施\n\n（一）加强经费保障。对实施垃圾分类的家庭发放分类容器。\n\n附件2\n\n2019年街镇目标任务分解表\n\n街镇\n\n目标任务\n\n东江镇\n\n“两网融合”中转站累计1个，“两网融合”分类量29.53吨/日。\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := topNumbers(doc.Sections); got != "一 二 附件2" {
		t.Errorf("top sections %q, want 一 二 附件2", got)
	}
	for _, ind := range doc.Indicators {
		if strings.Contains(ind.Text, "中转站") && len(ind.Section) > 0 && ind.Section[0] != "附件2" {
			t.Errorf("%q in section %v, want the annex", ind.Text, ind.Section)
		}
	}
}

// A table of one sentence cell per town, its cells saying the same thing
// with other numbers, broken at the page's width: the broken lines repeat
// from town to town, and are prose, not a running head (wrappedRepeat). A
// running head repeated on every page, beside its number, is still no
// text, though it is as long as a full line.
func TestRepeatedBrokenCells(t *testing.T) {
	const width = 24
	broken := func(b *strings.Builder, para string) {
		for rs := []rune(para); len(rs) > 0; {
			n := min(width, len(rs))
			b.WriteString(string(rs[:n]) + "\n")
			rs = rs[n:]
		}
	}
	var b strings.Builder
	b.WriteString("某区2031年生活垃圾分类工作实施方案\n\n一、工作目标\n\n")
	broken(&b, strings.Repeat("全区上下坚持源头减量、全程分类、末端无害化处置的工作要求，推动生活垃圾分类工作取得新的成效。", 8))
	b.WriteString("\n二、任务分解\n\n街镇\n\n目标任务\n\n")
	towns := []string{"东江镇", "西岭镇", "南湖镇", "北塘镇"}
	want := 0
	for k, town := range towns {
		b.WriteString(town + "\n\n")
		var cell strings.Builder
		broken(&cell, "垃圾分类绿色账户推进100%全覆盖，创建达标累计"+strconv.Itoa(30+k)+"个小区，其中30%的小区要创建示范小区，上半年完成10%小区，下半年完成20%的小区。")
		if k == 2 { // a page's number and its running head inside the cell
			first, rest, _ := strings.Cut(cell.String(), "\n")
			b.WriteString(first + "\n\n— 7 —\n某区二〇三一年生活垃圾分类工作实施方案（试行稿）\n" + rest)
		} else {
			b.WriteString(cell.String())
		}
		b.WriteString("\n")
		want += 5
	}
	b.WriteString("某区二〇三一年生活垃圾分类工作实施方案（试行稿）\n\n— 8 —\n某区二〇三一年生活垃圾分类工作实施方案（试行稿）\n")
	text := b.String()
	if w := wrapWidth(strings.Split(text, "\n")); w != width {
		t.Fatalf("wrapWidth = %d, want %d", w, width)
	}
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := 0
	for _, ind := range doc.Indicators {
		if strings.Contains(ind.Text, "实施方案") {
			t.Errorf("the running head read as text: %q", ind.Text)
		}
		if !ind.Candidate && len(ind.Section) > 0 && ind.Section[0] == "二" {
			got++
		}
	}
	if got != want {
		t.Errorf("%d targets read in the towns' cells, want %d:\n%s", got, want, readings(doc.Indicators))
	}
}

// topNumbers is the numbers of the top-level sections, space-separated.
func topNumbers(secs []*Section) string {
	var tops []string
	for _, s := range secs {
		tops = append(tops, s.Number)
	}
	return strings.Join(tops, " ")
}
