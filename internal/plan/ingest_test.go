package plan

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// seedDir is ../shared/seeds beside the repository (or $KEXIE_SEEDS).
func seedDir() string {
	if d := os.Getenv("KEXIE_SEEDS"); d != "" {
		return d
	}
	return "../../../shared/seeds"
}

// seed opens a plan of the seeds by its number prefix.
func seed(t testing.TB, prefix string) *Doc {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(seedDir(), prefix+"_*.txt"))
	if len(files) != 1 {
		abs, _ := filepath.Abs(seedDir())
		t.Fatalf("seed %s not found in %s (the five plans belong in ../shared/seeds beside the repository, or set KEXIE_SEEDS)", prefix, abs)
	}
	f, err := os.Open(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := Ingest(f)
	if err != nil {
		t.Fatalf("seed %s: %v", prefix, err)
	}
	return doc
}

// Section trees labelled by hand from the seeds: top-level numbers and titles.
func TestSeedSections(t *testing.T) {
	tests := []struct {
		seed, title, issuer string
		start, end          int
		top                 []string
	}{
		{"000", "岳阳市科学技术协会事业发展 “十三五”规划(草案)", "岳阳市科学技术协会", 2016, 2020,
			[]string{"一 前言", "二 指导思想与主要目标", "三 重点工作任务", "四 保障措施"}},
		{"001", "滁州市科学技术协会事业发展“十三五”规划", "滁州市科学技术协会", 2016, 2020,
			[]string{"一 现状和形势", "二 指导思想和基本原则", "三 发展目标", "四 重点任务", "五 保障措施"}},
		{"002", "攀枝花市全民科学素质行动计划纲要实施方案(2016~2020 年)", "攀枝花市人民政府办公室", 2016, 2020,
			[]string{"一 指导思想", "二 总体目标", "三 职责分工", "四 组织实施"}},
		{"003", "青海省科学技术协会事业发展“十四五”规划(2021-2025年)", "青海省科学技术协会", 2021, 2025,
			[]string{"一 指导思想", "二 基本原则", "三 发展目标", "四 重点任务", "五 实施保障"}},
		{"004", "哈尔滨市科学技术协会事业发展“十四五”规划(2021-2025年)", "哈尔滨市科学技术协会", 2021, 2025,
			[]string{"一 我市科协事业发展取得的成就及面临的形势", "二 “十四五”时期科协事业发展的指导思想",
				"三 “十四五”时期科协事业发展原则和主要目标", "四 “十四五”时期科协事业发展的重点任务", "五 强化规划实施保障"}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			doc := seed(t, tt.seed)
			if doc.Title != tt.title || doc.Issuer == nil || *doc.Issuer != tt.issuer {
				t.Errorf("title %q issuer %v", doc.Title, doc.Issuer)
			}
			if doc.Period.Start == nil || *doc.Period.Start != tt.start || *doc.Period.End != tt.end {
				t.Errorf("period %v", doc.Period)
			}
			var got []string
			for _, s := range doc.Sections {
				got = append(got, s.Number+" "+s.Title)
			}
			if strings.Join(got, "|") != strings.Join(tt.top, "|") {
				t.Errorf("top sections:\n got %q\nwant %q", got, tt.top)
			}
		})
	}
	// Deeper levels: seed 003's 四、重点任务 → (一)强化思想政治引领 → 1.加强科协组织党的建设.
	doc := seed(t, "003")
	four := doc.Sections[3]
	if len(four.Children) == 0 || four.Children[0].Number != "(一)" || four.Children[0].Title != "强化思想政治引领" ||
		len(four.Children[0].Children) == 0 || four.Children[0].Children[0].Title != "加强科协组织党的建设" {
		t.Errorf("seed 003 四: %+v", four.Children)
	}
}

// Indicators labelled by hand from the seeds.
func TestSeedIndicators(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		seed, text string // a substring of the indicator's text
		cmp        string
		value      *float64
		low, high  *float64
		unit       string
		per        string
		deadline   int
		baseline   *Baseline
	}{
		{"000", "每年至少促成3-5项", "range", nil, f(3), f(5), "项", "year", 2020, nil},
		{"000", "建立4-8家", "range", nil, f(4), f(8), "家", "", 2020, nil},
		{"000", "1500-2000名", "range", nil, f(1500), f(2000), "名", "", 2020, nil},
		{"001", "同步达10%", "=", f(10), nil, nil, "%", "", 2020, nil},
		{"002", "比例达到 8%左右", "approx", f(8), nil, nil, "%", "", 2020, nil},
		{"002", "至少召开 1 次", ">=", f(1), nil, nil, "次", "year", 2020, nil},
		{"003", "力争达到10%", "=", f(10), nil, nil, "%", "", 2025, nil},
		{"004", "超过15.5%", ">=", f(15.5), nil, nil, "%", "", 2025, nil},
		{"004", "每年遴选10家左右", "approx", f(10), nil, nil, "家", "year", 2025, nil},
	}
	docs := map[string]*Doc{}
	for _, tt := range tests {
		t.Run(tt.seed+" "+tt.text, func(t *testing.T) {
			if docs[tt.seed] == nil {
				docs[tt.seed] = seed(t, tt.seed)
			}
			var ind *Indicator
			for i := range docs[tt.seed].Indicators {
				if strings.Contains(docs[tt.seed].Indicators[i].Text, tt.text) {
					ind = &docs[tt.seed].Indicators[i]
					break
				}
			}
			if ind == nil {
				t.Fatalf("no indicator with text %q", tt.text)
			}
			eq := func(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
			per := ""
			if ind.Per != nil {
				per = *ind.Per
			}
			if ind.Comparator != tt.cmp || !eq(ind.Value, tt.value) || !eq(ind.Low, tt.low) || !eq(ind.High, tt.high) ||
				ind.Unit != tt.unit || per != tt.per || ind.DeadlineYear == nil || *ind.DeadlineYear != tt.deadline {
				t.Errorf("got %+v (per %q, deadline %v)", *ind, per, ind.DeadlineYear)
			}
			if tt.baseline != nil && (ind.Baseline == nil || *ind.Baseline != *tt.baseline) {
				t.Errorf("baseline %+v", ind.Baseline)
			}
			if len(ind.Section) == 0 || ind.Metric == "" {
				t.Errorf("section %v metric %q", ind.Section, ind.Metric)
			}
		})
	}
	// Slogans and ordinals are not targets.
	for _, ind := range seed(t, "004").Indicators {
		if strings.Contains(ind.Text, "“四个") || strings.Contains(ind.Text, "两个维护") {
			t.Errorf("slogan taken for a target: %q", ind.Text)
		}
	}
}

func TestSeedResponsibilities(t *testing.T) {
	doc := seed(t, "002")
	if len(doc.Responsibilities) < 6 {
		t.Fatalf("only %d responsibilities", len(doc.Responsibilities))
	}
	r := doc.Responsibilities[0]
	if strings.Join(r.Section, "/") != "三/(一)" || strings.Join(r.Lead, "、") != "市教育体育局、团市委、市科协" ||
		len(r.Cooperate) < 10 || r.Cooperate[0] != "市委宣传部" {
		t.Errorf("first responsibility %+v", r)
	}
}

func TestBadText(t *testing.T) {
	if _, err := Ingest(strings.NewReader("这是一段没有编号结构的文字。\n只有两行。")); err != ErrNoStructure {
		t.Errorf("no structure: %v", err)
	}
	if _, err := Ingest(bytes.NewReader(bytes.Repeat([]byte("a"), MaxText+1))); err == nil {
		t.Error("oversized text accepted")
	}
	doc, err := Ingest(strings.NewReader("一、目标\n到２０２５年，建成１５个科普基地。"))
	if err != nil || len(doc.Indicators) != 1 || *doc.Indicators[0].Value != 15 || doc.Indicators[0].Text != "建成１５个科普基地" || doc.Indicators[0].Metric != "建成科普基地" {
		t.Errorf("full-width digits: %+v %v", doc.Indicators, err)
	}
	// A baseline, as seed 004 words its past result, read as a target here.
	doc, err = Ingest(strings.NewReader("一、目标\n公民具备科学素质的比例由2015年的6.2%增加到2020年的11.1%。"))
	if err != nil || len(doc.Indicators) != 1 || doc.Indicators[0].Baseline == nil || doc.Indicators[0].Baseline.Value != 6.2 ||
		doc.Indicators[0].Baseline.Year != 2015 || *doc.Indicators[0].Value != 11.1 || *doc.Indicators[0].DeadlineYear != 2020 {
		t.Errorf("baseline: %+v %v", doc.Indicators, err)
	}
	if cn, _ := cnNumber("两千三百"); cn != 2300 {
		t.Errorf("cnNumber(两千三百) = %d", cn)
	}
	if cn, _ := cnNumber("十五"); cn != 15 {
		t.Errorf("cnNumber(十五) = %d", cn)
	}
}

func FuzzIngest(f *testing.F) {
	f.Add("一、目标\n(一)任务\n1.每年举办3-5场活动\n牵头部门:市科协")
	f.Add("\xff\xfe一、\n（1）")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = Ingest(strings.NewReader(s))
	})
}

// Ingestion stays linear: ten times the text takes far less than a
// hundred times as long.
func TestLinear(t *testing.T) {
	data, _ := os.ReadFile(mustGlob(t))
	one := timeIt(func() { _, _ = Ingest(bytes.NewReader(data)) })
	big := bytes.Repeat(data, 20)
	twenty := timeIt(func() { _, _ = Ingest(bytes.NewReader(big)) })
	if twenty > 60*one+50*time.Millisecond {
		t.Errorf("20× the text took %v against %v for 1×", twenty, one)
	}
}

func mustGlob(t *testing.T) string {
	files, _ := filepath.Glob(filepath.Join(seedDir(), "000_*.txt"))
	if len(files) == 0 {
		t.Fatal("seed 000 missing")
	}
	return files[0]
}

// timeIt is the fastest of five runs, so a busy machine does not make a
// linear ingester look quadratic.
func timeIt(fn func()) time.Duration {
	best := time.Duration(1 << 62)
	for range 5 {
		start := time.Now()
		fn()
		best = min(best, time.Since(start))
	}
	return best
}

// BenchmarkIngest reads each seed and a 1 MB plan (the five seeds repeated,
// the size of the largest provincial plans with annexes). B/op bounds the
// memory one ingestion needs.
func BenchmarkIngest(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(seedDir(), "*.txt"))
	if len(files) != 5 {
		b.Fatalf("%d seeds in %s", len(files), seedDir())
	}
	var all []byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all = append(append(all, data...), '\n')
		b.Run(filepath.Base(f)[:3], func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Ingest(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	big := bytes.Repeat(all, 1+(1<<20)/len(all))[:1<<20]
	b.Run("1MB", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(big)))
		for b.Loop() {
			if _, err := Ingest(bytes.NewReader(big)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
