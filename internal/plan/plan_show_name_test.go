package plan_test

import (
	"testing"

	"kexie/internal/plan"
)

// The review list names a target whose words in the document do not: a
// PDF table's row whose name wrapped onto the lines around it, a pair's
// value, a place's row for one of its columns; not one whose words hold
// its name but for a character.
func TestNameApart(t *testing.T) {
	for _, c := range []struct{ text, metric, want string }{
		{"3                  %    28     ≥35      约束性", "高技能人才占技能劳动者比例", "高技能人才占技能劳动者比例"},
		{"2.6%", "全社会研发经费投入强度", "全社会研发经费投入强度"},
		{"市政府每年召开1次科技服务工作联席会议", "市政府召开科技服务工作联席会议", ""},
		{"1   人才资源总量   万人   86   110   预期性", "人才资源总量", ""},
		{"5G基站数量 3 万个", "", ""},
		{"1     东城区       150        12", "东城区·受众", "东城区·受众"},
		{"全市研究与试验发展经费投入强度达到3.5%左右", "研究与试验发展经费投入强度", ""},
	} {
		i := plan.StoredIndicator{Indicator: plan.Indicator{Text: c.text, Metric: c.metric}}
		if got := i.NameApart(); got != c.want {
			t.Errorf("%q (%q): %q, want %q", c.text, c.metric, got, c.want)
		}
	}
}
