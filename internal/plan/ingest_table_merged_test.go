package plan

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// A table whose category and 属性 cells are merged down: the rows below
// keep the columns of those cells (an empty cell, at a row's start or its
// end), so that their targets read the right columns, and take the
// category and constraint of the merged cell.
func TestMergedCellsKeepColumns(t *testing.T) {
	page := `<html><body><h1>某市科协“十五五”人才发展规划（2026—2030年）</h1><p>一、主要目标</p><p>到2030年，全市科技人才队伍规模持续扩大，结构更加优化，创新活力竞相迸发。主要指标如下：</p><table>
<tr><th>类别</th><th>指标</th><th>2025年</th><th>2030年</th><th>属性</th></tr>
<tr><td rowspan="2">人才队伍</td><td>科技志愿者（万人）</td><td>1.2</td><td>2</td><td rowspan="2">预期性</td></tr>
<tr><td>青年科技人才（名）</td><td>300</td><td>500</td></tr>
</table></body></html>`
	html, err := HTMLText([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	row := func(cells ...string) string {
		var b strings.Builder
		for k, c := range cells {
			if k > 0 {
				b.WriteString(`</w:tc>`)
			}
			b.WriteString(`<w:tc>`)
			switch c {
			case "^":
				b.WriteString(`<w:tcPr><w:vMerge/></w:tcPr><w:p/>`)
			default:
				b.WriteString(`<w:p><w:r><w:t>` + c + `</w:t></w:r></w:p>`)
			}
		}
		return `<w:tr>` + b.String() + `</w:tc></w:tr>`
	}
	body := `<w:p><w:r><w:t>某市科协“十五五”人才发展规划（2026—2030年）</w:t></w:r></w:p><w:p><w:r><w:t>一、主要目标</w:t></w:r></w:p><w:tbl>` +
		row("类别", "指标", "2025年", "2030年", "属性") + row("人才队伍", "科技志愿者（万人）", "1.2", "2", "预期性") +
		row("^", "青年科技人才（名）", "300", "500", "^") + `</w:tbl>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	zw.Close()
	docxText, err := DocxText(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"html": html, "docx": docxText} {
		for _, l := range strings.Split(text, "\n") {
			if cs := strings.Split(l, "\t"); strings.Contains(l, "青年科技人才") &&
				(len(cs) != 5 || strings.TrimSpace(cs[0]) != "" || strings.TrimSpace(cs[4]) != "") {
				t.Errorf("%s: the merged row lost its columns: %q", name, l)
			}
		}
		doc, err := Ingest(strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ind := range doc.Indicators {
			base := "-"
			if ind.Baseline != nil {
				base = fmt.Sprintf("%g", ind.Baseline.Value)
			}
			got = append(got, fmt.Sprintf("%s %g%s base %s %s %s", ind.Metric, *ind.Value, ind.Unit, base, ind.Constraint, ind.Category))
		}
		want := "科技志愿者 2万人 base 1.2 预期性 人才队伍|青年科技人才 500名 base 300 预期性 人才队伍"
		if strings.Join(got, "|") != want {
			t.Errorf("%s: read\n%s\nwant\n%s", name, strings.Join(got, "|"), want)
		}
	}
}
