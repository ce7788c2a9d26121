package plan

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Digits a PDF's kerning split with spaces (quantity_spaced.go); every text
// here is written for the test.

// A document is read as spaced when at least two of its years are split
// by a space (before 年 or inside a document number's brackets); a plain
// document's figures apart, a table's columns, one slip, never make it one.
func TestSpacedDigitsDocument(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"某区数据产业行动方案（202 5—202 7 年）\n一、目标\n到202 6 年，培育企业1 00 家。", true},
		{"某政办发〔 202 5〕 12 号\n一、目标\n到20 26年，培育企业50家。", true},
		{"某政办发[2 025] 3号\n一、目标\n自202 5年起实施。", true},
		// once: a slip, not the document's layer
		{"某区数据产业行动方案（2025—2027年）\n一、目标\n到202 6 年，培育企业1 00 家。", false},
		// figures a plain document sets apart, a table's columns
		{"一、目标\n两类企业分别为 3 5 个，到2026年达到 12 20 家。\n序号 2025 2026\n1  20 25  30", false},
		{"一、目标\n到2026年，新建\t202\t6个。\n到2027年建成 20  27 个。", false},
		// split across a line end: no year on either line
		{"一、目标\n到202\n6年，到202\n7年。", false},
	}
	for _, tt := range tests {
		if got := spacedDigits(tt.text); got != tt.want {
			t.Errorf("%q: spaced %v, want %v", tt.text, got, tt.want)
		}
	}
}

// In a spaced document each run of digits single spaces split is joined,
// its spaces moved in front (rune for rune); never across a tab, two
// spaces or a line end, never a year onto a number beside it, never a
// list's number onto its text, never a row of figures.
func TestJoinSpacedDigits(t *testing.T) {
	tests := []struct{ line, want string }{
		{"培育数据企业 1 00 家", "培育数据企业  100 家"},
		{"打造应用场景1 00个", "打造应用场景 100个"},
		{"全市建成5G基站 3 .5 万个", "全市建成5G基站  3.5 万个"},
		{"增长3 . 5%", "增长  3.5%"},
		{"算力规模达到 1 2000P 以上", "算力规模达到  12000P 以上"},
		{"到202 6 年", "到 2026 年"},
		{"(202 5-202 7 年)", "( 2025- 2027 年)"},
		{"〔 202 5〕 1 2 号", "〔  2025〕  12 号"},
		// a year and the number after it; a number and the year after it
		{"2025 1 2 号", "2025  12 号"},
		{"第 3 2026 年", "第 3 2026 年"},
		// columns: a tab, two spaces
		{"企业\t1\t00 家", "企业\t1\t00 家"},
		{"企业 1  00  家", "企业 1  00  家"},
		// a list's number at the line's start, its point and its text
		{"1. 5G网络覆盖", "1. 5G网络覆盖"},
		// a row of figures, not one number; a code; a ratio
		{"指标 1 2 3 4 5", "指标 1 2 3 4 5"},
		{"型号V2 0", "型号V2 0"},
		{"比例 1:2 0", "比例 1:2 0"},
		// at the line's start: a heading's number, a date, a figure alone
		// keep their place; a quantity's number moves like any
		{"1 0. 推进数据开放", "10 . 推进数据开放"},
		{"202 5 年 7 月 1 0 日", "2025  年 7 月  10 日"},
		// a table's cell alone on its line: the gaps at the line's end
		{"1 80", "180 "},
		{"202 5 年", "2025 年 "},
		{"1 .2 万人", "1.2 万人 "},
		{"1 00 家企业上云", " 100 家企业上云"},
		// a paragraph's indent is no part of the text; full-width digits move as written
		{"\u3000\u30001 0. 推进数据开放", "\u3000\u300010 . 推进数据开放"},
		{"培育企业１ ００家", "培育企业 １００家"},
	}
	for _, tt := range tests {
		if got := joinSpacedDigits(tt.line); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.line, got, tt.want)
		}
	}
}

// What a spaced document's quantities and years read: the whole number, a
// deadline from a split year, the span from the first digit to the unit as
// written.
func TestSpacedDigitsRead(t *testing.T) {
	text := "某区数据产业行动方案（202 5—202 7 年）\n一、发展目标\n" +
		"到202 6 年，培育数据企业 1 00 家，打造应用场景1 00个，全市建成5G基站 3 .5 万个，算力规模达到 1 2000P 以上。\n" +
		"二、重点任务\n到202 7 年，引进人才 5 00 名，平台分别达到 3 5 个。\n"
	want := "100 家 = - 2026 | 100 个 = - 2026 | 3.5 个×10000 = - 2026 | 12000 PFLOPS >= - 2026 | 500 名 = - 2027 | 35 个 = - 2027"
	if got := readDoc(t, text); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Period.Start == nil || *doc.Period.Start != 2025 || doc.Period.End == nil || *doc.Period.End != 2027 {
		t.Errorf("period %+v, want 2025-2027", doc.Period)
	}
	rs := []rune(text)
	spans := []string{"1 00 家", "1 00个", "3 .5 万个", "1 2000P", "5 00 名", "3 5 个"}
	for i, ind := range doc.Indicators {
		if i < len(spans) && string(rs[ind.Start:ind.End]) != spans[i] {
			t.Errorf("span %d: %q, want %q", i, string(rs[ind.Start:ind.End]), spans[i])
		}
	}
}

// A plain document (its years whole) joins nothing: a tail that starts
// with zeros (00 家) is never a count of none — read whole and proposed
// when its head stands before it, else not read; figures apart stay apart;
// a lost decimal point (55 03亿元) is still read as one.
func TestZeroTailPlainDocument(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"培育数据企业 1 00 家。", "? 100 家 = - 2030"},
		{"打造应用场景1 00个，新建基地20个。", "? 100 个 = - 2030 | 20 个 = - 2030"},
		{"建成站点 00 家。", ""},
		{"平台分别达到 3 5 个。", "5 个 = - 2030"},
		{"省财政预算安排55 03亿元。", "? 55.03 元×1e+08 = - 2030"},
		// a lone 0 a single space parts from the digits before it; a tail
		// whose head is itself split is not read
		{"企业上云率提高到3 0%，覆盖率达到1 0 0%。", "? 30 % = - 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// FuzzSpacedDigits: joining keeps every line's rune count and its
// non-space runes in order, the lines keep the runes of the lines as
// written, and what is read keeps its span inside the text.
func FuzzSpacedDigits(f *testing.F) {
	f.Add("方案（202 5—202 7 年）\n一、目标\n到202 6 年，培育企业 1 00 家，基站 3 .5 万个。")
	f.Add("〔 202 5〕 1 2 号\n一、目标\n到20 26年，算力 1 2000P 以上，增长3 . 5%，1. 5G")
	f.Add("一、目标\n企业\t1\t00 家 1  00 2025 1 2 号 00 家 0 5 .")
	f.Add("一、目标\n到二〇二六年，建成2 个 百 分 点，50 万 人 次 以 上，2 万⼾")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for raw := range strings.SplitSeq(s, "\n") {
			j := joinSpacedDigits(raw)
			drop := func(r rune) rune {
				if r == ' ' {
					return -1
				}
				return r
			}
			if utf8.RuneCountInString(j) != utf8.RuneCountInString(raw) || strings.Map(drop, j) != strings.Map(drop, raw) {
				t.Fatalf("joined %q from %q", j, raw)
			}
		}
		lines, origs, _ := splitLines(s, spacedDigits(s), false)
		for i := range lines {
			if utf8.RuneCountInString(lines[i]) != utf8.RuneCountInString(origs[i]) {
				t.Fatalf("line %d: %d runes, written %d", i, utf8.RuneCountInString(lines[i]), utf8.RuneCountInString(origs[i]))
			}
		}
		doc, _ := Ingest(strings.NewReader(s))
		n := utf8.RuneCountInString(s)
		for _, ind := range doc.Indicators {
			if ind.Start < 0 || ind.End > n || ind.Start >= ind.End {
				t.Fatalf("span %d-%d outside %d runes", ind.Start, ind.End, n)
			}
		}
	})
}

// A spaced document reads as the same document written plainly: its
// period, headings, deadlines and targets, a table's cells too.
func TestSpacedDocumentReadsAsPlain(t *testing.T) {
	spaced := "某市人民政府办公室文件\n某政办发〔 202 5〕 1 8 号\n" +
		"某市算力基础设施高质量发展行动计划（202 5—202 7 年）\n一、总体目标\n" +
		"到202 7 年，全市算力规模达到 1 2000P 以上，智能算力占比超过 6 0%，数据中心平均 PUE 降至 1 .25 以下，\n" +
		"建成 5G 基站 3 .5 万个，培育数据企业 1 00 家。\n二、重点任务\n" +
		"1 0. 推进算力网络建设。到202 6 年底，建成城市算力节点 1 2 个，\n1 00 家企业上云用云。\n" +
		"1 1. 培育人才。每年培训专业人才 5 00 人次。\n" +
		"序号\t指标\t单位\t202 5 年\t202 7 年\n1\t科普场馆数量\t个\t3 0\t4 5\n"
	plain := "某市人民政府办公室文件\n某政办发〔2025〕18号\n" +
		"某市算力基础设施高质量发展行动计划（2025—2027年）\n一、总体目标\n" +
		"到2027年，全市算力规模达到12000P以上，智能算力占比超过60%，数据中心平均PUE降至1.25以下，\n" +
		"建成5G基站3.5万个，培育数据企业100家。\n二、重点任务\n" +
		"10. 推进算力网络建设。到2026年底，建成城市算力节点12个，\n100家企业上云用云。\n" +
		"11. 培育人才。每年培训专业人才500人次。\n" +
		"序号\t指标\t单位\t2025年\t2027年\n1\t科普场馆数量\t个\t30\t45\n"
	if !spacedDigits(spaced) || spacedDigits(plain) {
		t.Fatal("spacedDigits: the spaced text is spaced, the plain one is not")
	}
	s, p := readDoc(t, spaced), readDoc(t, plain)
	if s != p || p == "" {
		t.Errorf("spaced %s\nplain  %s", s, p)
	}
	sd, _ := ingestText(spaced, nil)
	pd, _ := ingestText(plain, nil)
	var st, pt []string
	var walk func(ss []*Section, out *[]string)
	walk = func(ss []*Section, out *[]string) {
		for _, x := range ss {
			*out = append(*out, x.Number)
			walk(x.Children, out)
		}
	}
	walk(sd.Sections, &st)
	walk(pd.Sections, &pt)
	if strings.Join(st, " ") != strings.Join(pt, " ") {
		t.Errorf("sections spaced %v, plain %v", st, pt)
	}
	rs := []rune(spaced)
	for _, ind := range sd.Indicators {
		if q := string(rs[ind.Start:ind.End]); !isDigit(rs[ind.Start]) || strings.HasSuffix(q, " ") {
			t.Errorf("span %q does not run from the first digit", q)
		}
	}
}

// A spaced document's table laid out one cell a line (D93) reads as the
// plain one: its years, its values, their spans over the digits as written.
func TestSpacedCellLineTable(t *testing.T) {
	spaced := "某市科普能力提升行动方案（202 6—202 8 年）\n一、主要目标\n到202 8 年，主要指标如下：\n" +
		"指标\n单位\n202 5 年\n202 8 年\n科普场馆数量\n个\n3 0\n4 5\n注册科技志愿者\n万人\n1 .2\n2 .0\n" +
		"二、重点任务\n（一）建设科普阵地。新建科普基地 1 5 个。\n"
	plain := "某市科普能力提升行动方案（2026—2028年）\n一、主要目标\n到2028年，主要指标如下：\n" +
		"指标\n单位\n2025年\n2028年\n科普场馆数量\n个\n30\n45\n注册科技志愿者\n万人\n1.2\n2.0\n" +
		"二、重点任务\n（一）建设科普阵地。新建科普基地15个。\n"
	s, p := readDoc(t, spaced), readDoc(t, plain)
	if s != p || !strings.Contains(p, "45 个") {
		t.Errorf("spaced %s\nplain  %s", s, p)
	}
	doc, err := ingestText(spaced, nil)
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(spaced)
	var spans []string
	for _, ind := range doc.Indicators {
		spans = append(spans, string(rs[ind.Start:ind.End]))
	}
	if got := strings.Join(spans, " | "); got != "4 5 | 2 .0 | 1 5 个" {
		t.Errorf("spans %s", got)
	}
}

// kerned is text as a PDF's kerning leaves it: a space after the first
// digit of every number of two or more digits (2025年 → 2 025年, 100家 →
// 1 00家).
func kerned(text string) string {
	rs := []rune(text)
	out := make([]rune, 0, len(rs)+len(rs)/8)
	for i, r := range rs {
		out = append(out, r)
		if isDigit(r) && (i == 0 || !isDigit(rs[i-1]) && rs[i-1] != '.') && i+1 < len(rs) && isDigit(rs[i+1]) {
			out = append(out, ' ')
		}
	}
	return string(out)
}

// BenchmarkIngestSpaced: a plan whose digits are spaced throughout against
// the same plan written plainly (the cost of joining; docs/benchmarks.md,
// "pdfnoise").
func BenchmarkIngestSpaced(b *testing.B) {
	plain := ownText(b, "shi_kexie_shiwuwu.txt")
	spaced := kerned(plain)
	if !spacedDigits(spaced) {
		b.Fatal("the kerned plan is not spaced")
	}
	for _, c := range []struct{ name, text string }{{"plain", plain}, {"spaced", spaced}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				if _, err := Ingest(strings.NewReader(c.text)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The project's own plans, kerned, read as written plainly.
func TestKernedOwnPlans(t *testing.T) {
	for _, name := range ownPlans {
		plain := ownText(t, name)
		k := kerned(plain)
		s, p := readDoc(t, k), readDoc(t, plain)
		if s != p {
			t.Errorf("%s:\nkerned %s\nplain  %s", name, s, p)
		}
		doc, _ := ingestText(k, nil)
		rs := []rune(k)
		for _, ind := range doc.Indicators {
			if q := string(rs[ind.Start:ind.End]); strings.TrimSpace(q) != q || strings.HasSuffix(q, ".") {
				t.Errorf("%s: span %q", name, q)
			}
		}
	}
}

// A year with spaces around it as a PDF sets it (到 202 6 年 joins to
// 到  2026 年) still dates its sentence; a document number spaced dates a
// measure in force for so many years.
func TestSpacedYearsDate(t *testing.T) {
	text := "某区数据产业行动方案（202 5—202 8 年）\n一、发展目标\n" +
		"到 202 6 年，培育数据企业 1 00 家。到 202 7 年底，建成应用场景 5 0 个。\n"
	if got := readDoc(t, text); got != "100 家 = - 2026 | 50 个 = - 2027" {
		t.Errorf("years with spaces: got %q", got)
	}
	text = "某市促进数据产业发展若干措施\n某政发〔 202 5〕 1 4 号\n一、支持措施\n" +
		"培育数据企业 1 00 家。\n二、附则\n本措施自印发之日起施行，有效期 3 年。\n某市人民政府\n202 5 年 7 月 1 0 日\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Period.End == nil || *doc.Period.End != 2028 {
		t.Errorf("the measure's end: %v, want 2028", doc.Period.End)
	}
	// a plain document's number with spaces around its year
	text = "某市促进数据产业发展若干措施\n某政发〔 2025〕 14 号\n一、支持措施\n培育数据企业100家。\n二、附则\n本措施自印发之日起施行，有效期3年。\n"
	if doc, err = ingestText(text, nil); err != nil || doc.Period.End == nil || *doc.Period.End != 2028 {
		t.Errorf("the measure's end: %v, want 2028", doc.Period.End)
	}
}
