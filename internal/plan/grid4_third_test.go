package plan

import (
	"strconv"
	"strings"
)

// The fourth grid's third batch (its own first run is in
// docs/benchmarks.md, grid4): two verbs joined before one object (新建、
// 改扩建), lists of indicators and of bounds, a baseline before a bound,
// 余 and 多 after a count, the bounds and indicators in an item's heading,
// an item's body and a 专栏 cell, and the headers a table of indicators is
// given (基期值 and 目标值, a unit inside the name, “十五五”末).

var g4ThirdPhrases = []g3Phrase{
	{"新建、改扩建X N所", "新建、改扩建中小学校30所", []g3Want{g3q(30, 1, "所", "=", "")}},
	{"新建和改扩建N所X", "新建和改扩建50所幼儿园", []g3Want{g3q(50, 1, "所", "=", "")}},
	{"新建改建X N公里", "新建改建农村公路1500公里", []g3Want{g3q(1500, 1, "公里", "=", "")}},
	{"X由A下降到N以下", "婴儿死亡率由5.5‰下降到5‰以下", []g3Want{g3q(5, 1, "‰", "<=", "")}},
	{"X、Y分别控制在N、M以内", "城镇调查失业率、登记失业率分别控制在5.5%、4%以内", []g3Want{g3q(5.5, 1, "%", "<=", ""), g3q(4, 1, "%", "<=", "")}},
	{"X达到N%、Y达到M%", "家庭医生签约服务覆盖率达到75%、重点人群签约服务覆盖率达到90%", []g3Want{g3q(75, 1, "%", "=", ""), g3q(90, 1, "%", "=", "")}},
	{"每千人口X达到N人、Y达到M人", "每千人口执业（助理）医师数达到3.6人、注册护士数达到4.2人", []g3Want{g3q(3.6, 1, "人", "=", ""), g3q(4.2, 1, "人", "=", "")}},
	{"新增学位1万余个", "新增公办学位1万余个", []g3Want{g3q(1, 1e4, "个", ">", "")}},
	{"改造老旧小区300多个", "改造城镇老旧小区300多个", []g3Want{g3q(300, 1, "个", ">", "")}},
	{"X提高N个百分点", "普惠性幼儿园覆盖率提高5个百分点", []g3Want{g3q(5, 1, "个百分点", "=", "")}},
	{"X较2025年提高N个百分点以上", "经常参加体育锻炼人数比例较2025年提高3个百分点以上", []g3Want{g3q(3, 1, "个百分点", ">=", "")}},
	{"X不低于N%，Y不高于M%", "森林覆盖率不低于45%，重度及以上污染天数比例不高于1%", []g3Want{g3q(45, 1, "%", ">=", ""), g3q(1, 1, "%", "<=", "")}},
	{"县域内就诊率达到N%", "县域内就诊率达到90%以上", []g3Want{g3q(90, 1, "%", ">=", "")}},
	{"X增加N万张", "养老床位总数增加1.5万张", []g3Want{g3q(1.5, 1e4, "张", "=", "")}},
	{"X总量达到N万个、其中M个", "托位总数达到3万个，其中普惠托位2万个", []g3Want{g3q(3, 1e4, "个", "=", ""), g3q(2, 1e4, "个", "=", "")}},
}

// g4Third composes the third batch's cases.
func g4Third() []g3Case {
	var cs []g3Case
	for pi, p := range g4ThirdPhrases {
		for k := 0; k < 3; k++ {
			dl := g4Deadlines[(pi+3*k)%len(g4Deadlines)]
			want := append([]g3Want(nil), p.want...)
			for i := range want {
				want[i].year = dl.year
			}
			cs = append(cs, g3Case{keys: []string{"all=targets", "family=phrase", "phrase=" + p.name, "batch=3", "deadline=" + dl.name},
				text: g4Lead + dl.lead + p.text + "。", want: want})
		}
	}
	// bounds and indicators where plans lay targets
	type laid struct {
		clause string
		want   []g3Want
	}
	var clauses []laid
	for i, b := range g4Bounds {
		if b.mw == "/10万" {
			continue
		}
		s := g4BoundShapes[i%len(g4BoundShapes)]
		c, w := s.f(b.g2Target)
		clauses = append(clauses, laid{c, w})
	}
	for i, f := range g4Falls {
		s := g4FallShapes[i%len(g4FallShapes)]
		c, w := s.f(f.g2Target)
		clauses = append(clauses, laid{c, w})
	}
	for i, m := range g4Metrics {
		if i%2 == 0 {
			s := g4MetricShapes[i%len(g4MetricShapes)]
			c, w := s.f(m)
			clauses = append(clauses, laid{c, w})
		}
	}
	for i, l := range clauses {
		for _, pos := range []struct{ name, text string }{
			{"（一） heading", "（" + gridCN(i%9+1) + "）" + l.clause + "\n加强统筹协调，推进各项工作落实。"},
			{"1. body", strconv.Itoa(i%9+1) + ".提升民生保障水平。" + l.clause + "。"},
			{"专栏 table cell", "专栏4 主要指标\n领域\t目标\n民生保障\t" + l.clause + "\n（二）强化要素保障。完善用地保障机制。"},
		} {
			w := append([]g3Want(nil), l.want...)
			for j := range w {
				w[j].year = g4Plan
			}
			cs = append(cs, g3Case{keys: []string{"all=targets", "family=indicator positions", "position=" + pos.name, "batch=3"}, text: pos.text, want: w})
		}
	}
	// the headers a table of indicators is given
	headers := []struct{ name, head string }{
		{"基期值 and 目标值 with years", "序号\t指标\t单位\t2025年基期值\t2030年目标值\t属性"},
		{"基期值 and 目标值", "序号\t指标\t单位\t基期值\t目标值\t属性"},
		{"“十五五”末", "序号\t指标\t单位\t“十四五”末\t“十五五”末\t属性"},
		{"“十五五”期末", "序号\t指标\t单位\t“十四五”期末\t“十五五”期末\t属性"},
		{"a unit inside the name", "序号\t指标\t2025年\t2030年\t属性"},
	}
	nm := len(g4Metrics)
	for hi, h := range headers {
		for i := hi; i < nm; i += len(headers) {
			var rows strings.Builder
			var want []g3Want
			for k := 0; k < 3; k++ {
				m := g4Metrics[(i+k)%nm]
				if h.name == "a unit inside the name" {
					rows.WriteString("\n" + strconv.Itoa(k+1) + "\t" + m.obj + "（" + m.mw + "）\t" + m.base + "\t" + m.num + "\t预期性")
				} else {
					rows.WriteString("\n" + strconv.Itoa(k+1) + "\t" + m.obj + "\t" + m.mw + "\t" + m.base + "\t" + m.num + "\t预期性")
				}
				w := g3w(m.g2Target, "=")
				w.year = g4Plan
				want = append(want, w)
			}
			cs = append(cs, g3Case{keys: []string{"all=targets", "family=goals", "layout=table headed " + h.name, "batch=3"}, want: want,
				text: "表2 “十五五”时期社会事业发展主要指标\n" + h.head + rows.String()})
		}
	}
	return cs
}
