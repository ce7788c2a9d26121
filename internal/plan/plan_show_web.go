package plan

import (
	"math"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"kexie/internal/measure"
)

// ShowPage is the data of a plan's page: its sections in order, each with
// the indicators and units read from it.
type ShowPage struct {
	Plan        Plan
	Rows        []SectionRow
	CanEdit     bool // a draft the viewer may correct
	CanManage   bool // the viewer may link units and evaluate
	Comparators []string
	Source      []Segment   // the document's text, targets marked
	Candidates  []Candidate // on a draft: quantities the reading was unsure of, most likely first
	// On a draft: the targets as read whose learned score is low (marked
	// 请核对), how many, and whether only they are listed (?unsure=1).
	Unsure     map[int64]bool
	OnlyUnsure bool
	OCR        *OCRNotice // on a draft: the text looks OCR'd, its numbers may be misread (D194)
}

// Segment is a run of the source text; Mark is set on a target's phrase.
type Segment struct {
	Text      string
	Mark      bool
	Candidate bool   // the phrase of a candidate, not of a target
	OCR       string // the anchor of a number that looks misread by OCR (anchorOCR), or ""
}

// markTargets splits text into runs with every target phrase marked (the
// first occurrence after the previous one, in document order).
func markTargets(text string, inds []StoredIndicator) []Segment {
	var out []Segment
	pos := 0
	for _, ind := range inds {
		if ind.Text == "" {
			continue
		}
		i := strings.Index(text[pos:], ind.Text)
		if i < 0 {
			continue
		}
		if i > 0 {
			out = append(out, Segment{Text: text[pos : pos+i]})
		}
		out = append(out, Segment{Text: ind.Text, Mark: true})
		pos += i + len(ind.Text)
	}
	return append(out, Segment{Text: text[pos:]})
}

// SectionRow is a section with what belongs to it.
type SectionRow struct {
	StoredSection
	Indicators []StoredIndicator
	Lead       []string
	Cooperate  []string
	Unsure     int // how many targets in it and the sections under it are marked 请核对
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	p, err := h.store.Get(r.Context(), id)
	if err != nil {
		return err
	}
	manage := h.can(r, "plan.edit", p.OrgID, p.OrgPath)
	page := ShowPage{Plan: p, Comparators: comparators, CanEdit: p.Status == "draft" && manage, CanManage: manage && p.Status != "closed"}
	if _, _, text, err := h.store.Source(r.Context(), id); err == nil && text != "" {
		page.Source = markTargets(text, p.Indicators)
		if page.CanEdit {
			rv := reviewOf(text, p)
			page.Source = markCandidates(page.Source, rv.Candidates)
			page.Candidates, page.Unsure = byLikelihood(rv.Candidates), rv.Unsure
			page.OnlyUnsure = r.URL.Query().Get("unsure") == "1"
			page.OCR = ocrNotice(text)
			page.Source = anchorOCR(page.Source, page.OCR)
		}
	}
	at := map[string]int{}
	for _, s := range p.Sections {
		at[s.Path] = len(page.Rows)
		page.Rows = append(page.Rows, SectionRow{StoredSection: s})
	}
	for _, ind := range p.Indicators {
		if i, ok := at[ind.SectionPath]; ok {
			page.Rows[i].Indicators = append(page.Rows[i].Indicators, ind)
		}
		if page.Unsure[ind.ID] { // the section and those above it, so the filtered list keeps its headings
			parts := strings.Split(ind.SectionPath, "/")
			for n := range parts {
				if i, ok := at[strings.Join(parts[:n+1], "/")]; ok {
					page.Rows[i].Unsure++
				}
			}
		}
	}
	for _, u := range p.Units {
		if i, ok := at[u.SectionPath]; ok {
			if u.Role == "lead" {
				page.Rows[i].Lead = append(page.Rows[i].Lead, u.Name)
			} else {
				page.Rows[i].Cooperate = append(page.Rows[i].Cooperate, u.Name)
			}
		}
	}
	return h.site.Render(w, r, "plan/show.html", "plan.title.show", page)
}

// NameApart is the indicator's name where its words in the document do
// not hold it: a table row whose name wrapped onto the lines around it in
// a PDF (3  %  28  ≥35  约束性), the value of a pair (2.6% under
// 全社会研发经费投入强度：), a place's row for one of its columns (东城区·受众)
// — so that the reviewer reads what it measures: the words lack half its
// name, or two of its characters.
func (i StoredIndicator) NameApart() string {
	han, in := 0, 0
	for _, r := range i.Metric {
		if unicode.Is(unicode.Han, r) {
			han++
			if strings.ContainsRune(i.Text, r) {
				in++
			}
		}
	}
	if han == 0 || 2*in >= han && han-in < 2 {
		return "" // the words hold it, but for a character (市政府每年召开1次…联席会议 for 市政府召开…联席会议)
	}
	return i.Metric // (also a place's row for one of its columns: 1 东城区 150 12 for 东城区·受众)
}

// Target formats an indicator's target for the page ("≥ 15.5 %", "3–5 项").
func (i StoredIndicator) Target() string { return i.Goal() + " " + i.Unit }

// Goal is the target without its unit ("≥ 15.5", "3–5"), for a sheet that
// gives the unit a column of its own.
func (i StoredIndicator) Goal() string {
	num := func(f *float64) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', -1, 64)
	}
	if i.Comparator == "range" {
		return num(i.Low) + "–" + num(i.High)
	}
	return cmpMark(i.Comparator) + num(i.Value)
}

// cmpMark is the sign a page writes before a target's value: ≥, ≤, ≈, or
// nothing for = and a range.
func cmpMark(c string) string {
	switch c {
	case ">=":
		return "≥ "
	case "<=":
		return "≤ "
	case "approx":
		return "≈ "
	}
	return ""
}

// Shown is the value as a page shows it: at most two decimals, so a rate a
// source computes (28.333333333333332) reads 28.33.
func (r Reading) Shown() string { return shown(r.Value) }

// Shown is the source's current value as the picker shows it.
func (c SourceChoice) Shown() string { return shown(c.Value) }

func shown(v float64) string {
	if !measure.Known(v) {
		return "—" // a rate with nothing to measure it over yet
	}
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// Goal is the candidate's proposed target without its year ("≥ 30 家"),
// which the page puts in words (到 2027 年).
func (c Candidate) Goal() string {
	v := c.Value
	if c.Low != "" {
		v = c.Low + "–" + c.High
	}
	return cmpMark(c.Comparator) + v + " " + c.Unit
}

// SectionName is a section's number and title ("一 发展现状"), from its
// path; the path itself when no section has it.
func (p ShowPage) SectionName(path string) string {
	for _, r := range p.Rows {
		if r.Path == path {
			return r.Number + " " + r.Title
		}
	}
	return path
}

// Deadline is the deadline year, or 0.
func (i StoredIndicator) Deadline() int { return intOr0(i.DeadlineYear) }

// Period is "year", "two-years" or "".
func (i StoredIndicator) Period() string {
	if i.Per == nil {
		return ""
	}
	return *i.Per
}

// source sends the plan's original document.
func (h *handler) source(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	name, data, text, err := h.store.Source(r.Context(), id)
	if err != nil {
		return err
	}
	ctype := "application/octet-stream"
	if len(data) == 0 { // plans saved before documents were kept: the text
		data, ctype = []byte(text), "text/plain; charset=utf-8"
		name = strings.TrimSuffix(name, filepath.Ext(name)) + ".txt"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
	_, err = w.Write(data)
	return err
}
