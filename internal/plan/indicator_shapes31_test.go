package plan

import "testing"

// Shapes left in the development data after wave 13 (tune31), each as
// sentences of our own: 一 that counts what is equipped or built, a total's
// parts listed in brackets, a time within which help arrives, what a
// forecast part says the plan builds with 配建 or states under a label of
// goals, and a level kept all the year round.
func TestShapes31(t *testing.T) {
	const head = "某区应急保障“十五五”规划（2026—2030年）\n一、发展目标\n"
	checkSentences(t, head, []sentenceCase{
		// 一 that counts: right after a verb that equips, a vehicle, and
		// the list's next item; after its noun, closing a clause that builds
		{"到2030年，配置一辆宣传车和一辆抢修车。", "1 辆 = - 2030 | 1 辆 = - 2030"},
		{"到2030年，新建雨水泵站一座，改造管网20公里。", "1 座 = - 2030 | 20 公里 = - 2030"},
		// (一 is a word: a team, a city, a batch)
		{"到2030年，建设一支专业队伍，打造一座韧性城市。", ""},
		// one for each unit, or at least one: a standard of coverage
		{"到2030年，每个街道都有一个应急服务站，每个区至少办好一所应急培训学校。", "1 个 = - 2030 | 1 所 >= - 2030"},
		// a total's parts in brackets, their figures summing to it
		{"到2030年，新建绿道36公里（滨河绿道16公里、林荫绿道20公里）。", "36 公里 = - 2030 | 16 公里 = - 2030 | 20 公里 = - 2030"},
		// (a note whose figure is not a part stays a note)
		{"到2030年，新建绿道36公里（全长80公里）。", "36 公里 = - 2030"},
		// a time within which help arrives: at most so long
		{"到2030年，应急队伍基本实现1.5小时内到达乡镇，45分钟以内抵达中心城区。", "1.5 小时 <= - 2030 | 45 分钟 <= - 2030"},
		// (a duration is no bound: 24小时值守)
		{"到2030年，实行24小时值守。", ""},
		// a level kept all the year round is no rate per year
		{"到2030年，消火栓完好率常年保持在98%以上。", "98 % >= - 2030"},
	})
}

// What a forecast part says the plan builds or sets as its goals is the
// plan's own: a share of parking built with 配建, and the sentences after a
// label of goals (总体目标：); a share it expects is still proposed.
func TestForecastOwn31(t *testing.T) {
	const head = "某县充电基础设施专项规划（2026—2030年）\n第一章 总则\n规划期限为2026—2030年。\n第二章 需求预测\n"
	for _, tt := range []struct{ para, want string }{
		{"各类场所配置原则：物流园区停车场配建充电设施的车位比例不低于20%。", "20 % >= - 2030"},
		{"县域交通需要强化区域互联。总体目标：建成立体交通网。实现行政村通客车率100%。", "100 % = - 2030"},
		{"预计到2030年，电动汽车渗透率约15%。", "? 15 % approx - 2030"},
	} {
		doc, err := ingestText(head+tt.para+"\n", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := readings(doc.Indicators); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.para, got, tt.want)
		}
	}
}
