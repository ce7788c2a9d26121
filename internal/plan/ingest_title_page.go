package plan

import (
	"regexp"
	"strconv"
	"strings"
)

// reUnquotedNotice is a covering notice's line that names the plan it
// issues without 《》 (某区人民政府办公室关于 印发某区能源保障“十四五”规划的通知):
// the issuer before 关于, the title between 印发 and 的通知.
var reUnquotedNotice = regexp.MustCompile(`^([^，。,:：]{0,40}?)\s*关于\s*印发\s*([^《》，。,]{4,60}?(?:规划|方案|纲要|计划|意见|要点|办法|措施))\s*的通知$`)

// unquotedNotice is the title and issuer a covering notice names without
// 《》, from its own line (not a page's particulars, - 文件标题…).
func unquotedNotice(lines []string) (string, string) {
	for _, l := range lines {
		if metaItem(l) {
			continue
		}
		if m := reUnquotedNotice.FindStringSubmatch(strings.Trim(l, "#* ")); m != nil {
			return m[2], strings.TrimSpace(m[1])
		}
	}
	return "", ""
}

// metaLabels open the rows of a web page's list of a document's
// particulars (- 索引号/2022-08825, - 主题分类国民经济发展规划、计划).
var metaLabels = []string{"索引号", "发文字号", "主题分类", "体裁分类", "成文日期", "发布日期", "文件标题", "发布机构", "有效性", "主题词", "公文种类", "发文机关", "组配分类"}

// metaItem reports a row of such a list: no title, though it names 规划.
func metaItem(l string) bool {
	t, ok := strings.CutPrefix(strings.TrimSpace(l), "- ")
	if !ok {
		t, ok = strings.CutPrefix(strings.TrimSpace(l), "* ")
	}
	return ok && has(t[:min(len(t), 16)], metaLabels)
}

// rePageChrome is what a web page prints after a document's title on its
// heading line: the date it was posted, its source, the font-size links
// (## 关于…的报告  2025-01-23  来源：市发展改革委    字号：[大]…).
var rePageChrome = regexp.MustCompile(`\s{2,}(?:20\d\d-\d\d?-\d\d?|来源\s*[:：]|发布时间|字号)`)

// pageHeading is a Markdown heading line without its marks and the page's
// chrome after the title; any other line as it is.
func pageHeading(l string) string {
	if !strings.HasPrefix(l, "#") {
		return l
	}
	if loc := rePageChrome.FindStringIndex(l); loc != nil {
		l = l[:loc[0]]
	}
	return strings.TrimSpace(strings.TrimLeft(l, "#"))
}

// titleDeadline is the year a title sets its goals before (2030年前碳达峰
// 行动方案, …2025年以前…方案): the plan's end, not a plan of that one year.
func titleDeadline(title string, m []string) (int, bool) {
	if m[1] == "" {
		return 0, false
	}
	i := strings.Index(title, m[1]+"年")
	if i < 0 {
		return 0, false
	}
	rest := title[i+len(m[1]+"年"):]
	if !strings.HasPrefix(rest, "前") && !strings.HasPrefix(rest, "以前") {
		return 0, false
	}
	y, _ := strconv.Atoi(m[1])
	return y, true
}
