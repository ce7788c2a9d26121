package plan

import (
	"fmt"
	"strings"
	"testing"
)

// A task list pasted from a .docx or a web page (cells apart by tabs:
// 序号, 重点任务, 工作目标, 牵头单位, 完成时限): each target is named by the
// words of its own cell, not the row's, and is due by its row's 完成时限
// where that is one time (2026年6月), else by the plan's deadline.
func TestTabRowCellsAndDueDate(t *testing.T) {
	text := "某市科技创新行动方案（2025—2027年）\n\n一、主要目标\n到2027年，全市科技创新能力显著提升。\n\n附件\n重点任务清单\n" +
		"序号\t重点任务\t工作目标\t牵头单位\t完成时限\n" +
		"1\t建设高水平实验室\t争创全国重点实验室2家，新建市级重点实验室20家\t市科技局\t2027年底\n" +
		"2\t培育科技型企业\t高新技术企业数量达到3000家，每年新增科技型中小企业500家以上\t市科技局、市工信局\t2027年\n" +
		"3\t建设概念验证中心\t建成概念验证中心5个\t市科技局\t2026年6月\n" +
		"4\t深化科技金融\t科技信贷余额年均增长15%\t市金融办\t持续推进\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, fmt.Sprintf("%s %g@%d", ind.Metric, *ind.Value, *ind.DeadlineYear))
	}
	want := "争创全国重点实验室 2@2027|新建市级重点实验室 20@2027|高新技术企业数量 3000@2027|新增科技型中小企业 500@2027|" +
		"建成概念验证中心 5@2026|科技信贷余额增长 15@2027"
	if strings.Join(got, "|") != want {
		t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}
