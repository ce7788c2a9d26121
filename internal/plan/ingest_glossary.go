package plan

import (
	"regexp"
	"strings"
)

// reGlossaryTitle is the title of a plan's glossary (《纲要》有关名词解释,
// 附件：名词解释, 二、有关名词解释, 名 词 解 释 letter-spaced), its spaces out.
var reGlossaryTitle = regexp.MustCompile(`^(?:附件|附录|附)?[0-9一二三四五六七八九十、.．:：\s]*[^。，；;,]{0,16}(?:名词解释|名词注释|名词释义|词语解释|用语解释)$`)

// reGlossaryItem opens a glossary's first entry: its number (1., 1．, 1、).
var reGlossaryItem = regexp.MustCompile(`^(?:1\s*[.．、]|（一）|\(一\))`)

// glossary proposes, never asserts, what is read in a plan's glossary —
// the part after a title of 名词解释 whose first entry follows it (a table
// of contents names it with no entry after), up to the next annex or table
// (附件, 附表, 附录) or the text's end: it says what the plan's names stand
// for (“107”工程：…组织10个学科教研组…), restating what the plan sets, and
// commits to nothing of its own.
func (d *docRead) glossary(text string) {
	ls := flatLines(text)
	for i := 0; i < len(ls); i++ {
		t := strings.Join(strings.Fields(normalize(ls[i].text)), "")
		if len([]rune(t)) > 30 || !reGlossaryTitle.MatchString(t) {
			continue
		}
		j := i + 1
		for j < len(ls) && (ls[j].text == "" || isInt(ls[j].text) || glossaryTitleLine(ls[j].text)) {
			j++ // (a page's number, 附件, the title again letter-spaced)
		}
		if j >= len(ls) || !reGlossaryItem.MatchString(normalize(ls[j].text)) {
			continue
		}
		end := len([]rune(text))
		for k := j + 1; k < len(ls); k++ {
			if x := normalize(ls[k].text); strings.HasPrefix(x, "附件") || strings.HasPrefix(x, "附表") || strings.HasPrefix(x, "附录") {
				end = ls[k].at
				break
			}
		}
		for k, ind := range d.doc.Indicators {
			if ind.Start >= ls[j].at && ind.Start < end {
				d.doc.Indicators[k].Candidate = true
			}
		}
		i = j
	}
}

// glossaryTitleLine reports a line between a glossary's title and its
// first entry that is the title again or an annex's label (附件, 附件1).
func glossaryTitleLine(t string) bool {
	x := strings.Join(strings.Fields(normalize(t)), "")
	return reGlossaryTitle.MatchString(x) || strings.HasPrefix(x, "附件") && len([]rune(x)) <= 4
}
