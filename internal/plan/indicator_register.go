package plan

import "strings"

// A register of projects — a table of each project's name, what it builds,
// where, what it costs and the years it is built in (建设起止年限 2020－2025,
// or 开工时间 and 竣工时间) — lists projects begun or to begin, one row each,
// many already under way: what a row builds is the project's scope, which
// the plan's own goals (装机达到…, 共实施…项目) sum up. Its rows' figures are
// proposed for the reviewer, not asserted. A list that gives each project
// one year to be done by (完成时限 2026年) is the plan's tasks, dated by it
// (rowYear), and stays asserted.

// spanColumns name a register's column of the years a project is built in.
var spanColumns = []string{"起止年限", "建设年限", "起止时间", "建设周期", "实施年限"}

// registerHeader reports a Markdown table's header row of a register of
// projects: it names the project and the span of its building.
func registerHeader(l string) bool {
	if !strings.HasPrefix(strings.TrimSpace(l), "|") || !strings.Contains(l, "项目") {
		return false
	}
	t := strings.NewReplacer("*", "", " ", "", "<br>", "").Replace(l)
	return has(t, spanColumns) || strings.Contains(t, "开工时间") && strings.Contains(t, "竣工")
}

// inRegister reports line l inside a register of projects: its header, or a
// row of the table after it (in: the line before was).
func inRegister(l string, in bool) bool {
	if !strings.HasPrefix(strings.TrimSpace(l), "|") {
		return false
	}
	return in || registerHeader(l)
}
