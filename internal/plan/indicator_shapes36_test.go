package plan

import (
	"strings"
	"testing"
)

// Shapes of the documents heldout23, 24, 26 and 28 held (development since
// D168), each as sentences of our own (tune36-T).

// A sum said for each unit of length, area or head (不得低于每年每公里1万元)
// is a standard of spending, no total the plan commits to — but a standard
// raised to it is read as before (proposed, as a subsidy's standard is).
func TestShapes36Sentences(t *testing.T) {
	const head = "某区科普设施整治三年行动方案（2026—2028年）\n一、工作目标\n"
	checkSentences(t, head, []sentenceCase{
		{"区级财政用于科普长廊养护的资金不得低于每年每公里1万元，社区科普长廊每年每公里5000元。", ""},
		{"科普经费保障标准提高到每人每年24元。", "? 24 元 = year 2028"},
	})
}

// 完成 before 现有 opens the object of the work (2年内完成现有31条…的治理
// 任务): what the plan's years are to finish, not where things stand. Read
// as shipped (the learned model weighs the sentence's cue of the past),
// main proposed the first and last as reports.
func TestExistingAfterDone(t *testing.T) {
	const text = "某区科普长廊综合治理三年行动方案（2026—2028年）\n\n一、指导思想\n\n以人民为中心，切实解决突出问题，建立健全常态化管理机制。\n\n" +
		"二、工作目标\n\n按照“立项一批、建设一批、完成一批”的推进计划，到2028年，实现科普长廊面貌整体改善、长效治理机制基本建立的目标。\n\n" +
		"2年内完成现有31条街道托底管理类的“科普长廊”治理任务。\n\n3年内完成16条自治管理类、2条移交接管类的“科普长廊”治理任务。\n\n" +
		"三、主要任务\n\n1.移交接管类\n\n由区管理部门接管，同步开展接管养护等工作。以移交给区接管部门为目标，3年内完成现有2条移交接管类的“科普长廊”治理任务。\n"
	got := joinedReadings(t, text)
	want := "31 条 = - 2027 | 16 条 = - 2028 | 2 条 = - 2028 | 2 条 = - 2028"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// A plan's glossary (《纲要》有关名词解释 and its numbered entries) says what
// the plan's names stand for: what it reads there is proposed, never
// asserted. A table of contents naming the glossary (附件：名词解释, no
// entry after it) leaves the text after it as it was, and an annex after the
// glossary (附表) is no part of it.
func TestGlossaryProposes(t *testing.T) {
	text := "某区科普事业发展“十五五”规划纲要\n\n目录\n\n附件：名词解释\n\n某区科普事业发展“十五五”规划纲要\n\n一、发展目标\n\n到2030年，建成科普场馆20个。\n\n" +
		"《纲要》有关名词解释\n\n1.“105”工程：推进5项行动，每项行动产生不少于10项成果，包括：组织10个科普教研组开展实践、打造10支科普讲解团队。\n\n" +
		"2.科普驿站：面向社区的科普服务点位。\n\n附表\n\n二、重点项目\n\n到2030年，新建科普驿站30个。\n"
	checkReadings(t, readingsOf(t, text), "20个:asserted", "5项:proposed", "10项:proposed", "10个:proposed", "10支:proposed", "30个:asserted")
}

// A plan written in 2024 (〔2024〕) whose span is read as the 十五五's
// (2026年至2030年) was written while the 十四五 ran: its part titled
// “十四五”时期重点任务 is a plan, no review of a span ended (D165's rule
// measures by the plan's start, or the year the document was written in
// if earlier). Main proposed its two targets as reports.
func TestSpanEndedByWriting(t *testing.T) {
	const text = "某区人民政府办公室关于转发《某区科普设施全域建设实施方案》的通知\n\n某府办发〔2024〕23号\n\n各街镇：\n\n《某区科普设施全域建设实施方案》已经区政府同意，现转发给你们，请认真按照执行。\n\n某区人民政府办公室\n\n2024年10月10日\n\n某区科普设施全域建设实施方案\n\n为推进科普设施建设，制定本实施方案。\n\n一、工作目标\n\n到2030年底，80个以上社区达到科普设施建设要求。\n\n“十五五”达标计划：2026年至2030年，逐年推进其余社区科普设施达标评估，完成“十五五”期间科普设施达标建设要求。\n\n二、重点任务\n\n（一）“十四五”时期重点任务\n\n新建科普驿站50个，改造科普长廊90公里。\n\n（二）“十五五”时期重点任务\n\n新建科普驿站60个。\n"
	got := joinedReadings(t, text)
	want := "80 个 >= - 2030 | 50 个 = - 2030 | 90 公里 = - 2030 | 60 个 = - 2030"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	past := strings.Replace(strings.Replace(text, "〔2024〕", "〔2026〕", 1), "2024年10月10日", "2026年1月10日", 1)
	got = joinedReadings(t, past)
	if want := "80 个 >= - 2030 | ? 50 个 = - 2030 | ? 90 公里 = - 2030 | 60 个 = - 2030"; got != want {
		t.Errorf("written in 2026: got  %q\nwant %q", got, want)
	}
}

// joinedReadings is readDoc's reading with the learned model, as Ingest
// reads a text: its targets' readings in order, joined with " | ".
func joinedReadings(t *testing.T, text string) string {
	t.Helper()
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return readings(doc.Indicators)
}
