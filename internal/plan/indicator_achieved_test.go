package plan

import (
	"strings"
	"testing"
)

// The phrase of indicator_achieved.go and those of the same batch that
// grid3 read (D120), in sentences written for the test: what each reads
// as asserted targets.
func TestAchievedPhrases(t *testing.T) {
	for _, c := range []struct{ sentence, read string }{
		// a count made, with its floor before the noun
		{"到2027年，新增500款以上的智能终端产品。", ">=500款 @2027"},
		// two items of a list, each with its verb: the first count's
		// qualifier does not reach the second
		{"到2026年底，实施3个对标国际先进水平的示范工程、组织8个引领全省的应用项目。", "3个 @2026 | 8个 @2026"},
		// but a count inside what a later count counts names its scope
		{"到2026年，其中服务5个产业集群的标准不少于20项。", ">=20项 @2026"},
		// users counted in 万: a bare count (D120)
		{"到2027年，服务不少于200万用户。", ">=200万 @2027"},
		// a bound a verb of achieving sets before its noun
		{"到2025年，基本实现不高于理论值2倍的传输时延。", "<=2倍 @2025"},
		{"到2025年，实现不高于10ms的网络时延。", "<=10ms @2025"},
		// a bound that picks a class stays no target
		{"对营业收入超过1亿元的企业给予奖励。", ""},
		{"到2025年，营业收入超过1亿元的企业达到50家。", "50家 @2025"},
	} {
		text := "某市行动计划（2025—2027年）\n一、目标\n" + c.sentence + "\n"
		doc, err := Ingest(strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		var read []string
		for _, ind := range doc.Targets() {
			r := flatReading(ind)
			read = append(read, strings.TrimSpace(r[strings.LastIndex(r[:strings.Index(r+" @", " @")], " ")+1:]))
		}
		if got := strings.Join(read, " | "); got != c.read {
			t.Errorf("%s: read %q, want %q", c.sentence, got, c.read)
		}
	}
}
