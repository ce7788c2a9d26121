package std

import "strings"

// The 31 characters of GB 32100-2015, in value order (no I, O, S, V, Z).
const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccWeights are 3^i mod 31.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCCError says why a unified social credit code is invalid.
type USCCError struct{ Code string }

func (e *USCCError) Error() string { return "std: " + e.Code }

// CheckUSCC validates an 18-character unified social credit code
// (统一社会信用代码, GB 32100-2015) and returns it normalized.
func CheckUSCC(s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 18 {
		return "", &USCCError{"uscc.length"}
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccChars, s[i])
		if v < 0 {
			return "", &USCCError{"uscc.format"}
		}
		sum += v * usccWeights[i]
	}
	for i := 2; i < 8; i++ { // the administrative region code is digits
		if s[i] < '0' || s[i] > '9' {
			return "", &USCCError{"uscc.format"}
		}
	}
	got := strings.IndexByte(usccChars, s[17])
	if got < 0 {
		return "", &USCCError{"uscc.format"}
	}
	if got != (31-sum%31)%31 {
		return "", &USCCError{"uscc.check"}
	}
	return s, nil
}

// USCCCheckChar returns the check character for the first 17 characters.
func USCCCheckChar(first17 string) byte {
	sum := 0
	for i := 0; i < 17 && i < len(first17); i++ {
		sum += strings.IndexByte(usccChars, first17[i]) * usccWeights[i]
	}
	return usccChars[(31-sum%31)%31]
}
