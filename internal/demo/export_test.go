package demo

import "slices"

// DisciplineNames lists the discipline names the demo gives people, in a
// fixed order, for tests that import a table holding them.
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
	slices.Sort(out)
	return out
}

// Short is short, for the test of a city's short name.
var Short = short
