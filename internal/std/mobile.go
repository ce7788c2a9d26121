package std

import "strings"

// mobileSeparators are what people type between a number's groups.
var mobileSeparators = strings.NewReplacer(" ", "", "-", "", "\u3000", "")

// NormalizeMobile returns a mainland China mobile number as 11 digits, or
// false. It accepts a +86/86/0086 prefix and spaces or hyphens between groups.
func NormalizeMobile(s string) (string, bool) {
	s = mobileSeparators.Replace(strings.TrimSpace(s))
	for _, p := range []string{"+86", "0086", "86"} {
		if strings.HasPrefix(s, p) && len(s) == 11+len(p) {
			s = s[len(p):]
			break
		}
	}
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9' {
		return "", false
	}
	for i := 2; i < 11; i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	return s, true
}
