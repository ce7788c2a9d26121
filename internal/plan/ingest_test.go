package plan

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

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

func FuzzHTMLText(f *testing.F) {
	f.Add("<html><body><p>一、目标</p><table><tr><td>指标</td><td>单位</td><td>目标值</td></tr></table></body></html>")
	f.Add("<div class=nav><a>首页</a></div><p>到2028年，建成10个")
	f.Fuzz(func(t *testing.T, s string) {
		if text, err := HTMLText([]byte(s)); err == nil {
			_, _ = Ingest(strings.NewReader(text))
		}
	})
}

func FuzzIngest(f *testing.F) {
	f.Add("序号\t指标\t单位\t2025年\t2030年\t属性\n1\t研发投入\t%\t2\t3\t预期性")
	f.Add("一、目标\n到2027年底，培育10家规模过亿元\n\n的企业，带动产值超100亿元")
	f.Add("一、目标\n(一)任务\n1.每年举办3-5场活动\n牵头部门:市科协")
	f.Add("\xff\xfe一、\n（1）")
	f.Add("\u200b一、目标。二、任务（一）建设。对超过10万元的，给予5%\n| 1 | 新建10个 | 2026年 |\n第一条 ⒈㈠")
	f.Add("一、任务\n任务\n重点任务\n2027年工作项目\n2028年计划\n2029年\n牵头\n部门\n（一）\n1\n（1）建设站点9个。\n建3个。\n200件\n/\n区科协\n（2）\n序号\n街镇\n项目（个）\n1\n东镇\n/\n合计\n区")
	f.Add("政府工作报告\n——2031年2月20日在某省大会上\n2031 年 7 月 28 日\n一、任务\n赤字率拟按3%安排，财政赤字2万亿元，比去年增加1000亿元，今明两年、未来三年\n到2027年、2030年分别达到5万、8万人口；甲、乙两个")
	f.Add("一、目标\n主要指标\n序号\n指标\n2025年\n2025年目标值\n2027年\n1\n场馆（个）\n10\n12\n15") // (a year heading a column and dating another once panicked)
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := Ingest(strings.NewReader(s)); errors.Is(err, ErrExtractorFault) {
			t.Fatal(err)
		}
	})
}

// Ingestion stays linear: twenty times the text takes far less than
// four hundred times as long.
func TestLinear(t *testing.T) {
	// The two text plans, three times over (≈ 20 kB, the size of a plan):
	// a base large enough that a busy machine's noise does not decide.
	var data []byte
	for range 3 {
		for _, name := range []string{"shi_kexie_shiwuwu.txt", "kepu_xingdong.txt", "kepu_gangyao_2016.txt"} {
			b, err := os.ReadFile(filepath.Join("testdata", "plans", name))
			if err != nil {
				t.Fatal(err)
			}
			data = append(append(data, b...), '\n')
		}
	}
	one := timeIt(func() { _, _ = Ingest(bytes.NewReader(data)) })
	big := bytes.Repeat(data, 20)
	twenty := timeIt(func() { _, _ = Ingest(bytes.NewReader(big)) })
	if twenty > 60*one+50*time.Millisecond {
		t.Errorf("20× the text took %v against %v for 1×", twenty, one)
	}
}

// timeIt is the fastest of five runs, in the CPU time of the thread that
// runs them where the system tells it (cputime_linux_test.go), so a busy
// machine does not make a linear ingester look quadratic.
func timeIt(fn func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	best := time.Duration(1 << 62)
	for range 5 {
		start := threadTime()
		fn()
		best = min(best, threadTime()-start)
	}
	return best
}

// BenchmarkIngest reads each of the project's test plans and a 1 MB plan
// (them repeated, the size of the largest provincial plans with annexes).
// B/op bounds the memory one ingestion needs.
func BenchmarkIngest(b *testing.B) {
	var all []byte
	for _, name := range ownPlans {
		text := ownText(b, name)
		all = append(append(all, text...), '\n')
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := Ingest(strings.NewReader(text)); err != nil {
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

// The goals a plan states before its first section: the sentences after
// the one that opens with the deadline are goals too, though they do not
// repeat it.
func TestPreambleGoals(t *testing.T) {
	text := "某市科技创新行动方案(2026-2030年)\n为推动科技创新，制定本方案。到2028年，全市培育科技企业100家；建成创新平台20个以上；上线服务产品超3000款。\n一、重点任务\n(一)建设平台\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, fmt.Sprintf("%g%s %v %d", *ind.Value, ind.BaseUnit, ind.Candidate, *ind.DeadlineYear))
	}
	if want := "100家 false 2028 | 20个 false 2028 | 3000款 false 2028"; strings.Join(got, " | ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}
