package plan

import (
	"fmt"
	"strings"
	"testing"
)

// sectionsOf ingests text and lists its sections as "level number title".
func sectionsOf(t *testing.T, text string) string {
	t.Helper()
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := sectionLines(doc, func(s *Section) string { return fmt.Sprintf("%d %s %s", s.Level, s.Number, s.Title) })
	return strings.Join(got, " | ")
}

// sectionLines lists a document's sections depth first, each as line says.
func sectionLines(doc *Doc, line func(*Section) string) []string {
	var out []string
	var flat func([]*Section)
	flat = func(ss []*Section) {
		for _, s := range ss {
			out = append(out, line(s))
			flat(s.Children)
		}
	}
	flat(doc.Sections)
	return out
}

// Articles (第一条) are sections with their items below them; a space before
// the mark (1 、), a bullet or an invisible mark before a number does not
// hide a heading, and 第十二条 quoted at a line's start in a sentence is no
// heading (D78).
func TestHeadingArticlesAndMarks(t *testing.T) {
	text := "某省促进科技成果转化若干措施\n第一条 支持高校院所设立技术转移机构。对新认定的示范机构给予奖励。\n" +
		"第二条　培育技术经纪人队伍\n（一）开展培训。\n（二）完善评价。\n第三条规定的机构应当备案。\n" +
		"第三条 加大金融支持\n■一、加强组织领导\n1 、落实资金\n一、二级学会全面参与。\n\u200b二、强化监督\n**三、**做好宣传\n"
	want := "1 第一条 支持高校院所设立技术转移机构 | 1 第二条 培育技术经纪人队伍 | 2 (一) 开展培训 | 2 (二) 完善评价 | " +
		"1 第三条 加大金融支持 | 1 一 加强组织领导 | 2 1 落实资金 | 1 二 强化监督 | 1 三 做好宣传"
	if got := sectionsOf(t, text); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// Headings run into the text before them (a web page that lost its
// paragraph breaks) start sections of their own; a list after a colon or
// a semicolon does not.
func TestHeadingsRunIn(t *testing.T) {
	text := "某市科技创新行动方案（2026—2028年）\n为加快建设科技强市，制定本方案。一、总体要求（一）指导思想。以创新为引领。" +
		"（二）主要目标。到2028年，全市高新技术企业达到3000家。二、重点任务（一）培育创新主体。重点包括：（一）企业；（二）平台。新增科技型中小企业500家。一、二级学会全面参与。三、保障措施\n"
	want := "1 一 总体要求 | 2 (一) 指导思想 | 2 (二) 主要目标 | 1 二 重点任务 | 2 (一) 培育创新主体 | 1 三 保障措施"
	if got := sectionsOf(t, text); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	doc, _ := ingestText(text, nil)
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, reading(ind)+" "+strings.Join(ind.Section, "/"))
	}
	if want := "3000 家 = - 2028 一/(二) | 500 家 = - 2028 二/(一)"; strings.Join(got, " | ") != want {
		t.Errorf("targets\n got %s\nwant %s", strings.Join(got, " | "), want)
	}
}

// A heading whose line runs on into sentences is text, not an entry of a
// table of contents: a number that comes round again later (an annex's
// list) does not make the plan's body a table of contents.
func TestRunInHeadingsAreNoContents(t *testing.T) {
	text := "某市科技创新行动方案（2026—2028年）\n一、总体要求\n（一）主要目标。到2028年，全市高新技术企业达到3000家。\n" +
		"二、重点任务\n（一）培育创新主体。新增科技型中小企业500家。\n附件\n一、重点任务分工\n"
	got := sectionsOf(t, text)
	if !strings.HasPrefix(got, "1 一 总体要求 | 2 (一) 主要目标 | 1 二 重点任务") {
		t.Errorf("the body was taken for a table of contents: %s", got)
	}
}

// Chapters spaced out by a PDF (第 一 章) and the single characters ⒈ and
// ㈠ that stand for 1. and (一).
func TestHeadingSpacedAndEnclosed(t *testing.T) {
	text := "某市科技规划（2026-2030年）\n第 一 章 总  则\n㈠加强领导\n⒈明确责任\n⒉强化考核\n㈡完善机制\n第 二 章  重点任务\n"
	want := "1 第一章 总  则 | 2 (一) 加强领导 | 3 1 明确责任 | 3 2 强化考核 | 2 (二) 完善机制 | 1 第二章 重点任务"
	if got := sectionsOf(t, text); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// A table that is no indicator table (support standards, a division of
// tasks; Markdown or laid out by pdftotext) is read row by row and cell by
// cell: a sum alone in its cell is proposed, a task with its verb is a
// target, and no row's words govern another row's numbers.
func TestTablesReadByRowAndCell(t *testing.T) {
	text := "某市科技创新若干政策（2026-2028年）\n一、支持标准\n| 序号 | 支持事项 | 支持标准 | 责任单位 |\n|---|---|---|---|\n" +
		"| 1 | 新认定国家级孵化器 | 100万元 | 市科技局 |\n二、任务分工\n| 序号 | 重点任务 | 牵头单位 | 完成时限 |\n|---|---|---|---|\n" +
		"| 1 | 新建科普基地10个 | 市科协 | 2026年底 |\n| 2 | 培训科普人员500人次 | 市科协 | 2027年 |\n" +
		"三、政策兑现\n序号    支持事项              支持标准        牵头单位\n2       新认定省级众创空间    30万元          市科技局\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, reading(ind)+" "+ind.Text)
	}
	// (a row's 完成时限 cell dates its task, D110)
	want := "? 100 元×10000 = - 2028 100万元 | 10 个 = - 2026 新建科普基地10个 | 500 人次 = - 2027 培训科普人员500人次 | ? 30 元×10000 = - 2028 30万元"
	if strings.Join(got, " | ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " | "), want)
	}
}

// A page's bold that sets a heading's number apart from its point
// (**1** **.** **开展…。** text) still numbers a heading.
func TestHeadingBoldSplitPoint(t *testing.T) {
	text := "某市氢能产业行动计划（2026-2027年）\n一、重点任务\n（一）打造创新高地\n" +
		"**1** **.** **开展关键技术研发。** 加快推进电堆技术创新。\n**2** **、** **布局建设创新载体。** 建设实验室。\n" +
		"**3** **.** **建设** **产业园区。** 打造园区。\n二、保障措施\n**4** **.健全安全发展机制。** 加强监管。\n"
	want := "1 一 重点任务 | 2 (一) 打造创新高地 | 3 1 开展关键技术研发 | 3 2 布局建设创新载体 | 3 3 建设产业园区 | " +
		"1 二 保障措施 | 2 4 健全安全发展机制"
	if got := sectionsOf(t, text); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// A section's title is shown without the emphasis marks a page left in it
// (** and __, and the space a page set between two bold runs); the
// section's number, level and offsets are read as before.
func TestHeadingTitleEmphasis(t *testing.T) {
	for _, c := range []struct {
		name, line, want string
		start, end       int // the heading's offsets, as read with the marks in its title
	}{
		{"bold around the whole title", "（一）**打造** **创新高地**", "2 (一) 打造创新高地", 30, 46},
		{"bold inside", "（一）打造**创新**高地", "2 (一) 打造创新高地", 30, 43},
		{"bold runs apart", "**（一）** **打造** **创新高地**", "2 (一) 打造创新高地", 32, 51},
		{"underscores", "（一）__打造创新高地__", "2 (一) 打造创新高地", 30, 43},
		{"underscores inside", "（一）打造__创新__高地", "2 (一) 打造创新高地", 30, 43},
		{"Latin words apart", "（一）**AI** **Plus**行动", "2 (一) AI Plus行动", 30, 50},
		{"a blank to fill is no emphasis", "（一）填写____年度计划", "2 (一) 填写____年度计划", 30, 43},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := "某市氢能产业行动计划（2026-2027年）\n一、重点任务\n" + c.line + "\n加快推进电堆技术创新。\n"
			want := "1 一 重点任务 | " + c.want
			if got := sectionsOf(t, text); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
			doc, err := ingestText(text, nil)
			if err != nil {
				t.Fatal(err)
			}
			sec := doc.Sections[0].Children[0]
			if sec.Start != c.start || sec.End != c.end {
				t.Errorf("offsets %d–%d, want %d–%d", sec.Start, sec.End, c.start, c.end)
			}
		})
	}
}
