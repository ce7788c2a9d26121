package plan

import "testing"

// Quantities as a PDF's text layer leaves them in any document
// (quantity_noise.go, ingest_cnyear.go, ingest_radical.go); every text here
// is written for the test.
func TestPDFNoiseQuantities(t *testing.T) {
	tests := []struct{ sentence, want string }{
		// units, measure words and comparators letter-spaced
		{"公民具备科学素质的比例提高 2 个 百 分 点。", "2 个百分点 = - 2030"},
		{"年服务公众 50 万 人 次，新增科普基地 3 万 个，投入 3 亿 元。", "50 人次×10000 = year 2030 | 3 个×10000 = - 2030 | 3 元×1e+08 = - 2030"},
		{"科普场馆达到 30 个 以 上。", "30 个 >= - 2030"},
		{"设立专项资金 3 千 万 元，撬动社会投资 2 百 亿 元。", "3 元×1e+07 = - 2030 | 2 元×1e+10 = - 2030"},
		// a letter-spaced unit is one only where the spacing ends with it
		{"培训骨干 500 人 次年再培训。", "500 人 = - 2030"},
		// a decimal point with a space beside it, full-width
		{"研发投入年均增长 3. 5%，培育志愿者 1．5 万名，建成基站 2 .5 万个。", "3.5 % = year 2030 | 1.5 名×10000 = - 2030 | 2.5 个×10000 = - 2030"},
		// not a list's number at a sentence's start, nor a date
		{"发布日期2025. 3. 12，新建站点20个。", "20 个 = - 2030"},
		// compute after a space, said with its comparator
		{"算力规模达到 12000P 以上。", "12000 PFLOPS >= - 2030"},
		{"47 GB 智慧农业数据规范。", ""},
		// a count in Chinese numerals written digit by digit, its zero 〇
		// (before: 一〇〇 read as 0)
		{"建成一〇〇家科普基地，培育二〇个团队。", "100 家 = - 2030 | 20 个 = - 2030"},
		// a household in a Kangxi radical (⼾, whose NFKC form is 戶)
		{"覆盖农户 2 万⼾，服务⼈⼝ 30 万⼈。", "2 户×10000 = - 2030 | 30 人×10000 = - 2030"},
		// a range with a space after its dash
		{"每年举办活动30- 50场。", "30-50 场 range year 2030"},
		// a thin space grouping thousands
		{"新增就业岗位1\u2009200个。", "1200 个 = - 2030"},
		// a percent sign and a range's dash as other fonts map them
		{"研发投入强度达到3﹪，年均增长5%‐8%。", "3 % = - 2030 | 5-8 % range year 2030"},
		// a page's number or a printout's page line between a number and its unit
		{"建成科普示范社区120\n- 3 -\n个，新建站点80\n页码：3/9\n处。", "120 个 = - 2030 | 80 处 = - 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// A year in Chinese numerals (〇, or ○ set for it) dates the sentence it
// opens like one in digits; a full date stays as written.
func TestChineseNumeralYears(t *testing.T) {
	tests := []struct{ line, want string }{
		{"到二〇二八年，建成", "到2028年，建成"},
		{"到二○三〇年", "到2030年"},
		{"规划（二〇二六—二〇三〇年）", "规划(2026-2030年)"},
		{"一九九八年达到", "1998年达到"},
		// a date of issue or of delivery: as written
		{"二〇二六年一月二十七日在大会上", "二〇二六年一月二十七日在大会上"},
		{"——二○二六年十二月", "--二○二六年十二月"},
		// no year: a count, a numeral of another number
		{"新建二〇二个站点", "新建二〇二个站点"},
		{"三二〇二六年", "三二〇二六年"},
	}
	for _, tt := range tests {
		if got := cnYears(normalize(tt.line)); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.line, got, tt.want)
		}
	}
	text := "某市科普工作规划（二〇二六—二〇三〇年）\n一、发展目标\n到二〇二八年，全市科普场馆达到40个。到二○三〇年，新建科普基地20个。\n"
	if got := readDoc(t, text); got != "40 个 = - 2028 | 20 个 = - 2030" {
		t.Errorf("years in numerals: got %q", got)
	}
}
