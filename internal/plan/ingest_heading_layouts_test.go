package plan

import (
	"fmt"
	"strings"
	"testing"
)

// The ways Chinese plans and government web pages lay out their heading
// levels, each in a plan of our own (testdata/plans/layouts, invented
// content in the formats Kexie reads): every section depth first as
// "level number title" and the span it quotes.
func TestSectionLayouts(t *testing.T) {
	tests := []struct {
		name     string
		sections []string
	}{
		// a PDF's numbers alone on their lines (第一章, 一、) with the title on the next line, a
		// page's number and header between them
		{"layouts/bianhao_dandu.txt", []string{
			`1 第一章 总则 "第一章"`,
			`1 第二章 创建目标 "第二章"`,
			`2 一 总体目标 "一、"`,
			`2 二 具体指标 "二、"`,
		}},
		// a plan set as a table (a task list as a web page gives it): its parts headed by rows
		// of one cell (| 一、科普阵地建设 |, | （一）社区科普站 |)
		{"layouts/biaoge_fenlei.md", []string{
			`1 一 科普阵地建设 "一、科普阵地建设"`,
			`2 (一) 社区科普站 "（一）社区科普站"`,
			`2 (二) 科普基地 "（二）科普基地"`,
			`1 二 科普活动开展 "二、科普活动开展"`,
			`2 (一) 品牌活动 "（一）品牌活动"`,
		}},
		// 第一部分 above 一、, and the full order of GB/T 9704 below it: 一、（一）1.（1）① with
		// full-width digits and marks (１． ２、 （１）) beside half-width ones
		{"layouts/bufen_wuji.txt", []string{
			`1 第一部分 2026年工作总结 "第一部分\u30002026年工作总结"`,
			`2 一 学会服务能力持续提升 "一、学会服务能力持续提升"`,
			`2 二 科学普及深入基层 "二、科学普及深入基层"`,
			`1 第二部分 2027年工作要点 "第二部分\u30002027年工作要点"`,
			`2 一 强化思想引领 "一、强化思想引领"`,
			`3 (一) 加强科技工作者联系服务 "（一）加强科技工作者联系服务"`,
			`4 1 建好科技工作者之家 "１．建好科技工作者之家"`,
			`5 (1) 完善服务阵地 "（１）完善服务阵地"`,
			`5 (2) 丰富服务内容 "（２）丰富服务内容"`,
			`6 ① 开展“送科技下乡”活动不少于20场 "①开展“送科技下乡”活动不少于20场"`,
			`6 ② 举办科技工作者座谈会4次 "②举办科技工作者座谈会4次"`,
			`4 2 开展科学家精神宣讲 "２、开展科学家精神宣讲"`,
			`5 (1) 组建宣讲团 "(1)组建宣讲团"`,
			`5 (2) 深入学校宣讲 "(2) 深入学校宣讲"`,
			`3 (二) 弘扬科学家精神 "（二）弘扬科学家精神"`,
			`4 1 建设科学家精神教育基地 "1.建设科学家精神教育基地"`,
			`2 二 提升科普服务水平 "二、提升科普服务水平"`,
			`3 (一) 实施科普惠农工程 "（一）实施科普惠农工程"`,
			`4 1 培育农村科普带头人 "1．培育农村科普带头人"`,
		}},
		// a document that nests its styles in an order of its own: （一） below 1．
		{"layouts/daozhi_cengji.txt", []string{
			`1 一 加强政治引领 "一、加强政治引领"`,
			`2 1 深化思想引领 "1．深化思想引领"`,
			`3 (一) 开展主题宣讲 "（一）开展主题宣讲"`,
			`3 (二) 选树先进典型 "（二）选树先进典型"`,
			`2 2 加强组织建设 "2．加强组织建设"`,
			`3 (一) 推进“两个覆盖” "（一）推进“两个覆盖”"`,
			`3 (二) 建强基层组织 "（二）建强基层组织"`,
			`1 二 提升服务能力 "二、提升服务能力"`,
			`2 1 服务企业创新 "1．服务企业创新"`,
			`2 2 服务乡村振兴 "2．服务乡村振兴"`,
		}},
		// Markdown heading marks, list marks and bold together (### **一、…**, - **1. …**),
		// bold around the title only, a space before 、
		{"layouts/jiacu_biaoti.md", []string{
			`1 一 活动主题 "一、活动主题"`,
			`1 二 主要活动 "二、主要活动"`,
			`2 (一) 启动仪式 "（一）启动仪式"`,
			`2 (二) 科普展览 "（二）**科普展览"`,
			`3 1 线上展览 "1. 线上展览"`,
			`3 2 线下展览 "2. 线下展览"`,
			`1 三 组织保障 "三 、组织保障"`,
			`2 (一) 加强领导 "（一） 加强领导"`,
		}},
		// a web editor's ordered lists (<ol style="list-style-type: cjk-ideographic"> and <ol>
		// inside its items): the numbers a browser draws, not in the text
		{"layouts/liebiao.html", []string{
			`1 一 打造品牌学术活动 "一、打造品牌学术活动"`,
			`2 1 办好桐江学术年会 "1.办好桐江学术年会"`,
			`2 2 举办青年科学家论坛 "2.举办青年科学家论坛"`,
			`1 二 提升学会学术能力 "二、提升学会学术能力"`,
			`2 1 支持学会办刊 "1.支持学会办刊"`,
		}},
		// a web page's table of contents as links, then Markdown headings ## 一、 ### （一）
		{"layouts/mulu_wangye.md", []string{
			`1 一 建设目标 "一、建设目标"`,
			`1 二 建设任务 "二、建设任务"`,
			`2 (一) 新建一批基地 "（一）新建一批基地"`,
			`2 (二) 提升一批基地 "（二）提升一批基地"`,
			`1 三 管理措施 "三、管理措施"`,
		}},
		// a table of contents that repeats 一、 and （一） without page numbers
		{"layouts/mulu_yiji.txt", []string{
			`1 一 总体要求 "一、总体要求"`,
			`2 (一) 指导思想 "（一）指导思想"`,
			`2 (二) 工作目标 "（二）工作目标"`,
			`1 二 重点任务 "二、重点任务"`,
			`2 (一) 壮大科技志愿者队伍 "（一）壮大科技志愿者队伍"`,
			`2 (二) 打造服务品牌 "（二）打造服务品牌"`,
			`1 三 保障措施 "三、保障措施"`,
		}},
		// a PDF's text layer: headings that end in a full stop, a long title the page broke
		// over two lines, a page's number and header between a heading and its text
		{"layouts/pdf_wenben.txt", []string{
			`1 一 总体目标 "一、总体目标"`,
			`1 二 推动企业创新主体地位与研发能力同步提升 "二、推动企业创新主体地位与研发能力"`,
			`2 (一) 培育科技型企业 "（一）培育科技型企业"`,
			`2 (二) 建设研发平台 "（二）建设研发平台"`,
			`1 三 加强创新人才引育 "三、加强创新人才引育"`,
			`2 (一) 引进高层次人才 "（一）引进高层次人才"`,
			`2 (二) 培育本土人才 "（二）培育本土人才"`,
			`1 四 保障措施 "四、保障措施"`,
			`2 (一) 加强组织领导 "（一）加强组织领导"`,
			`2 (二) 加大资金投入 "（二）加大资金投入"`,
		}},
		// levels skipped (一、 straight to 1.), a list a colon opens whose items are sentences
		// (no headings), 一是…二是…, the list of annexes, and an annex with its own 一、
		{"layouts/tiaoji_qingdan.txt", []string{
			`1 一 主要目标 "一、主要目标"`,
			`1 二 重点任务 "二、重点任务"`,
			`2 1 建设科技创新实验室 "1.建设科技创新实验室"`,
			`2 2 培养科技辅导员队伍 "2.培养科技辅导员队伍"`,
			`3 (1) 开展专题培训 "（1）开展专题培训"`,
			`3 (2) 组织教学竞赛 "（2）组织教学竞赛"`,
			`2 3 举办青少年科技创新大赛 "3.举办青少年科技创新大赛"`,
			`1 三 保障措施 "三、保障措施"`,
			`1 一 实验室建设 "一、实验室建设"`,
			`2 1 制定实验室建设标准 "1. 制定实验室建设标准"`,
			`2 2 分批建成实验室50个 "2. 分批建成实验室50个"`,
			`1 二 队伍建设 "二、队伍建设"`,
			`2 1 培训科技辅导员500名 "1. 培训科技辅导员500名"`,
		}},
		// a web page: bold headings run into their text, a 专栏 box as a one-cell table whose
		// items a <br> joined, an annex (附件1, a section of its own) with its own numbering
		{"layouts/wangye.html", []string{
			`1 一 主要目标 "一、主要目标"`,
			`1 二 重点行动 "二、重点行动"`,
			`2 (一) 青少年科学素质提升行动 "（一）青少年科学素质提升行动"`,
			`2 (二) 农民科学素质提升行动 "（二）农民科学素质提升行动"`,
			`3 专栏2 农民科学素质提升工程 "专栏2\u3000农民科学素质提升工程"`,
			`4 1 乡村科普带头人培育 "1.乡村科普带头人培育"`,
			`4 2 科普大篷车进乡村 "2.科普大篷车进乡村"`,
			`2 (三) 老年人科学素质提升行动 "（三）老年人科学素质提升行动"`,
			`1 三 组织实施 "三、组织实施"`,
			`2 (一) 加强组织领导 "（一）加强组织领导"`,
			`2 (二) 强化监测评估 "（二）强化监测评估"`,
			`1 附件1 东川市全民科学素质提升行动重点任务分工 "附件1"`, // (the annex closes the plan's last section: D137)
			`1 一 青少年科学素质提升行动 "一、青少年科学素质提升行动"`,
			`2 1 组织青少年科技活动 "1.组织青少年科技活动"`,
			`1 二 农民科学素质提升行动 "二、农民科学素质提升行动"`,
			`2 1 培训高素质农民 "1.培训高素质农民"`,
		}},
		// a web page saved as Markdown: #### headings, bold run-in headings, a 专栏 box in a
		// quote with its own 1. 2., **三、**保障措施
		{"layouts/wangye.md", []string{
			`1 一 总体要求 "一、总体要求"`,
			`2 (一) 指导思想 "（一）指导思想"`,
			`2 (二) 发展目标 "（二）发展目标"`,
			`1 二 重点任务 "二、重点任务"`,
			`2 (一) 提升学术交流质量 "（一）提升学术交流质量"`,
			`2 (二) 加强学会组织建设 "（二）加强学会组织建设"`,
			`3 1 完善学会治理 "1. 完善学会治理"`,
			`3 2 壮大会员队伍 "2. 壮大会员队伍"`,
			`3 专栏1 学会能力提升工程 "专栏1\u3000学会能力提升工程"`,
			`4 1 示范学会建设 "1.示范学会建设"`,
			`4 2 青年人才托举 "2.青年人才托举"`,
			`2 (三) 深化学会开放合作 "（三）深化学会开放合作"`,
			`1 三 保障措施 "三、**保障措施"`,
			`2 (一) 加强组织领导 "（一）加强组织领导"`,
			`2 (二) 强化经费保障 "（二）强化经费保障"`,
		}},
		// a page saved as Markdown whose headings carry no number (## 总体要求, ### …): read
		// by their marks since nothing is numbered (it was refused)
		{"layouts/wuhao_biaoti.md", []string{
			`1 总体要求 总体要求 "总体要求"`,
			`1 重点工作 重点工作 "重点工作"`,
			`2 科普阵地建设 科普阵地建设 "科普阵地建设"`,
			`2 科普队伍建设 科普队伍建设 "科普队伍建设"`,
			`1 工作要求 工作要求 "工作要求"`,
		}},
		// a line a page with 1. and （1） after a bare space: the next of their style, or the
		// first just after a heading above; a title ends at its space
		{"layouts/yiye_shuzi.txt", []string{
			`1 一 重点任务 "一、重点任务"`,
			`2 1 建设公共充电站 "1.建设公共充电站"`,
			`2 2 改造小区充电设施 "2.改造小区充电设施"`,
			`3 (1) 开展摸底 "（1）开展摸底"`,
			`3 (2) 分批改造 "（2）分批改造"`,
			`2 3 提升运营水平 "3.提升运营水平"`,
			`1 二 保障措施 "二、保障措施"`,
			`2 1 强化资金保障 "1.强化资金保障"`,
		}},
		// a line a page whose headings follow no full stop: 一、 and （一） after a bare space, read
		// in their sequence; a title ends at its space when a figure follows (known limit: not
		// when none does)
		{"layouts/yiye_wuju.txt", []string{
			`1 一 发展目标 "一、发展目标"`,
			`1 二 重点任务 "二、重点任务"`,
			`2 (一) 科学规划布局 "（一）科学规划布局"`,
			`2 (二) 合理选址布点 "（二）合理选址布点"`,
			`2 (三) 提升运营水平 "（三）提升运营水平"`,
			`1 三 保障措施 "三、保障措施"`,
			`2 (一) 强化用地保障 将充电站纳入国土空间规划 "（一）强化用地保障 将充电站纳入国土空间规划"`,
			`2 (二) 加大资金支持 对新建充电站给予补助 "（二）加大资金支持 对新建充电站给予补助"`,
		}},
		// a PDF saved one line a page: 一、 （一） 1. and （1） run into the line before, after a
		// full stop, a title and a space, or a units' bracket; a list after a colon stays text
		{"layouts/yiye_yihang.txt", []string{
			`1 一 工作目标 "一、工作目标"`,
			`1 二 重点任务 "二、重点任务"`,
			`2 (一) 建设社区科普阵地 "（一）建设社区科普阵地"`,
			`3 1 建设社区科普大学 "1.建设社区科普大学"`,
			`3 2 建设科普e站 "2.建设科普e站"`,
			`3 3 打造科普示范社区 "3.打造科普示范社区"`,
			`2 (二) 发展科普基地 "（二）发展科普基地"`,
			`3 1 新认定一批科普基地 "1.新认定一批科普基地"`,
			`4 (1) 开展基地评估 "（1）开展基地评估"`,
			`4 (2) 加强基地培训 "（2）加强基地培训"`,
			`3 2 推动基地开放 "2.推动基地开放"`,
			`1 三 保障措施 "三、保障措施"`,
			`2 (一) 加强组织领导 "（一）加强组织领导"`,
			`2 (二) 加强经费保障 "（二）加强经费保障"`,
		}},
		// a 通知 wrapper, a 目录 with dotted leaders and page numbers, 第一章/第一节 above 一、,
		// page numbers and the header of a PDF between a heading and its text
		{"layouts/zhangjie_mulu.txt", []string{
			`1 第一章 发展基础 "第一章\u3000发展基础"`,
			`1 第二章 总体要求 "第二章\u3000总体要求"`,
			`2 第一节 指导思想 "第一节\u3000指导思想"`,
			`2 第二节 发展目标 "第二节\u3000发展目标"`,
			`1 第三章 重点任务 "第三章\u3000重点任务"`,
			`2 第一节 夯实科普基础设施 "第一节\u3000夯实科普基础设施"`,
			`3 一 建设科技馆体系 "一、建设科技馆体系"`,
			`3 二 发展数字科普 "二、发展数字科普"`,
			`2 第二节 壮大科普人才队伍 "第二节\u3000壮大科普人才队伍"`,
			`3 一 培育科普讲解员 "一、培育科普讲解员"`,
			`3 二 发展科技志愿者 "二、发展科技志愿者"`,
			`1 第四章 保障措施 "第四章\u3000保障措施"`,
			`2 一 加强组织领导 "一、加强组织领导"`,
			`2 二 加大经费投入 "二、加大经费投入"`,
		}},
		// a 规划 saved one line a page: 第一章, 第一节 and 一、 run in after a full stop or a
		// title and a space, a sentence after a title that opens with a quotation
		{"layouts/zhangjie_yihang.txt", []string{
			`1 第一章 发展基础 "第一章 发展基础"`,
			`1 第二章 总体要求 "第二章 总体要求"`,
			`2 第一节 指导思想 "第一节 指导思想"`,
			`2 第二节 发展目标 "第二节 发展目标"`,
			`1 第三章 重点任务 "第三章 重点任务"`,
			`2 第一节 完善场馆体系 "第一节 完善场馆体系"`,
			`3 一 建设区县科技馆 "一、建设区县科技馆"`,
			`3 二 建设流动科技馆 "二、建设流动科技馆"`,
			`2 第二节 提升展教能力 "第二节 提升展教能力"`,
			`3 一 更新展品 "一、更新展品"`,
		}},
		// a 专栏 box in a Markdown quote between the items of the text: the text's 3. after the
		// quote goes on its 1. 2., not the box's
		{"layouts/zhuanlan_yinyong.md", []string{
			`1 一 重点任务 "一、重点任务"`,
			`2 1 完善学会治理 "1. 完善学会治理"`,
			`2 2 壮大会员队伍 "2. 壮大会员队伍"`,
			`2 专栏1 学会能力提升工程 "专栏1\u3000学会能力提升工程"`,
			`3 1 示范学会建设 "1.示范学会建设"`,
			`3 2 青年人才托举 "2.青年人才托举"`,
			`2 3 深化开放合作 "3. 深化开放合作"`,
			`1 二 保障措施 "二、保障措施"`,
		}},
		// a Markdown converter's escapes in the numbers (1\. 推进…, \(1\) 建设…)
		{"layouts/zhuanyi.md", []string{
			`1 1 推进科普阵地建设 "1\\. 推进科普阵地建设"`,
			`2 (1) 建设科普e站 "\\(1\\) 建设科普e站"`,
			`2 (2) 提升科普画廊 "\\(2\\) 提升科普画廊"`,
			`1 2 加强科普队伍建设 "2\\. 加强科普队伍建设"`,
			`1 3 开展品牌科普活动 "3\\. 开展品牌科普活动"`,
		}},
		// a .docx whose headings Word numbers itself (w:numPr, in the paragraph or its style):
		// no number in the text; a bulleted list stays text
		{"layouts/zidong_bianhao.docx", []string{
			`1 一 总体目标 "一、总体目标"`,
			`1 二 重点任务 "二、重点任务"`,
			`2 (一) 实施科学课程提升计划 "（一）实施科学课程提升计划"`,
			`3 1 开发校本课程 "1.开发校本课程"`,
			`3 2 建设实验室 "2.建设实验室"`,
			`4 (1) 开展实验室评估 "（1）开展实验室评估"`,
			`4 (2) 推动实验室开放 "（2）推动实验室开放"`,
			`2 (二) 实施科技辅导员培养计划 "（二）实施科技辅导员培养计划"`,
			`1 三 保障措施 "三、保障措施"`,
			`2 (一) 加强组织领导 "（一）加强组织领导"`,
		}},
	}
	for _, tc := range tests {
		text, doc := ownDoc(t, tc.name)
		rs := []rune(text)
		got := sectionLines(doc, func(s *Section) string {
			return fmt.Sprintf("%d %s %s %q", s.Level, s.Number, s.Title, string(rs[s.Start:s.End]))
		})
		if strings.Join(got, "\n") != strings.Join(tc.sections, "\n") {
			t.Errorf("%s: sections\n got:\n%s\nwant:\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.sections, "\n"))
		}
	}
}
