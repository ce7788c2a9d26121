package plan

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// reUnquotedNotice is a covering notice's line that names the plan it
// issues without 《》 (某区人民政府办公室关于 印发某区能源保障“十四五”规划的通知):
// the issuer before 关于, the title between 印发 and 的通知 (with the years
// in brackets after it: …规划（2023—2030年）).
var reUnquotedNotice = regexp.MustCompile(`^([^，。,:：]{0,40}?)\s*关于\s*印发\s*([^《》，。,]{4,60}?(?:规划|方案|纲要|计划|意见|要点|办法|措施)(?:[(（][0-9—–\-~年至]{4,14}[)）])?)\s*的通知$`)

// unquotedNotice is the title and issuer a covering notice names without
// 《》, from its own line (not a page's particulars, - 文件标题…).
func unquotedNotice(lines []string) (string, string) {
	for _, l := range lines {
		if metaItem(l) {
			continue
		}
		if m := reUnquotedNotice.FindStringSubmatch(strings.Trim(strings.TrimPrefix(strings.TrimSpace(l), "- "), "#* ")); m != nil {
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

// frontMatter is the number of lines a page's front matter takes at the
// top of a Markdown export (---, 标题: …, 类型: 规划与计划, …, ---): its
// fields are the page's particulars, no title line — but 标题 names the
// document (frontTitle). 0 when the text opens with none.
func frontMatter(lines []string) int {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return 0
	}
	for i := 1; i < len(lines) && i < 40; i++ {
		if strings.TrimSpace(lines[i]) == "---" {
			return i + 1
		}
	}
	return 0
}

// frontTitle is the document's name a front matter's field of its name
// gives (标题: 某区人民政府关于印发《…》的通知, 法规名称: …), or "" for any
// other field (类型: 规划与计划).
func frontTitle(l string) string {
	t := strings.TrimSpace(l)
	k := strings.IndexAny(t, ":：")
	if k <= 0 || !strings.HasSuffix(t[:k], "标题") && !strings.HasSuffix(t[:k], "名称") {
		return ""
	}
	_, size := utf8.DecodeRuneInString(t[k:])
	return strings.TrimSpace(t[k+size:])
}

// forwardedNotice is the title and issuer of a covering notice that
// forwards what another body drew up (某区人民政府办公室关于转发区建设管理委
// 制订的《某区城市更新2025年度实施计划》的通知): the document quoted last
// before 的通知, the issuer before 关于.
func forwardedNotice(l string) (string, string) {
	i := strings.Index(l, "关于转发")
	if i < 0 {
		return "", ""
	}
	rest := l[i+len("关于转发"):]
	j := strings.LastIndex(rest, "》的通知")
	if j < 0 {
		return "", ""
	}
	a := strings.LastIndex(rest[:j], "《")
	if a < 0 || strings.Contains(rest[a+len("《"):j], "》") {
		return "", ""
	}
	return rest[a+len("《") : j], strings.TrimSpace(l[:i])
}

// namesFiveYearPlan reports a title that names a five-year plan (某区消防
// 事业发展“十五五”规划): its years are that plan's unless its opening lines
// state others of its own.
func namesFiveYearPlan(title string) bool {
	for _, fyp := range fiveYearPlans {
		if strings.Contains(title, fyp.name) {
			return true
		}
	}
	return false
}

// dropQuoted is l without the names of the documents it quotes (《…》):
// the years in another document's name are not the plan's.
func dropQuoted(l string) string {
	if !strings.Contains(l, "《") {
		return l
	}
	var b strings.Builder
	depth := 0
	for _, r := range l {
		switch {
		case r == '《':
			depth++
		case r == '》' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// reMarkdownLink is a link of a page saved as Markdown: [text](url "title"),
// an image's ![](url) too.
var reMarkdownLink = regexp.MustCompile(`!?\[[^\]]*\]\([^)]*\)`)

// navLink reports a line that is nothing but a page's links (a menu's
// item, - [区发展改革委](http://…)): list marks and punctuation besides.
func navLink(l string) bool {
	if !strings.Contains(l, "](") {
		return false
	}
	rest := reMarkdownLink.ReplaceAllString(l, "")
	return strings.Trim(rest, " \t-*+|·•>、，,.0123456789") == ""
}

// withoutNavLinks is lines without those that are only a page's links: a
// web page's menus, which may run to many lines before its title, never
// hold the title (区规划和自然资源局 names no plan). lines itself when
// none is.
func withoutNavLinks(lines []string) []string {
	k := 0
	for k < len(lines) && !navLink(lines[k]) {
		k++
	}
	if k == len(lines) {
		return lines
	}
	out := append([]string(nil), lines[:k]...)
	for _, l := range lines[k:] {
		if !navLink(l) {
			out = append(out, l)
		}
	}
	return out
}

// pageIssuer is an issuer without the marks a page's line put before it:
// a heading's #, a list's -, a particulars' row or label (| 标题 : |
// 重庆市人民政府, **\[标  题\]** 某区人民政府办公室, 标题: 某区人民政府).
func pageIssuer(s string) string {
	if k := strings.LastIndexAny(s, "|]"); k >= 0 {
		s = s[k+1:] // (**\[标  题\]** 某区人民政府办公室)
	}
	s = strings.TrimSpace(strings.TrimLeft(s, "#*-|:： "))
	if particularsRow(s) {
		s = strings.TrimSpace(s[strings.IndexAny(s, ":："):]) // (标题: 某区人民政府办公室, a row of a page's table of particulars)
		s = strings.TrimSpace(strings.TrimLeft(s, ":："))
	}
	return s
}

// particularsRow reports a line that is a row of a page's table of the
// document's particulars as the extractor's lines hold it (发文字号: 某府办
// 〔2024〕12号 发布日期: 2024年05月16日; 索 引 号: …): it opens with one of
// metaLabels (or 标题), letter-spaced or not, and a colon. Such a row names the
// document — its number, its dates — and is no line of the plan's own: a
// year the text states comes first (ownYearFirst).
func particularsRow(l string) bool {
	t := strings.TrimSpace(l)
	k := strings.IndexAny(t, ":：")
	if k <= 0 || k > 40 {
		return false
	}
	label := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\u00a0' {
			return -1
		}
		return r
	}, t[:k])
	return slices.Contains(metaLabels, label) || label == "标题"
}

// ownYearFirst is the year year finds on a line of the text's own among
// lines, else on a row of a page's particulars (particularsRow): a page's
// particulars name the document, and a year the text states comes first.
func ownYearFirst(lines []string, year func(l string) *int) *int {
	for _, particulars := range []bool{false, true} {
		for _, l := range lines {
			if particularsRow(l) != particulars {
				continue
			}
			if y := year(l); y != nil {
				return y
			}
		}
	}
	return nil
}

// rePostedLine is the line a page prints under a document's title: the
// date it was posted and its source (2024-05-16 16:30　来源：某市人民政府办公室).
var rePostedLine = regexp.MustCompile(`^20\d\d-\d\d?-\d\d?(?:\s+\d\d?:\d\d(?::\d\d)?)?\s+(?:来源|信息来源|发布机构|作者)\s*[:：]`)

// pageParticular reports a row of a page's particulars or the line of its
// posting's date and source: the page's, no line of the text's own.
func pageParticular(l string) bool {
	return particularsRow(l) || rePostedLine.MatchString(strings.TrimSpace(l))
}

// openingLines are the first n lines of a text not counting the rows of a
// page's particulars (particularsRow) and the line of its posting's date
// and source (rePostedLine): the page's, which put the text's own opening
// lines further down.
func openingLines(lines []string, n int) []string {
	k := 0
	for i, l := range lines {
		if k == n {
			return lines[:i]
		}
		if !pageParticular(l) {
			k++
		}
	}
	return lines
}

// noticeTitleRest is the rest of a covering notice's quoted title that a
// page's layout broke over the lines after line k (关于印发《贵州省“十四五”\n
// 建设科技…发展规划》的通知, a PDF's lines, blank lines between them): the
// next lines with text, up to the one that closes 《, or "" when l closes
// it or no line within three does.
func noticeTitleRest(lines []string, k int, l string) string {
	if strings.Contains(l[strings.Index(l, "关于印发《"):], "》") {
		return ""
	}
	rest := ""
	for n, j := 0, k+1; n < 3 && j < len(lines); j++ {
		t := strings.TrimSpace(lines[j])
		if t == "" {
			continue
		}
		if strings.ContainsAny(t, "《。，,") || utf8.RuneCountInString(rest+t) > 60 {
			return ""
		}
		rest += t
		if strings.Contains(t, "》") {
			return rest
		}
		n++
	}
	return ""
}
