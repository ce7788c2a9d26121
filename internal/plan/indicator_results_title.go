package plan

import "strings"

// periodResultsTitle reports the title of a part that sums up the results
// of a period (“十三五”期间发展成果, 五年来建设成果): 成果 is its head and a
// period (期间, 时期, 以来) what it is of — achievements. Results a verb
// governs (巩固拓展发展成果, 推动成果转化) are a task's.
func periodResultsTitle(t string) bool {
	t = strings.TrimRight(t, " ")
	if !strings.HasSuffix(t, "成果") {
		return false
	}
	head := strings.TrimSuffix(t, "成果")
	return has(head, []string{"期间", "时期", "以来"}) && !has(head, []string{"巩固", "拓展", "转化", "共享", "扩大", "深化"})
}
