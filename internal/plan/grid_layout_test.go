package plan

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The grid's layout: its cells as plan documents (grid_compose_test.go
// composes them).

// gridLeads open a clause after a comma or title an item.
var gridLeads = []string{"加强科普阵地建设", "完善科技人才培养体系", "提升学会服务能力", "深化科技志愿服务", "推动科技创新平台建设"}

// gridDocs lays the cells out as plan documents of size cells each,
// setting each cell's span.
func gridDocs(cells []gridCell, size int) []string {
	var docs []string
	for from := 0; from < len(cells); from += size {
		to := min(from+size, len(cells))
		var b strings.Builder
		n := 0
		write := func(s string) { b.WriteString(s); n += utf8.RuneCountInString(s) }
		write("某市科学技术协会科普能力提升行动方案（2026—2028年）\n\n一、总体要求\n坚持需求导向，统筹推进全市科普工作。\n\n二、主要任务\n")
		item, num := 0, 0
		var table, years []*gridCell
		for i := range cells[from:to] {
			c := &cells[from+i]
			lead := gridPick(gridLeads, from+i)
			switch c.factors["position"] {
			case "sentence start":
				c.start = n
				write(c.clause + "。\n")
			case "after a comma":
				write(lead + "，")
				c.start = n
				write(c.clause + "。\n")
			case "（一） item":
				item++
				num = 0
				write("（" + gridCN(item) + "）" + lead + "。")
				c.start = n
				write(c.clause + "。\n")
			case "1. item":
				num++
				write(strconv.Itoa(num) + ".")
				c.start = n
				write(c.clause + "；\n")
			case "table cell":
				table = append(table, c)
				continue
			case "year table cell":
				years = append(years, c)
				continue
			}
			c.end = n
		}
		write("\n三、保障措施\n加强组织领导，落实工作责任。\n\n附表 重点任务清单\n| 序号 | 重点任务 | 责任单位 |\n| --- | --- | --- |\n")
		for i, c := range table {
			write("| " + strconv.Itoa(i+1) + " | ")
			c.start = n
			write(c.clause)
			c.end = n
			write(" | 市科协 |\n")
		}
		// a table of tasks by year: each row two cells, due 2026 and 2027
		write("\n附表2 年度任务\n| 序号 | 任务 | 2026年目标 | 2027年目标 | 牵头单位 |\n| --- | --- | --- | --- | --- |\n")
		for i := 0; i < len(years); i += 2 {
			write("| " + strconv.Itoa(i/2+1) + " | " + gridPick(gridLeads, i) + " | ")
			for k, c := range years[i:min(i+2, len(years))] {
				if k > 0 {
					write(" | ")
				}
				c.start = n
				write(c.clause)
				c.end = n
				for j := range c.qtys {
					c.qtys[j].year = 2026 + k
				}
			}
			if i+1 == len(years) {
				write(" | ")
			}
			write(" | 市科协 |\n")
		}
		docs = append(docs, b.String())
	}
	return docs
}

// gridCN writes 1–99 in Chinese numerals, as items are numbered.
func gridCN(n int) string {
	ds := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return ds[n]
	case n < 20:
		return "十" + ds[n%10]
	}
	return ds[n/10] + "十" + ds[n%10]
}
