package plan

import (
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
	docxText, err := DocxText(docxOfBody(body))
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

// A header of two rows whose second row is years under 基期值 and a 目标值
// spanning two columns, its other cells merged down: in a tab-separated
// copy and on a web page (rowspan, colspan) each year names its column.
func TestGridHeaderYearsUnder(t *testing.T) {
	const intro = "某市科普事业发展规划（2026—2030年）\n二、主要指标\n到2030年，全市科普公共服务能力明显增强，公民科学素质水平稳步提升。主要指标如下：\n"
	tabs := intro + "指标\t单位\t基期值\t目标值\t\t属性\n\t\t2025年\t2027年\t2030年\t\n" +
		"科普场馆展教面积\t万平方米\t6.2\t6.8\t7.5\t预期性\n注册科技志愿者人数\t万人\t1.6\t2\t2.5\t预期性\n三、重点任务\n"
	page := `<html><body><p>某市科普事业发展规划（2026—2030年）</p><p>二、主要指标</p><p>到2030年，全市科普公共服务能力明显增强，公民科学素质水平稳步提升。主要指标如下：</p><table>
<tr><th rowspan="2">指标</th><th rowspan="2">单位</th><th>基期值</th><th colspan="2">目标值</th><th rowspan="2">属性</th></tr>
<tr><th>2025年</th><th>2027年</th><th>2030年</th></tr>
<tr><td>科普场馆展教面积</td><td>万平方米</td><td>6.2</td><td>6.8</td><td>7.5</td><td>预期性</td></tr>
<tr><td>注册科技志愿者人数</td><td>万人</td><td>1.6</td><td>2</td><td>2.5</td><td>预期性</td></tr>
</table><p>三、重点任务</p></body></html>`
	html, err := HTMLText([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"tabs": tabs, "html": html} {
		doc, err := Ingest(strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ind := range doc.Indicators {
			base, year := "-", 0
			if ind.Baseline != nil {
				base = fmt.Sprintf("%g/%d", ind.Baseline.Value, ind.Baseline.Year)
			}
			if ind.DeadlineYear != nil {
				year = *ind.DeadlineYear
			}
			got = append(got, fmt.Sprintf("%s %g%s by %d base %s %s", ind.Metric, *ind.Value, ind.Unit, year, base, ind.Constraint))
		}
		want := "科普场馆展教面积 6.8万平方米 by 2027 base 6.2/2025 预期性|科普场馆展教面积 7.5万平方米 by 2030 base 6.2/2025 预期性|" +
			"注册科技志愿者人数 2万人 by 2027 base 1.6/2025 预期性|注册科技志愿者人数 2.5万人 by 2030 base 1.6/2025 预期性"
		if strings.Join(got, "|") != want {
			t.Errorf("%s: read\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.ReplaceAll(want, "|", "\n"))
		}
	}
}
