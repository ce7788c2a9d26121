package plan

import "testing"

// A title that names a five-year span ended before the plan starts reviews
// it, whatever its other words (wave 17, tune35-T): a 纲要's chapter on the
// span past (1.“十四五”时期…迈出坚实步伐, 一、顺利实现“十四五”发展目标) holds what
// was achieved, proposed at most; the same title in a plan of that span
// (a 十四五 plan) is its own and read as before.
func TestPastPeriodTitle(t *testing.T) {
	checkSentences(t, "", []sentenceCase{
		{ // the span past, its words of steps taken
			"某区国民经济和社会发展第十五个五年规划纲要\n\n一、把握发展新阶段\n\n1.“十四五”时期新城建设迈出坚实步伐\n\n综合实力再上新台阶。规上工业总产值达到2100亿元，公园数量达到120座。\n\n" +
				"2.“十五五”时期发展目标\n\n到2030年，公园数量达到160座。",
			"? 2100 元×1e+08 = - 2030 | ? 120 座 = - 2030 | 160 座 = - 2030"},
		{ // its goals met, though the title names goals
			"某区国民经济和社会发展第十五个五年规划纲要\n\n第一章 肩负新使命\n\n一、顺利实现“十四五”发展目标\n\n全区地区生产总值突破2100亿元，新增国家级专精特新企业42家。\n\n" +
				"二、“十五五”时期主要目标\n\n到2030年，新增国家级专精特新企业60家。",
			"? 2100 元×1e+08 >= - 2030 | ? 42 家 = - 2030 | 60 家 = - 2030"},
		{ // the span's own plan: its title is its aim
			"某区国民经济和社会发展第十四个五年规划纲要\n\n一、顺利实现“十四五”发展目标\n\n到2025年，新增国家级专精特新企业42家。",
			"42 家 = - 2025"},
	})
}

// What is read as due before the year the document was issued in is
// proposed, not asserted (wave 17, tune35-T): a record of a span that had
// ended when it was written; a target due that year or later, and a
// document with no year of its own, read as before.
func TestPastDue(t *testing.T) {
	checkSentences(t, "", []sentenceCase{
		{ // numbered 〔2022〕: the 十三五's record proposed, the plan's goal asserted
			"某区关于推进社区服务设施建设的实施方案\n\n某府办发〔2022〕15号\n\n一、工作目标\n\n到2025年，全区社区服务设施面积达到30万平方米。\n\n附表1：\n\n“十三五”期间全区社区服务设施建设情况一览表\n\n序号\n\n名    称\n\n地点\n\n面积\n\n建筑面积\n\n1\n\n东江社区服务中心\n\n东江路12号\n\n1.2公顷\n\n4200平方米\n\n2\n\n西岭社区服务中心\n\n西岭路8号\n\n0.9公顷\n\n3600平方米",
			"30 平方米×10000 = - 2025 | ? 1.2 公顷 = - 2020 | ? 4200 平方米 = - 2020 | ? 0.9 公顷 = - 2020 | ? 3600 平方米 = - 2020"},
		{ // no number, no date: as before
			"某区关于推进社区服务设施建设的实施方案\n\n一、工作目标\n\n到2025年，全区社区服务设施面积达到30万平方米。\n\n附表1：\n\n“十三五”期间全区社区服务设施建设情况一览表\n\n序号\n\n名    称\n\n地点\n\n面积\n\n建筑面积\n\n1\n\n东江社区服务中心\n\n东江路12号\n\n1.2公顷\n\n4200平方米\n\n2\n\n西岭社区服务中心\n\n西岭路8号\n\n0.9公顷\n\n3600平方米",
			"30 平方米×10000 = - 2025 | 1.2 公顷 = - 2020 | 4200 平方米 = - 2020 | 0.9 公顷 = - 2020 | 3600 平方米 = - 2020"},
	})
}
