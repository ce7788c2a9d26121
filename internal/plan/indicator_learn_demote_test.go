package plan

import "testing"

// demoteText is a plan written for this test (learn5): plain tasks in a
// task section, counts in Chinese numerals and small ranges — the readings
// the model doubts on kinds of document it has not seen.
const demoteText = `某县科学技术协会青少年科学素质提升三年行动计划（2026—2028年）

一、总体要求
以提升青少年科学素质为目标，统筹校内外科普资源，推动科学教育高质量发展。

二、重点任务
（一）建设科学教育阵地。到2028年，建成青少年科技馆两座，每个乡镇建成科普活动室不少于一处。
（二）培育科技辅导员队伍。组建县级科技辅导员队伍十支，遴选骨干科技辅导员二十名。
（三）开展科学实践活动。组织科学营活动五十场以上。
（四）推动项目建设。支持科学教育特色项目十批，认定科普示范学校二十所。
（五）开展研学活动。开通科普研学线路两条，培训科学教师500人次。
（六）壮大志愿力量。组建科技志愿服务队两支，每年引进约二十批科普服务项目，选拔2-3人青年科技人才。
（七）完善基地布局。建成至少两座科普教育基地，认定超过两个学会服务站，布局科普惠民项目十项。
（八）深化交流合作。举办骨干学术交流会二十次，支持学会创新项目5-8批，年均认定2～3座科普示范站。

三、保障措施
加强组织领导，落实经费保障，确保各项任务按期完成。
`

// TestDemoteScore: a reading the rules assert is proposed exactly when the
// model scores it below DemoteScore; were the line below DoubtfulScore
// (learn5's 0.1, D117), one scored between them would stay asserted.
func TestDemoteScore(t *testing.T) {
	if len(learned()) == 0 {
		t.Fatal("no model embedded") // (the shipped models are two since D143: the score is theirs together)
	}
	plain, err := ingestText(demoteText, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingestText(demoteText, learnFor())
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != len(plain.Indicators) {
		t.Fatalf("%d targets with the model, %d without", len(doc.Indicators), len(plain.Indicators))
	}
	kept, demoted := 0, 0
	for i, ind := range doc.Indicators {
		if plain.Indicators[i].Candidate {
			continue // the rules' own proposal (D100 may assert it)
		}
		s := *ind.Score
		if ind.Candidate != (s < DemoteScore) {
			t.Errorf("%s: scored %.3f, proposed %v", ind.Text, s, ind.Candidate)
		}
		switch {
		case s < DemoteScore:
			demoted++
		case s < DoubtfulScore:
			kept++
		}
	}
	if demoted == 0 || DemoteScore < DoubtfulScore && kept == 0 {
		t.Errorf("%d readings scored between %.1f and %.1f, %d below: the text no longer tests the line", kept, DemoteScore, DoubtfulScore, demoted)
	}
}
