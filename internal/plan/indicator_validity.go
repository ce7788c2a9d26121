package plan

import (
	"regexp"
	"strconv"
	"strings"
)

// The term of validity of a measure without a period of its own: the year
// its targets are due by, from the sentence that says how long the text
// stays in force (validityEnd), and the year of the document's number
// (docNumberYear) that dates its issue when no line does.

var (
	// a date the text takes effect from (自2025年7月10日起施行)
	reEffectiveFrom = regexp.MustCompile(`(20\d\d)年(\d{1,2})月(\d{1,2})日起`)
	// the years the text stays in force (有效期3年, 有效期至2027年12月31日)
	reValidFor = regexp.MustCompile(`有效期(?:为)?([1-9一二两三四五六七八九十])年|有效期(?:至|到)(20\d\d)年`)
	// a document's number (豫政〔2025〕17号): the year it was issued
	reDocNumber = regexp.MustCompile(`[〔\[]\s*(20\d\d)\s*[〕\]]\s*\d{1,4}\s*号`) // (〔 2025〕 14 号: a PDF's spaces)
)

// validityEnd is the last year a measure without a period of its own stays
// in force, from the sentence that says so of the text itself (本政策自2025
// 年7月10日起施行，有效期3年 → 2028; 本措施自印发之日起实施，有效期至2027年
// 12月31日 → 2027; a term from 1 January ends the year before: 2026年1月1日
// 起执行，有效期3年 → 2028): its targets are due by then. A validity of a
// part of the text (本计划中涉及的奖补措施有效期至…) or of something it
// governs (登记结果有效期为三年) is none. nil when the text says none.
func validityEnd(lines []string) *int {
	for i, l := range lines {
		if !strings.Contains(l, "有效期") {
			continue
		}
		head, sent := validitySentence(l)
		if !strings.HasPrefix(head, "本") && !strings.HasPrefix(head, "以上") && i > 0 {
			head, sent = validitySentence(lines[i-1] + l) // a sentence broken over two lines
		}
		if !(strings.HasPrefix(head, "本") || strings.HasPrefix(head, "以上")) || strings.Contains(head, "的") {
			continue
		}
		m := reValidFor.FindStringSubmatch(sent)
		if m == nil {
			continue
		}
		if m[2] != "" {
			y, _ := strconv.Atoi(m[2])
			return &y
		}
		n, _ := number(m[1])
		var y int
		if f := reEffectiveFrom.FindStringSubmatch(head); f != nil {
			y, _ = strconv.Atoi(f[1])
			if f[2] == "1" && f[3] == "1" {
				y-- // from 1 January: N whole years
			}
		} else if strings.Contains(head, "之日起") {
			issued := issueYear(lines)
			if issued == nil {
				issued = docNumberYear(lines)
			}
			if issued == nil {
				continue
			}
			y = *issued
		} else {
			continue
		}
		y += int(n)
		return &y
	}
	return nil
}

// validitySentence is the sentence of s that holds the last 有效期 (spaces
// taken out), and its words before 有效期.
func validitySentence(s string) (head, sent string) {
	k := strings.LastIndex(s, "有效期")
	start := 0
	if j := strings.LastIndex(s[:k], "。"); j >= 0 {
		start = j + len("。")
	}
	sent = s[start:]
	if j := strings.Index(sent[k-start:], "。"); j >= 0 {
		sent = sent[:k-start+j]
	}
	if _, _, rest, ok := heading(strings.TrimSpace(sent)); ok {
		sent = rest // (二)本方案…, 第二十一条 本细则…: an item's number before the sentence
	}
	sent = strings.ReplaceAll(sent, " ", "")
	return sent[:strings.Index(sent, "有效期")], sent
}

// docNumberYear is the year of the document's number among its first
// lines (〔2025〕17号), or nil.
func docNumberYear(lines []string) *int { return numberYear(lines, nil) }

// numberYear is the year of the first document number (〔2025〕17号) among
// a text's first 80 lines on a line keep accepts (any when keep is nil),
// the text's own lines before a page's particulars (ownYearFirst); nil if
// none.
func numberYear(lines []string, keep func(l string) bool) *int {
	return ownYearFirst(lines[:min(len(lines), 80)], func(l string) *int { // (a page's particulars after the text's own: ingest_title_page.go)
		if !strings.Contains(l, "号") || keep != nil && !keep(l) {
			return nil
		}
		if m := reDocNumber.FindStringSubmatch(l); m != nil {
			y, _ := strconv.Atoi(m[1])
			return &y
		}
		return nil
	})
}
