package plan

import (
	"strings"
	"testing"
)

// Wave 31's rules (tune49-T, D228), each on a text of our own.

// A covering notice whose quoted title a PDF's layout broke over two lines
// (关于印发《某省“十四五”\n建设科技发展规划》的通知) names the plan, and so
// its years: not the first line of the body that mentions a plan.
func TestShapes49NoticeTitleBroken(t *testing.T) {
	text := "某省住房和城乡建设厅文件\n\n          某建科通〔2021〕95 号\n\n\n" +
		"某省住房城乡建设厅关于印发《某省“十四五”\n  建设科技发展规划》的通知\n\n" +
		"各市（州）住房和城乡建设局：\n  现将《某省“十四五”建设科技发展规划》印\n发给你们，请认真贯彻执行。\n\n" +
		"                  某省住房和城乡建设厅\n                    2021 年 12 月 23 日\n\n" +
		"某省“十四五”建设科技发展\n\n         规划\n\n" +
		"  本规划是在全面总结我省“十三五”建设科技发展成效的基础上编制的。\n\n" +
		"一、发展目标\n\n  到 2025 年，城镇新建建筑中绿色建筑面积占比达到 100%，新增可再生能源建筑应用面积 400 万平方米以上。\n\n" +
		"二、保障措施\n\n  加强组织领导。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if want := "某省“十四五”建设科技发展规划"; doc.Title != want {
		t.Errorf("title %q, want %q", doc.Title, want)
	}
	if doc.Period.Start == nil || *doc.Period.Start != 2021 || doc.Period.End == nil || *doc.Period.End != 2025 {
		t.Errorf("period %v–%v, want 2021–2025", doc.Period.Start, doc.Period.End)
	}
	wantAsserted(t, text, "100%", "400万平方米")
}

// A notice signed short (某省科协关于印发《某省科学技术协会…规划》的通知,
// the title broken over lines) names its issuer by the full name its title
// gives it, as a title without a notice does.
func TestNoticeIssuerFullKexie(t *testing.T) {
	text := "某省科学技术协会事业发展“十四五”规划(2021-2025年)\n某省科协关于印发《某省科学技术协会\n" +
		"事业发展“十四五”规划(2021-2025年)》的通知\n各市科协：\n现印发给你们，请认真贯彻实施。\n某省科学技术协会\n\n" +
		"一、发展目标\n到2025年，建成科普基地50个。\n二、保障措施\n加强组织领导。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Issuer == nil || *doc.Issuer != "某省科学技术协会" || doc.Title != "某省科学技术协会事业发展“十四五”规划(2021-2025年)" {
		t.Errorf("title %q issuer %v", doc.Title, doc.Issuer)
	}
	if got := fullKexie("某市科协", "某市全民科学素质行动规划"); got != "某市科协" {
		t.Errorf("a title that does not name the 科学技术协会 in full: %q", got)
	}
}

// A least time each day or week (每天…不低于2小时, 每天进行不少于60分钟的…运动,
// 每天要达到3小时…, 每周…不少于3天的…) is a target the plan sets: not a
// qualifier when a 的 follows, not left to the model; a time each day with
// no floor (每天24小时提供服务) stays none, and a bound in days outside a
// week (每年不少于10天) is not this shape.
func TestShapes49LeastTimeEachDay(t *testing.T) {
	text := "某市青少年体质健康促进行动方案（2026—2030年）\n\n一、主要目标\n\n" +
		"保障中小学生每天校内体育活动时间不低于2小时。引导学龄前儿童每天要达到3小时户外活动，" +
		"中小学生每天进行不少于60分钟的中等强度运动，每周进行不少于3天的高强度运动。\n\n" +
		"二、保障措施\n\n开通心理援助热线，每天24小时提供服务。\n"
	wantAsserted(t, text, "2小时", "3小时", "60分钟", "3天")
}

// A share of places or bodies that reach the standard (各区25%以上的城市社区
// 创建达标) or set something up (95%以上的县级医院设置康复医学科) is a target,
// as one that builds something is (90%以上的乡镇建成…); the threshold of a
// class that nothing is done by (对营业收入增长20%以上的企业) stays none.
func TestShapes49ShareOfPlacesDoing(t *testing.T) {
	text := "某市健康社区建设行动方案（2026—2028年）\n\n一、主要目标\n\n" +
		"到2028年，各区25%以上的城市社区创建达标，95%以上的县级医院设置康复医学科，新建社区卫生服务站30个。\n\n" +
		"二、保障措施\n\n对营业收入增长20%以上的企业优先支持。\n"
	wantAsserted(t, text, "25%", "95%", "30个")
}

// A whole number with no unit that a level or an index is brought to
// (两化融合发展水平提升至68。, 全省CSR达到3500以上) is a target, as a decimal
// one is (容载比提升至1.86); a whole number after a rate's name (覆盖率达到40。,
// a scan's lost %) stays none.
func TestShapes49WholeIndexValue(t *testing.T) {
	text := "某省眼健康与信息化发展规划（2026—2030年）\n\n一、主要目标\n\n" +
		"到2030年，全省CSR达到3500以上，两化融合发展水平提升至68。农村广播人口覆盖率达到40。\n\n" +
		"二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "3500", "68")
}

// One thing for each unit a clause names with 每个 (每个区（县）建好1所高水平
// 儿童医院) is a standard of coverage the rules assert; the model, which
// scores this text 0.15, does not demote it.
func TestShapes49OneForEachUnitKept(t *testing.T) {
	text := "某市关于推进儿童医疗卫生服务高质量发展的意见\n\n各区卫生健康委：\n为满足儿童医疗卫生服务需求，提出如下意见。\n" +
		"一、总体要求\n坚持以人民健康为中心。\n二、构建高质量儿童医疗卫生服务体系\n（一）建设高水平儿童医疗服务网络。\n" +
		"每个区（县）建好1所高水平儿童医院。\n"
	wantAsserted(t, text, "1所")
}
