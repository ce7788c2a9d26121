package demo

// DisciplineNames lists the discipline names the demo gives people, for
// tests that import a table holding them.
func DisciplineNames() []string {
	var out []string
	seen := map[string]bool{}
	for _, names := range fieldsOf {
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}
