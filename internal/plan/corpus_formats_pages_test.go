package plan

import (
	"bytes"
	_ "embed"
	"html"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The pages TestFormatsCorpus makes of a text, as government sites and
// Word publish them.

// textLines are a text's lines, a CR at a line's end left out (a format of
// paragraphs holds no line ends).
func textLines(text string) []string {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// pageOfText is a government site's page of a text: a head (charset, title,
// style, script), the site's header and navigation and a breadcrumb before
// the article, its share bar and the site's footer after. br: the lines are
// apart by <br> inside one <div> (an editor's paste) instead of one <p> a
// line; a blank line is an empty paragraph (&nbsp;) or a second <br>.
// nbsp: runs of spaces are written as &nbsp; (pageLine).
func pageOfText(text string, br, nbsp bool) []byte {
	lines := textLines(text)
	title := ""
	for _, l := range lines {
		if title = strings.TrimSpace(l); title != "" {
			break
		}
	}
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="ArticleTitle" content="` + html.EscapeString(title) + `">
<title>` + html.EscapeString(title) + `_政策文件_某市人民政府门户网站</title>
<link rel="stylesheet" href="/css/style.css">
<style>.pages_content p{text-indent:2em;line-height:2}</style>
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; document.write("<div>统计</div>");</script>
</head>
<body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="某市人民政府"></div>
<div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zcwj/">政策文件</a></li>
<li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjms/">走进某市</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a></div>
<div class="article">
<div class="pages_content" id="UCAP-CONTENT">
`)
	if br {
		b.WriteString("<div>")
	}
	for i, l := range lines {
		switch {
		case br && i > 0:
			b.WriteString("<br>\n" + pageLine(l, nbsp))
		case br:
			b.WriteString(pageLine(l, nbsp))
		case strings.TrimSpace(l) == "":
			b.WriteString("<p>&nbsp;</p>\n")
		default:
			b.WriteString("<p>" + pageLine(l, nbsp) + "</p>\n")
		}
	}
	if br {
		b.WriteString("</div>\n")
	}
	b.WriteString(`</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer"><p>主办：某市人民政府办公室　承办：某市大数据中心</p><p>网站标识码：1234000001　<a href="#">京ICP备12345678号</a></p></div>
</body>
</html>
`)
	return []byte(b.String())
}

// pageLine escapes a line for a page: the characters of markup as
// entities; with nbsp, the spaces a browser would fold as &nbsp; where
// there are two or more (as an editor keeps an indent or a column).
func pageLine(s string, nbsp bool) string {
	s = html.EscapeString(strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' {
			return -1
		}
		return r
	}, s))
	if !nbsp || !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if r == ' ' && (i+1 < len(rs) && rs[i+1] == ' ' || i > 0 && rs[i-1] == ' ') {
			b.WriteString("&nbsp;")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pageOfTextAsWord is a page as Word's "save as web page" writes a text,
// the way many sites publish it: a paragraph a line (class MsoNormal), its
// text in spans cut where the script changes, an empty paragraph as
// <o:p>&nbsp;</o:p>, and the source wrapped at 76 characters — at a space
// where there is one, between two Chinese characters otherwise.
func pageOfTextAsWord(text string) []byte {
	var b strings.Builder
	b.WriteString(`<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=Generator content="Microsoft Word 15 (filtered)">
<style>p.MsoNormal {margin:0cm; text-align:justify; font-size:10.5pt; font-family:等线;}</style>
</head>
<body lang=ZH-CN style='text-justify-trim:punctuation'>
<div class=WordSection1>
`)
	for _, line := range textLines(text) {
		if strings.TrimSpace(line) == "" {
			b.WriteString("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n")
			continue
		}
		b.WriteString("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'>")
		for _, part := range scriptRuns(strings.ReplaceAll(line, "\t", " ")) {
			if cjk(part) {
				b.WriteString("<span style='font-size:16.0pt;font-family:仿宋_GB2312'>" + pageLine(part, true) + "</span>")
			} else {
				b.WriteString("<span lang=EN-US style='font-size:16.0pt;font-family:\"Times New Roman\",serif'>" + pageLine(part, true) + "</span>")
			}
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("</div>\n</body>\n</html>\n")
	return []byte(wrapSource(b.String(), 76))
}

// wrapSource breaks the lines of an HTML source longer than width runes,
// as Word writes it: at the last space before the width (the space becomes
// the line end), or between two Chinese characters of text. Not at a space
// between two Chinese characters (国 道, a PDF's spacing): a browser shows
// no space for a line end there, so the space is lost in any reader: the
// format's, not the reader's (docs/benchmarks.md, "Wave 17: formats").
func wrapSource(src string, width int) string {
	var out strings.Builder
	for _, line := range strings.Split(src, "\n") {
		rs := []rune(line)
		for len(rs) > width {
			cut, inTag := -1, false
			for i := 0; i < width; i++ {
				switch {
				case rs[i] == '<':
					inTag = true
				case rs[i] == '>':
					inTag = false
				case rs[i] == ' ' && i > 0 && (inTag || !cjkRune(rs[i-1]) || i+1 == len(rs) || !cjkRune(rs[i+1])):
					cut = i
				case !inTag && i > 0 && cjkRune(rs[i]) && cjkRune(rs[i-1]) && unicode.Is(unicode.Han, rs[i]):
					cut = i
				}
			}
			if cut <= 0 {
				break
			}
			out.WriteString(string(rs[:cut]) + "\n")
			if rs[cut] == ' ' {
				cut++
			}
			rs = rs[cut:]
		}
		out.WriteString(string(rs) + "\n")
	}
	return out.String()
}

// pageHead is the start of a page whose first kilobyte is all ASCII:
// scripts and styles before any meta of its charset. It is the generator's
// too (testdata/gen/formats.go: xinghe_gbk.html, xinghe_nocharset.html).
//
//go:embed testdata/legacy_head.html
var pageHead string

// pageLegacy is the page of a text (pageOfText, one <p> a line) with a head
// whose first kilobyte is ASCII, its charset declared after it as GBK
// (gbk: the page in GBK, a character GBK lacks as a character reference,
// as a site's editor saves it) or not at all (a page in UTF-8 that a
// browser recognises by its bytes).
func pageLegacy(text string, gbk bool) []byte {
	page := string(pageOfText(text, false, false))
	page = page[strings.Index(page, "<title>"):]
	if !gbk {
		return []byte(pageHead + page)
	}
	page = `<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />` + "\n" + page
	enc := simplifiedchinese.GBK.NewEncoder()
	var b bytes.Buffer
	b.WriteString(pageHead)
	for _, r := range page {
		if out, err := enc.String(string(r)); err == nil {
			b.WriteString(out)
		} else {
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		}
	}
	return b.Bytes()
}

// pageIndented is the page of a text (one <p> a line) with each line
// indented as a site's editor indents it: two &emsp; before its text.
func pageIndented(text string) []byte {
	var lines []string
	for _, l := range textLines(text) {
		if strings.TrimSpace(l) != "" {
			l = "\u2003\u2003" + l
		}
		lines = append(lines, l)
	}
	page := string(pageOfText(strings.Join(lines, "\n"), false, false))
	return []byte(strings.ReplaceAll(page, "\u2003", "&emsp;"))
}

// pageInLayoutTable is the page of a text (one <p> a line) as an older site
// lays it out in a table: the menu in a row of cells, the article in one
// cell of a row below, a cell of links beside it.
func pageInLayoutTable(text string) []byte {
	page := string(pageOfText(text, false, false))
	page = strings.Replace(page, `<div class="article">`, `<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td><a href="/">首页</a></td><td><a href="/zwgk/">政务公开</a></td><td><a href="/zcwj/">政策文件</a></td></tr>
<tr><td width="220" valign="top"><a href="/zcwj/szf/">市政府文件</a><br><a href="/zcwj/szfb/">市政府办公室文件</a></td>
<td colspan="2" valign="top" class="bt_content"><div class="article">`, 1)
	page = strings.Replace(page, `<div class="footer">`, `</td></tr></table>
<div class="footer">`, 1)
	return []byte(page)
}
