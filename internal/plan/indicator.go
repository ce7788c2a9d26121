package plan

import (
	"regexp"
	"strings"
)

// reMonthDeadline is a milestone of the work given to the month
// (2026年6月底前完成方案制定): no deadline of the paragraph's goals.
var reMonthDeadline = regexp.MustCompile(`20\d\d年\s*\d{1,2}月`)

// lineCtx is what a line's targets inherit from the document around it.
type lineCtx struct {
	section     []string
	planStart   *int
	spanEnded   *int           // a five-year span ending before this year has ended: the plan's start, or the year the document was written in if earlier (spanEndedBy)
	within      *int           // the first year "N年内" counts from (indicator_annual.go)
	annual      bool           // the plan of one year (a 政府工作报告, a 工作要点)
	deadline    *int           // the section's (or the plan's) deadline
	past        bool           // a section about the past (现状, 发展基础)
	preamble    bool           // before the first numbered section
	goalSection bool           // in a section whose title names the plan's goals (目标)
	names       map[string]int // small counts in Chinese numerals with the words after them, as often as the document says them (namedCounts)
	point       rune           // the unmapped glyph the document writes its decimal points with (pointGlyph), or 0
	quoting     bool           // an earlier sentence of the paragraph's cell quotes another document (quotingBefore)
	report      bool           // the document reports what was done: a 通报, a letter on how requests were handled (doneReport)
	forecast    bool           // a part about where things stand only as a forecast (forecastOnly): what the plan builds there is its own
	partsOf     bool           // the sentence opens with 其中 after one of the paragraph that asserted a target (opensParts)
	partsGuess  bool           // the sentence opens with 其中 after one that only forecast its total (预计约为…。其中，…; tune28)
	listItem    bool           // the sentence follows, after a ;, one that asserted a target (…增长5.5%左右；居民消费价格涨幅2%；…: an item of its list; tune30)
	goalsNamed  bool           // the sentence or an earlier one of the paragraph opened with a label of goals (总体目标：…)
	defining    bool           // an earlier sentence of the paragraph opened a glossary's definition (指…; opensDefinition)
	titles      string         // the titles of the open sections, outermost first (the learned model's features)
	learn       *learnDoc      // the learned second opinion, or nil (indicator_learn_read.go)
	register    bool           // a row of a register of projects with their years of building (indicator_register.go)
	tabRow      bool           // a row of a table whose cells were apart by tabs (a .docx, a web page): its tabs are ; (tabBreaks)
	noteFrom    int            // 1 + the offset in the document where a note (注：…, 备注：…) opens in the paragraph, or 0 (noteStart)
}

// has reports whether s holds one of words.
func has(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// indicators finds the targets of one paragraph. nr is its normalized text,
// or the original (same runes, so offsets carry over), pos the offset in
// the document of each rune. A deadline stated in one sentence carries to
// the paragraph's later sentences; it returns the deadline the paragraph
// opened with. r is where each sentence is read (reused: a document needs
// one).
func indicators(r *sentenceRead, nr, or []rune, pos []int, c *lineCtx) ([]Indicator, *int) {
	var out []Indicator
	dl, opened := c.deadline, (*int)(nil)
	if y := rowYear(nr, c.planStart, c.tabRow); y != nil {
		dl = y // (a project list's row: its 完成时限 cell dates what its other cells build)
	}
	ahead := false    // a sentence of the paragraph opened with a deadline
	asserted := false // the paragraph's last sentence asserted a target
	guessed := false  // the paragraph's last sentence only forecast (预计) what it read
	partsOn := false  // the last sentence gave parts (其中，…) and ended with ; (the next gives more)
	listOn := false   // the last sentence asserted a target and ended with ; (the next is an item of its list)
	var outline *int  // a sentence presented the five-year outline's goals (outlineDue): their deadline
	c.noteFrom = noteStart(nr, pos)
	start := 0
	for i := 0; i <= len(nr); i++ {
		if i < len(nr) && !strings.ContainsRune("。;!?！？", nr[i]) {
			continue
		}
		if i > start && i-start <= 2000 {
			// A deadline that opens a sentence (到2025年，…) governs it and the
			// paragraph's later sentences; one inside a sentence, its clause.
			sent := strings.TrimLeft(string(nr[start:i]), " ")
			label := goalLabel(sent)
			c.goalsNamed = c.goalsNamed || strings.Contains(label, "目标")
			sent = sent[len(label):] // (工作目标：到2027年，…: the deadline opens it)
			first := string([]rune(sent)[:clauseEnd([]rune(sent), 0)])
			if own := sentenceDeadline(first, c.within); own != nil && (has(sent[:min(len(sent), 12)], []string{"到", "至", "力争", "年底", "年前", "年内", "20", "今明", "未来"}) || has(sent[:min(len(sent), 21)], []string{"年时间", "年努力"}) ||
				len(first) <= 60 && reStageYears.MatchString(first)) {
				// A year before the plan (2025年，全市…达到…) dates the
				// paragraph's sentences to where things stood: it neither
				// opens goals nor becomes the section's deadline; nor does
				// a milestone of the work given to the month (2026年6月底前
				// 完成方案制定).
				future := c.planStart == nil || *own >= *c.planStart
				dl, ahead = own, *own >= 2000 && future
				if start == 0 && future && !reMonthDeadline.MatchString(sent[:min(len(sent), 40)]) {
					opened = own
				}
			} else if own := midDeadline(sent); own != nil {
				// a clause that is only a deadline, after the sentence's
				// opening words (按照…，通过…，到2027年，实现…), governs the
				// rest of it and the paragraph's later sentences; a year
				// before the plan (…，截至2024年底，…) dates them to where
				// things stood, as one opening the sentence does
				dl, ahead = own, c.planStart == nil || *own >= *c.planStart
			}
			// In the preamble, the sentences after one that opens with a
			// deadline (…制定本计划。到2027年，…；…；…) state goals.
			c.quoting = quotingBefore(nr, start)
			if own := outlineDue(sent, c); own != nil {
				outline = own // (the outline's goals: this sentence's and the paragraph's later ones)
			}
			sdl := dl
			if outline != nil {
				sdl = outline
			}
			if own := fiveYearDue(sent, c.planStart); own != nil {
				sdl = own // the five years' goals beside the year's (indicator_report.go)
				if spanLeads(sent) {
					dl = own // (“十四五”时期，实施…；新增…: the paragraph's later sentences too, as a deadline that opens one; tune34-P)
				}
			} else if own := spanOpens(sent, c.planStart, c.deadline); own != nil {
				sdl = own // (“十四五”期间，…年均增长15%: indicator_capability.go)
			}
			c.partsOf = (opensParts(sent) || partsOn) && asserted
			c.partsGuess = opensParts(sent) && guessed
			c.listItem = listOn
			got := sentence(r, nr[start:i], or[start:i], pos[start:i], sdl, c, ahead)
			c.defining = c.defining || opensDefinition(sent)
			asserted = false
			for k := range got {
				asserted = asserted || !got[k].Candidate
			}
			guessed = len(got) > 0 && !asserted && strings.Contains(sent, "预计")
			out = append(out, got...)
			partsOn = c.partsOf && i < len(nr) && nr[i] == ';' // (其中，A1座，…；B5座，…；…: the parts go on)
			listOn = asserted && i < len(nr) && nr[i] == ';'
		}
		start = i + 1
	}
	c.quoting, c.partsOf, c.defining, c.partsGuess, c.listItem, c.goalsNamed, c.noteFrom = false, false, false, false, false, false, 0
	return out, opened
}

// opensParts reports a sentence that opens with 其中 (…布局27个。其中，高速2个，
// 国道上6个…): the parts of the total the sentence before gave, governed by
// its verb when it asserted it.
func opensParts(sent string) bool {
	return strings.HasPrefix(strings.TrimLeft(sent, " *"), "其中")
}

// clauseEnd is the rune index where the clause holding i ends.
func clauseEnd(rs []rune, i int) int {
	for j := i; j < len(rs); j++ {
		if strings.ContainsRune(",，:;；", rs[j]) {
			return j
		}
	}
	return len(rs)
}

// clauseStart is the rune index where the clause holding i starts.
func clauseStart(rs []rune, i int) int {
	for j := i - 1; j >= 0; j-- {
		if strings.ContainsRune(",，:;；", rs[j]) {
			return j + 1
		}
	}
	return 0
}

// reYearCell is a table cell that is only a year (2025年, 2026年底, 2027年前).
var reYearCell = regexp.MustCompile(`^20\d\d\s*年\s*(?:底|前|年底前)?$`)

// reDueCell is a table cell that is only the time a task is due (2025年,
// 2026年底, 2027年前, 2026年6月, 2026年6月底前).
var reDueCell = regexp.MustCompile(`^20\d\d\s*年\s*(?:\d{1,2}\s*月\s*)?(?:底|末|前|底前|年底前|以前)?$`)

// rowYear is the year of a table row read as text — a Markdown row (a
// project list: 建设内容 | … | 2025年 | 投资估算 …) or one whose cells were
// apart by tabs (tabRow: a task list's 完成时限 2026年6月) — when exactly one
// of its cells is a year, not before the plan starts: the row's deadline.
// nil otherwise (no row, no year cell, or two: a start and an end).
func rowYear(nr []rune, planStart *int, tabRow bool) *int {
	i := 0
	for i < len(nr) && nr[i] == ' ' {
		i++
	}
	sep := ";"
	switch {
	case i < len(nr) && (nr[i] == '|' || nr[i] == ';'):
		sep = string(nr[i]) // (normalized, a row's | are ;)
	case !tabRow:
		return nil
	}
	var year *int
	for _, cell := range strings.Split(string(nr[i:]), sep) {
		x := strings.TrimSpace(strings.TrimRight(cell, "。"))
		if len(x) < 7 || len(x) > 24 || !reDueCell.MatchString(x) {
			continue
		}
		if year != nil {
			return nil
		}
		y := headerYear(x)
		year = &y
	}
	if year == nil || planStart != nil && *year < *planStart {
		return nil
	}
	return year
}

// goalLabel is the label a sentence of goals may open with, up to its colon
// (工作目标：, 主要目标:), or "": a few words naming goals or tasks, with no
// number and no punctuation of their own.
func goalLabel(sent string) string {
	k := strings.IndexAny(sent, "：:")
	if k <= 0 || k > 8*3 {
		return ""
	}
	label := sent[:k]
	if !strings.Contains(label, "目标") && !strings.Contains(label, "任务") || strings.ContainsAny(label, "0123456789，,。；;、") {
		return ""
	}
	if strings.HasPrefix(sent[k:], "：") {
		return sent[:k+len("：")]
	}
	return sent[:k+1]
}
