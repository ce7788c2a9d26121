package plan

import (
	"regexp"
	"strings"
)

// reBuiltBefore is a year that dates what is counted by when it was built
// or registered (2016年前建设的4万户…设施, 2000年底前建成的老旧小区, 2005年底前
// 注册营运的黄标车): a relative clause of the thing, neither a deadline of the
// sentence nor a word of its past (tune34-P). Only a relative clause, the
// verb's 的 after it: 2025年底前建成5个示范城市 is a deadline.
var reBuiltBefore = regexp.MustCompile(`(?:19|20)\d\d ?年(?:底|末)?(?:以前|之前|前)(?:建成|建设|建造|投用|投运|投产|竣工|出厂|注册|购置|登记)\p{Han}{0,2}的`)

// withoutBuiltBefore is s without the years reBuiltBefore reads.
func withoutBuiltBefore(s string) string {
	if !strings.Contains(s, "前") || !reBuiltBefore.MatchString(s) {
		return s // (no copy: most sentences date nothing so)
	}
	return reBuiltBefore.ReplaceAllString(s, "")
}
