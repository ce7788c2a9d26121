package plan

import (
	"strings"
	"testing"
)

// want is a hand label of the project's own documents, written by its
// quantity as it reads in the document; the test finds its span, in
// document order, after the previous one.
type want struct {
	quote      string
	value      float64 // or low for a range
	high       float64 // 0 unless a range
	cmp        string  // =, >=, <=, >, <, ~, range
	unit       string  // base unit
	mult       float64 // 1, 1e4 (万), 1e8 (亿)
	per        string
	year       int
	constraint string // from a table
}

func v(q string, value float64, cmp, unit string, mult float64, per string, year int) want {
	return want{quote: q, value: value, cmp: cmp, unit: unit, mult: mult, per: per, year: year}
}

func rng(q string, lo, hi float64, unit string, per string, year int) want {
	return want{quote: q, value: lo, high: hi, cmp: "range", unit: unit, mult: 1, per: per, year: year}
}

func tbl(q string, value float64, cmp, unit string, mult float64, year int, constraint string) want {
	return want{quote: q, value: value, cmp: cmp, unit: unit, mult: mult, year: year, constraint: constraint}
}

// ownTargets labels every quantitative target of the project's plans.
// Not targets there: the achievements of 一、发展现状/发展基础, ages
// (35岁以下), durations (连续3年, 3年内), ordinals (第十三次, 第十五个),
// slogans (“四个服务”, “三大行动”, “十百千”), subsidy caps (最高1000万元)
// and dates.
var ownTargets = map[string][]want{
	"shi_kexie_shiwuwu.txt": {
		v("18%", 18, ">=", "%", 1, "", 2030), v("20万人", 20, ">", "人", 1e4, "", 2030), v("50家", 50, "=", "家", 1, "", 2030),
		v("10个", 10, "~", "个", 1, "", 2030), v("100场", 100, ">=", "场", 1, "year", 2030), v("300万人次", 300, ">", "人次", 1e4, "year", 2030),
		v("1000名", 1000, "=", "名", 1, "", 2028), v("200名", 200, "=", "名", 1, "", 2028), v("50名", 50, "=", "名", 1, "", 2028),
		v("20场", 20, ">=", "场", 1, "year", 2030), v("两万人次", 2, "=", "人次", 1e4, "year", 2030),
		rng("3-5个", 3, 5, "个", "", 2030),
		v("1次", 1, "=", "次", 1, "year", 2030), v("800人", 800, ">=", "人", 1, "year", 2030), v("12个", 12, "=", "个", 1, "", 2027),
		v("15家", 15, "~", "家", 1, "", 2030),
		v("2座", 2, "=", "座", 1, "", 2030), v("80个", 80, "=", "个", 1, "", 2030), v("300个", 300, "~", "个", 1, "", 2030),
		v("五百名", 500, "=", "名", 1, "", 2030), v("3万名", 3, "=", "名", 1e4, "", 2030), v("150支", 150, "=", "支", 1, "", 2030),
		v("50次", 50, ">=", "次", 1, "year", 2030), v("10%", 10, "=", "%", 1, "year", 2030),
		rng("30-50项", 30, 50, "项", "year", 2030), v("200个", 200, ">=", "个", 1, "year", 2030), v("5亿元", 5, ">", "元", 1e8, "year", 2030),
		v("1500万元", 1500, ">=", "元", 1e4, "year", 2030), v("2元", 2, "=", "元", 1, "year", 2030),
	},
	"kepu_xingdong.txt": {
		v("20%", 20, "=", "%", 1, "", 2028), v("95%", 95, "=", "%", 1, "", 2028), v("2名", 2, ">=", "名", 1, "", 2028),
		v("3000人次", 3000, ">=", "人次", 1, "year", 2028), v("40个", 40, ">=", "个", 1, "", 2028), v("20支", 20, "=", "支", 1, "", 2028),
		v("1万人次", 1, "~", "人次", 1e4, "", 2028),
		v("500件", 500, ">=", "件", 1, "year", 2028), v("10个", 10, "=", "个", 1, "", 2027),
		rng("4-6个", 4, 6, "个", "", 2028), v("1个", 1, ">=", "个", 1, "", 2028), v("60家", 60, "=", "家", 1, "", 2028),
		v("一次", 1, "=", "次", 1, "two-years", 2028), v("100个", 100, "=", "个", 1, "", 2028), v("五十所", 50, "=", "所", 1, "", 2028),
		v("两万名", 2, ">", "名", 1e4, "", 2028),
		v("1次", 1, "=", "次", 1, "year", 2028),
	},
	"rencai_fangan.docx": {
		v("150万人", 150, "=", "人", 1e4, "", 2028), v("2.5万名", 2.5, "=", "名", 1e4, "", 2028), v("120人年", 120, "=", "人年", 1, "", 2028),
		tbl("150", 150, "=", "人", 1e4, 2028, "预期性"), tbl("3.2", 3.2, "=", "%", 1, 2028, "约束性"), tbl("2600", 2600, "=", "家", 1, 2028, "预期性"),
		tbl("14", 14, "=", "件", 1, 2028, "预期性"), tbl("120", 120, ">=", "元", 1e8, 2028, "预期性"),
		v("5个", 5, "~", "个", 1, "year", 2028), v("100名", 100, "=", "名", 1, "", 2028), v("300名", 300, "=", "名", 1, "", 2028),
		v("15家", 15, "=", "家", 1, "", 2028), v("2万人次", 2, ">=", "人次", 1e4, "year", 2028), v("两千名", 2000, ">=", "名", 1, "", 2028),
		v("10家", 10, "=", "家", 1, "", 2028), v("8个", 8, "=", "个", 1, "", 2028), v("5000套", 5000, ">=", "套", 1, "", 2027),
		v("15亿元", 15, ">=", "元", 1e8, "", 2028),
	},
	"chanye_fangan.pdf": {
		v("1000亿元", 1000, ">", "元", 1e8, "", 2030), v("15%", 15, "~", "%", 1, "year", 2030), v("20家", 20, "=", "家", 1, "", 2030),
		v("300家", 300, ">=", "家", 1, "", 2030), v("2.2万个", 2.2, "=", "个", 1e4, "", 2030),
		tbl("1000", 1000, "=", "元", 1e8, 2030, "预期性"), tbl("2.2", 2.2, "=", "个", 1e4, 2030, "预期性"),
		tbl("80", 80, "=", "台", 1e4, 2030, "预期性"), tbl("95", 95, "=", "%", 1, 2030, "约束性"),
		v("30个", 30, "=", "个", 1, "year", 2030), v("1个", 1, "=", "个", 1, "", 2030), rng("5-8个", 5, 8, "个", "", 2030),
		v("800家", 800, ">=", "家", 1, "", 2030), v("1000家", 1000, "=", "家", 1, "", 2030), v("50个", 50, "=", "个", 1, "", 2030),
		v("200个", 200, "=", "个", 1, "", 2030), v("5亿元", 5, "=", "元", 1e8, "year", 2030),
	},
	"keji_chuangxin.html": {
		v("3.5%", 3.5, "=", "%", 1, "", 2028), v("6家", 6, "=", "家", 1, "", 2028), v("5000家", 5000, ">", "家", 1, "", 2028),
		tbl("3.5", 3.5, "=", "%", 1, 2028, "预期性"), tbl("1800", 1800, "=", "家", 1, 2028, "预期性"), tbl("100", 100, "=", "元", 1e8, 2028, "约束性"),
		v("20家", 20, "=", "家", 1, "", 2028), v("3个", 3, "=", "个", 1, "", 2028), v("800家", 800, ">=", "家", 1, "year", 2028),
		v("30家", 30, "~", "家", 1, "", 2028), v("五十个", 50, "=", "个", 1, "", 2028), v("12亿元", 12, ">=", "元", 1e8, "", 2028),
	},
	"kepu_gangyao_2016.txt": {v("8%", 8, "~", "%", 1, "", 2020), v("1次", 1, ">=", "次", 1, "year", 2020)},
	// its indicator table is pasted one cell a line (ingest_table_lines.go)
	"kexie_zhibiao_lines.txt": {
		tbl("80", 80, ">", "%", 1, 2030, "约束性"), tbl("55", 55, "~", "个", 1, 2030, "预期性"), tbl("20", 20, "=", "%", 1, 2030, "约束性"),
		tbl("3.5", 3.5, "=", "人", 1e4, 2030, "预期性"), tbl("60", 60, ">=", "名", 1, 2030, "预期性"),
		v("20家", 20, ">=", "家", 1, "year", 2030), v("100个", 100, "=", "个", 1, "", 2030), v("五百名", 500, "=", "名", 1, "", 2030),
	},
}

// locate turns a document's wants into labels with spans. The PDF's text
// may break a quantity across lines; quotes are looked up ignoring
// whitespace.
func locate(t *testing.T, name, text string, ws []want) []label {
	t.Helper()
	rs := []rune(text)
	var out []label
	from := 0
	for _, w := range ws {
		q := []rune(w.quote)
		at := -1
		for i := from; i+len(q) <= len(rs) && at < 0; i++ {
			if string(rs[i:i+len(q)]) == w.quote {
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("%s: label %q not found after offset %d", name, w.quote, from)
		}
		from = at + len(q)
		out = append(out, w.label(at, from))
	}
	return out
}

// label is the label of w found at runes [start, end) of a text.
func (w want) label(start, end int) label {
	l := label{Start: start, End: end, Comparator: w.cmp, Unit: w.unit, Multiplier: w.mult, Per: w.per}
	y, lo := w.year, w.value
	l.DeadlineYear = &y
	if w.cmp == "range" {
		hi := w.high
		l.Low, l.High = &lo, &hi
	} else {
		l.Value = &lo
	}
	return l
}

// ownFloor is the least precision and recall on the project's own plans:
// the rules alone read every target; as shipped, the learned model
// proposes six of them instead (97 of 103): three of the rhythm D97 meant
// (a meeting held once a year, a contest every two years — what many
// labellers call a procedure's rhythm), and three it should not (a floor
// for each district, a three-year budget floor, a count in Chinese
// numerals). The model retrained on all development data (D104) was taken
// by a rule written before it was scored, which set this floor at what it
// measures less a point; the model it replaced proposed three (floor 0.97).
// learn5's line of 0.1 (D117) would assert one of them again; a fresh
// held-out set kept D97's 0.2 (prereg14), and the floor with it.
var ownFloor = map[string]struct{ precision, recall float64 }{
	"rules":   {1, 1},
	"shipped": {1, 0.93},
}

func TestOwnTargets(t *testing.T) {
	for _, read := range []struct {
		name string
		l    func() *learnDoc
	}{{"rules", func() *learnDoc { return nil }}, {"shipped", learnFor}} {
		var total score
		for _, name := range ownPlans {
			text := ownText(t, name)
			doc, err := ingestText(text, read.l())
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			labels := locate(t, name, text, ownTargets[name])
			s := scoreDoc(text, doc, labels, nil)
			report(t, read.name+" "+name, s)
			total.add(s)
		}
		t.Logf("%-44s %s", read.name+" total", total)
		if f := ownFloor[read.name]; total.precision() < f.precision || total.recall() < f.recall {
			t.Errorf("%s: below the floor (precision %.1f%%, recall %.1f%%)", read.name, 100*f.precision, 100*f.recall)
		}
	}
}

// ownReadingsWrong is how many matched targets may read wrong: three
// whose per-period is ambiguous (a 每年 opening a sentence is read as
// governing all of it; these labels say the later clause is a total).
const ownReadingsWrong = 3

// Each matched target reads as labelled: comparator, per-period, deadline
// and, from a table, the constraint type.
func TestOwnTargetReadings(t *testing.T) {
	wrong := 0
	defer func() {
		if wrong > ownReadingsWrong {
			t.Errorf("%d targets read wrong, at most %d allowed", wrong, ownReadingsWrong)
		}
	}()
	cmpOf := map[string]string{"=": "=", ">=": ">=", ">": ">=", "<=": "<=", "<": "<=", "~": "approx", "range": "range"}
	for _, name := range ownPlans {
		text, doc := ownDoc(t, name)
		labels := locate(t, name, text, ownTargets[name])
		for i, l := range labels {
			w := ownTargets[name][i]
			for _, ind := range doc.Indicators {
				if ind.Candidate || !matches(ind, l) {
					continue
				}
				per := ""
				if ind.Per != nil {
					per = *ind.Per
				}
				if ind.Comparator != cmpOf[w.cmp] || per != w.per || ind.DeadlineYear == nil || *ind.DeadlineYear != w.year ||
					ind.Constraint != w.constraint {
					wrong++
					t.Logf("%s %q: comparator %q per %q deadline %d constraint %q; want %q %q %d %q", name, w.quote,
						ind.Comparator, per, *ind.DeadlineYear, ind.Constraint, cmpOf[w.cmp], w.per, w.year, w.constraint)
				}
				if strings.TrimSpace(ind.Metric) == "" || len(ind.Section) == 0 {
					t.Errorf("%s %q: metric %q section %v", name, w.quote, ind.Metric, ind.Section)
				}
				break
			}
		}
	}
}

// Where the extractor is unsure it proposes candidates, never targets:
// the achievements of a 现状 section. Subsidy caps, ages, durations,
// ordinals and slogans are neither.
func TestOwnCandidates(t *testing.T) {
	_, doc := ownDoc(t, "shi_kexie_shiwuwu.txt")
	var cands []string
	for _, ind := range doc.Indicators {
		if ind.Candidate {
			cands = append(cands, ind.Text)
		}
		for _, not := range []string{"35岁", "连续3年", "四个服务", "三大行动", "第十五"} {
			if strings.Contains(ind.Text, not) && strings.Index(ind.Text, not) == 0 {
				t.Errorf("%q read as a quantity", ind.Text)
			}
		}
	}
	want := []string{"全市已建成院士专家工作站36家", "累计举办学术交流活动420场", "培训基层科普人员1.2万人次", "公民具备科学素质的比例达到13.5%"}
	if strings.Join(cands, "|") != strings.Join(want, "|") {
		t.Errorf("candidates %q, want %q", cands, want)
	}
	_, doc = ownDoc(t, "rencai_fangan.docx")
	for _, ind := range doc.Indicators {
		if strings.Contains(ind.Text, "1000万元") {
			t.Errorf("a subsidy cap read as a target: %+v", ind)
		}
	}
}
