package plan

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// flatAsTable is a table of testdata/flat/ as its text pastes it one cell
// a line, written out as the grid it is: the lines before it (before),
// its rows (a cell "^" is the cell above merged down), the lines after it.
type flatAsTable struct {
	file          string
	before, after int // lines of the text before the table and where its tail starts
	rows          [][]string
	apart         string // why it reads apart from the text, known and left ("" reads alike)
}

var flatTables = []flatAsTable{
	{"clean.txt", 7, -1, [][]string{
		{"序号", "指标", "2025年", "2026年", "2027年"},
		{"1", "科普场馆数量（个）", "40", "45", "50"},
		{"2", "注册科普志愿者（万人）", "1.5", "2", "2.5"},
		{"3", "具备科学素质的公民比例（%）", "15", "16.5", "18"},
	}, ""},
	{"spaced.txt", 4, 45, [][]string{
		{"序　号", "指　　标", "预期值", "属　性"},
		{"1", "科普活动安全事故起数", "下降20%", "约束性"},
		{"2", "每十万人科普设施覆盖缺口（处）", "＜1", "预期性"},
		{"3", "年均科普讲座场次", "＞1500", "预期性"},
		{"4", "科普经费占财政支出比例", "＞0.5%", "预期性"},
	}, "a table whose header words are letter-spaced (序　号, 指　　标, 属　性) is read without its header: the " +
		"rules of tables with cells apart (ingest_table*) take no spaced header word, those of a table one cell a line do; " +
		"with 序号, 指标, 属性 the w:tbl reads as the text"},
	{"rowlines.txt", 4, 9, [][]string{
		{"序号", "指标名称", "单位", "2024年", "2027年", "属性"},
		{"1", "科技社团数量", "个", "120", "150", "预期性"},
		{"2", "企业科协覆盖率", "%", "60", "≥80", "约束性"},
		{"3", "科普经费人均投入", "元", "2", "—", "预期性"},
		{"4", "学会服务站点", "个", "30", "40以上", "^"},
	}, ""},
	{"wrapped.txt", 5, -1, [][]string{
		{"序号", "指标", "基期值", "目标值"},
		{"^", "^", "2020年", "2025年"},
		{"1", "每万人口科普专职人员数（人）", "3.2", "4"},
		{"2", "科技馆年参观人次（万人次）", "80", "120"},
		{"3", "科普基地数量（个）", "25", "≥40"},
	}, ""},
}

// TestFlatTablesAsDocxAndPage reads tables of testdata/flat, which the
// text pastes one cell a line, as the tables they are — a w:tbl of a .docx
// and a <table> of a page — and asks for the text's readings. A table
// known to read apart (the extractor's rules, not the reader's: its cause
// given) is logged, not failed (docs/benchmarks.md, "Wave 17: formats").
func TestFlatTablesAsDocxAndPage(t *testing.T) {
	for _, c := range flatTables {
		data, before, after := c.parts(t)
		want := flatReadings(t, string(data))
		for _, f := range []struct{ name, file string }{{"w:tbl", "plan.docx"}, {"<table>", "plan.html"}} {
			var doc []byte
			if f.file == "plan.docx" {
				doc = docxWithTable(before, c.rows, after)
			} else {
				doc = pageWithTable(before, c.rows, after)
			}
			text, err := DocumentText(context.Background(), f.file, doc)
			if err != nil {
				t.Fatalf("%s as %s: %v", c.file, f.name, err)
			}
			switch got := flatReadings(t, text); {
			case got != want && c.apart == "":
				t.Errorf("%s as %s read\n%s\nthe text\n%s", c.file, f.name, got, want)
			case got != want:
				t.Logf("%s as %s reads apart (known: %s)", c.file, f.name, c.apart)
			case c.apart != "":
				t.Logf("%s as %s now reads as the text", c.file, f.name)
			}
		}
	}
}

// parts is the table's text file, and its lines before and after the table.
func (c flatAsTable) parts(t *testing.T) (data []byte, before, after []string) {
	data, err := os.ReadFile(filepath.Join("testdata", "flat", c.file))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	before = lines[:c.before]
	if c.after >= 0 {
		after = lines[c.after:]
	}
	return data, before, after
}

func flatReadings(t *testing.T, text string) string {
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, in := range doc.Indicators {
		out = append(out, flatReading(in))
	}
	return strings.Join(out, "\n")
}

// docxWithTable is a .docx of paragraphs, a w:tbl (a cell "^" continues
// the one above: w:vMerge), paragraphs.
func docxWithTable(before []string, rows [][]string, after []string) []byte {
	para := func(s string) string {
		return `<w:p><w:r><w:t xml:space="preserve">` + xmlText(s) + `</w:t></w:r></w:p>`
	}
	var b strings.Builder
	for _, l := range before {
		b.WriteString(para(l))
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single"/></w:tblBorders></w:tblPr>`)
	for i, row := range rows {
		b.WriteString("<w:tr>")
		for k, cell := range row {
			switch {
			case cell == "^":
				b.WriteString(`<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`)
			case i+1 < len(rows) && k < len(rows[i+1]) && rows[i+1][k] == "^":
				b.WriteString(`<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + para(cell) + `</w:tc>`)
			default:
				b.WriteString(`<w:tc>` + para(cell) + `</w:tc>`)
			}
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	for _, l := range after {
		b.WriteString(para(l))
	}
	return docxPackage(`<w:body>` + b.String() + `</w:body>`)
}

// pageWithTable is a page of paragraphs, a <table> (a cell "^" is covered
// by the one above: rowspan), paragraphs.
func pageWithTable(before []string, rows [][]string, after []string) []byte {
	var b strings.Builder
	b.WriteString("<html><head><meta charset=\"utf-8\"></head><body><div class=\"article\">\n")
	for _, l := range before {
		b.WriteString("<p>" + html.EscapeString(l) + "</p>\n")
	}
	b.WriteString("<table border=\"1\">\n")
	for i, row := range rows {
		b.WriteString("<tr>")
		for k, cell := range row {
			if cell == "^" {
				continue
			}
			span := 1
			for j := i + 1; j < len(rows) && k < len(rows[j]) && rows[j][k] == "^"; j++ {
				span++
			}
			if span > 1 {
				b.WriteString("<td rowspan=\"" + string(rune('0'+span)) + "\">")
			} else {
				b.WriteString("<td>")
			}
			b.WriteString("<p>" + html.EscapeString(cell) + "</p></td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
	for _, l := range after {
		b.WriteString("<p>" + html.EscapeString(l) + "</p>\n")
	}
	b.WriteString("</div></body></html>\n")
	return []byte(b.String())
}
