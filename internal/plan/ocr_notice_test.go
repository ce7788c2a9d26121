package plan

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// ocrText is a plan's text as an OCR'd scan gives it: letters and odd signs
// inside its numbers.
const ocrText = `某市科学技术普及“十五五”规划（2026—2030年）

一、发展目标

到2030年，全市具备科学素质的公民比例达到2O％，科普场馆年接待观众1L 7万人次。
科普经费投入达到3H00万元，培育科普讲解员1g85名。
（一）基础设施
新建社区科普站巧2个，全市科普基地总数增长21，7％，科普图书出版增长6‰。
科普人员人均培训时长达到1 · 4天，线上科普覆盖率达到l5%。
`

func TestOCRNoticeFires(t *testing.T) {
	n := ocrNotice(ocrText)
	if n == nil {
		t.Fatal("got no notice on an OCR'd text")
	}
	want := []string{"2O", "1L 7", "3H00", "1g85", "21，7", "6", "1 · 4"}
	if n.Suspects != len(want)+1 { // and l5 past the kept spots
		t.Errorf("got %d suspects, want %d", n.Suspects, len(want)+1)
	}
	var got []string
	for _, s := range n.Spots {
		got = append(got, s.Text)
	}
	if strings.Join(got, "|") != strings.Join(want[:ocrSpots], "|") {
		t.Errorf("got spots %q, want %q", got, want[:ocrSpots])
	}
	rs := []rune(ocrText)
	for _, s := range n.Spots {
		if string(rs[s.Start:s.End]) != s.Text || ocrText[s.from:s.to] != s.Text {
			t.Errorf("spot %q: offsets give %q and %q", s.Text, string(rs[s.Start:s.End]), ocrText[s.from:s.to])
		}
	}
	if s := ocrScan("全角：达到１Ｌ ７万人次", 1).Spots; len(s) != 1 || s[0].Text != "１Ｌ ７" || s[0].After != "万人次" {
		t.Errorf("full-width: got %+v, want １Ｌ ７ before 万人次", s)
	}
	if s := n.Spots[1]; s.Line != 5 || s.Before != "普场馆年接待观众" || s.After != "万人次。" {
		t.Errorf("got the second spot on line %d between %q and %q, want line 5 between 普场馆年接待观众 (ocrContext runes) and 万人次。", s.Line, s.Before, s.After)
	}
}

func TestIngestOCR(t *testing.T) {
	doc, err := Ingest(strings.NewReader(ocrText))
	if err != nil {
		t.Fatal(err)
	}
	if doc.OCR == nil || doc.OCR.Suspects != 8 {
		t.Fatalf("got %+v, want a notice of 8 suspects", doc.OCR)
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"ocr":{"suspects":8,"numbers":`) {
		t.Errorf("the JSON has no ocr field: %s", data)
	}
	clean, err := Ingest(strings.NewReader(strings.NewReplacer("2O", "20", "1L 7", "17", "3H00", "3000", "1g85", "185",
		"21，7", "21.7", "6‰", "6%", "1 · 4", "1.4", "l5", "15").Replace(ocrText)))
	if err != nil {
		t.Fatal(err)
	}
	if clean.OCR != nil {
		t.Errorf("got %+v on the clean text", clean.OCR)
	}
	if data, _ := json.Marshal(clean); strings.Contains(string(data), `"ocr"`) {
		t.Errorf("the clean text's JSON has an ocr field: %s", data)
	}
}

// TestOCRClean: what clean documents write must not count, each alone.
func TestOCRClean(t *testing.T) {
	for _, text := range []string{
		"张·三、阿卜杜拉·买买提参加了2024·北京科普论坛。",
		"“3·15”国际消费者权益日、“5·12”防灾减灾日宣传活动，纪念“9·18”。",
		"1.2.3 推进科普基础设施建设；见第3.1节、4.2.1条，附件1. 2025年任务表。",
		"2023.10.1起施行，2025年1月1日。",
		"全市人口出生率7.5‰，自然增长率3.2‰，每千人口医生数3.4人，入选ESI全球前1‰学科2个。",
		"建成5G基站1.2万个，PM2.5平均浓度下降到30微克/立方米，AI大模型、R&D经费投入强度达到3%，3D打印。",
		"7x24小时服务热线，7X24小时在线；H7N9、COVID-19防控；ISO 9001、GB/T 2260-2007。",
		"日处理污水10万m3，治理水土流失面积500km2，L4级自动驾驶，4K/8K超高清，1080P，A4纸，21st Century。",
		"单位：万元、亿元、km、kg、MW、GW、m³、TB、PB、EFLOPS、Gbps、kWh、tce。",
		"总投资1,000万元，其中1，200万元为财政资金；增长12.5%、13.5％。",
		"详见https://www.gov.cn/zhengce/content/202305/t20230512_1234567.htm，索引号11000000XH0000004D/2026-00001。",
		"SHA256: 42c94ff0f88d5ada503492b50a32ecf484bbbd54fb4ff70a8d1fac39764d4b4d",
		"（一）到2027年 （二）到2030年 1 00 家（PDF的字距）",
	} {
		if n := ocrScan(text, 5); n.Suspects != 0 {
			t.Errorf("%s: got %d suspects %+v, want none", text, n.Suspects, n.Spots)
		}
	}
}

func TestOCRFires(t *testing.T) {
	for _, c := range []struct {
		suspects, numbers int
		want              bool
	}{
		{0, 0, false}, {2, 10, false}, {3, 10, true}, {3, 600, true}, {3, 601, false}, {10, 2000, true}, {10, 2001, false},
	} {
		if got := ocrFires(c.suspects, c.numbers); got != c.want {
			t.Errorf("ocrFires(%d, %d) = %v, want %v", c.suspects, c.numbers, got, c.want)
		}
	}
}

func TestOCRLinear(t *testing.T) {
	build := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString("达到1L 7万人次，1 · 4 · 5 · 6，")
			b.WriteString(strings.Repeat("1 ", i%50))
			b.WriteString("12345678901234567890abcdef，前1‰。\n")
		}
		return b.String()
	}
	// 2,000 lines, so that 1× takes several ticks of the thread's CPU clock
	// (a few milliseconds each) and is not measured as nothing.
	small, big := build(2000), build(40000)
	one := timeIt(func() { _ = ocrScan(small, ocrSpots) })
	twenty := timeIt(func() { _ = ocrScan(big, ocrSpots) })
	if twenty > 60*one+50*time.Millisecond {
		t.Errorf("20× the text took %v against %v for 1×", twenty, one)
	}
}

// anchorOCR keeps the text whole: a spot in plain text gets a run of its
// own, one inside or reaching into a mark anchors the mark.
func TestAnchorOCR(t *testing.T) {
	n := ocrScan(ocrText, ocrSpots)
	segs := markTargets(ocrText, []StoredIndicator{{Indicator: Indicator{Text: "科普场馆年接待观众1L 7万人次"}}, {Indicator: Indicator{Text: "7％"}}})
	out := anchorOCR(segs, n)
	var b strings.Builder
	ids := map[string]string{}
	for _, s := range out {
		b.WriteString(s.Text)
		if s.OCR != "" {
			ids[s.OCR] = s.Text
		}
	}
	if b.String() != ocrText {
		t.Errorf("the text changed: %q", b.String())
	}
	want := map[string]string{"ocr-0": "2O", "ocr-1": "科普场馆年接待观众1L 7万人次", "ocr-2": "3H00", "ocr-3": "1g85", "ocr-4": "7％"}
	for id, text := range want {
		if ids[id] != text {
			t.Errorf("%s on %q, want %q", id, ids[id], text)
		}
	}
	if got := anchorOCR(segs, nil); len(got) != len(segs) {
		t.Errorf("no notice: %d segments, want %d", len(got), len(segs))
	}
}

// FuzzOCRScan: any text, and its spots are where they say, in order.
func FuzzOCRScan(f *testing.F) {
	f.Add(ocrText)
	f.Add("1 · 4 · ５ｌ ７，12%‰ l5% 1OO\n3H00")
	f.Fuzz(func(t *testing.T, text string) {
		n := ocrScan(text, 1<<20)
		if n.Suspects > n.Numbers || len(n.Spots) != n.Suspects {
			t.Fatalf("%d suspects, %d spots, %d numbers", n.Suspects, len(n.Spots), n.Numbers)
		}
		last := 0
		for _, s := range n.Spots {
			if utf8.ValidString(text) && !utf8.ValidString(s.Text) {
				t.Fatalf("spot %+v cuts a character of %q", s, text)
			}
			if s.from < last || s.to <= s.from || text[s.from:s.to] != s.Text || utf8.RuneCountInString(text[:s.from]) != s.Start ||
				s.End-s.Start != utf8.RuneCountInString(s.Text) {
				t.Fatalf("spot %+v in %q", s, text)
			}
			last = s.to
		}
		segs := anchorOCR([]Segment{{Text: text}}, n)
		var b strings.Builder
		for _, s := range segs {
			b.WriteString(s.Text)
		}
		if b.String() != text {
			t.Fatalf("anchors changed the text")
		}
	})
}
