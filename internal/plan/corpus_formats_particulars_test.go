package plan

import (
	"html"
	"regexp"
	"strconv"
	"strings"
)

// reTextYear is a year a text writes (2025年, 2025—2027年).
var reTextYear = regexp.MustCompile(`(20[0-9]{2})\s*[年—–\-－~～至]`)

// textYear is the year a text's title or opening lines name first, the
// year it is taken to be of; 2025 when they name none.
func textYear(text string) int {
	lines := textLines(text)
	for _, l := range lines[:min(len(lines), 12)] {
		if m := reTextYear.FindStringSubmatch(l); m != nil {
			y, _ := strconv.Atoi(m[1])
			return y
		}
	}
	return 2025
}

// pageWithParticulars is the page of a text (pageOfText, one <p> a line) as
// a government library publishes a document: above the text a table of its
// particulars (索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期),
// dated a year before the text's own year as such tables often are, its
// title again and a line of the date and source; below it 相关链接 (a
// heading and two links) and 上一篇/下一篇.
func pageWithParticulars(text string) []byte {
	title := particularsTitle(textLines(text))
	y := strconv.Itoa(textYear(text) - 1)
	t := html.EscapeString(title)
	particulars := `<div class="xxgk_table"><table class="bd1" width="100%" border="0" cellspacing="1" cellpadding="0">
<tbody>
<tr><td class="t1">索<span style="padding-left:2em"></span>引<span style="padding-left:2em"></span>号：</td><td class="t2">11440300MB2C92050R/` + y + `-00213</td><td class="t1">主题分类：</td><td class="t2">综合政务\其他</td></tr>
<tr><td class="t1">发文机关：</td><td class="t2">某市人民政府办公室</td><td class="t1">成文日期：</td><td class="t2">` + y + `年05月10日</td></tr>
<tr><td class="t1">标<span style="padding-left:4em"></span>题：</td><td colspan="3" class="t2">` + t + `</td></tr>
<tr><td class="t1">发文字号：</td><td class="t2">某府办〔` + y + `〕12号</td><td class="t1">发布日期：</td><td class="t2">` + y + `年05月16日</td></tr>
</tbody>
</table></div>
<h1 class="article-title">` + t + `</h1>
<div class="article-info">` + y + `-05-16 16:30　来源：某市人民政府办公室</div>
`
	related := `<div class="related"><h3>相关链接</h3>
<ul><li><a href="/zcjd/1.html">图解：` + t + `</a></li><li><a href="/zcjd/2.html">一图读懂` + t + `</a></li></ul></div>
<div class="turn-page"><p>上一篇：<a href="/zcwj/0.html">某市人民政府办公室关于做好` + y + `年防汛工作的通知</a></p>
<p>下一篇：<a href="/zcwj/2.html">某市人民政府关于调整部分行政许可事项的决定</a></p></div>
`
	page := string(pageOfText(text, false, false))
	page = strings.Replace(page, `<div class="pages_content" id="UCAP-CONTENT">`, particulars+`<div class="pages_content" id="UCAP-CONTENT">`, 1)
	page = strings.Replace(page, `<div class="share">`, related+`<div class="share">`, 1)
	return []byte(page)
}

// particularsTitle is the name a page's particulars give a text: its front
// matter's 标题 where it has one, else its first line, without Markdown's
// marks (a site's table holds the name, not the text's markup).
func particularsTitle(lines []string) string {
	fm := frontMatter(lines)
	for _, l := range lines[:fm] {
		if t := frontTitle(l); t != "" {
			return t
		}
	}
	for _, l := range lines[fm:] {
		if t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "#*")); t != "" {
			return t
		}
	}
	return ""
}
