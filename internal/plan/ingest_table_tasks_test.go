package plan

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// A table of one year's tasks (invented): no column of the tasks' names,
// the year's column titles them (2026年推进任务); rows lack the cells a
// page merged (the field's, the lead's), so the one cell of a quantity
// after the row's number is the year's. Each quantity is due that year,
// not the plan's last.
func TestOneYearTasksTable(t *testing.T) {
	text := `# 某市科普设施更新实施方案

一、工作目标

到2028年，全市科普设施基本完成更新。

二、保障措施

（一）加强统筹。各部门按职责分工推进。

附件1

2026年某市科普设施更新任务清单

| 序号 | 领域 | 2026年推进任务 | 牵头责任部门 |
| --- | --- | --- | --- |
| 1 | 场馆 | 更新科技馆展品120件。 | 市科协 |
| 2 | 新建社区科普站15个。 | 市科协、市教育局 |
| 3 | 改造科普大篷车8辆。 |
| 4 | 教育 | 培训科学教师300名。 | 市教育局 |
`
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	annex := utf8.RuneCountInString(text[:strings.Index(text, "附件1")])
	var got []string
	for _, ind := range doc.Indicators {
		if ind.Candidate || ind.Value == nil || ind.DeadlineYear == nil || ind.Start < annex {
			continue
		}
		got = append(got, fmt.Sprintf("%g%s %d", *ind.Value, ind.Unit, *ind.DeadlineYear))
	}
	want := []string{"120件 2026", "15个 2026", "8辆 2026", "300名 2026"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
