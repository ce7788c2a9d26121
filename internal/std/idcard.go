package std

import (
	"strings"
	"time"
)

// IDError says why a citizen ID number is invalid; Code is an i18n key.
type IDError struct{ Code string }

func (e *IDError) Error() string { return "std: " + e.Code }

// CitizenID is a parsed 18-character citizen identity number (GB 11643-1999).
type CitizenID struct {
	Number string    // normalized: upper-case X
	Region string    // the 6-digit address code at issue (may be a code since retired)
	Birth  time.Time // date of birth, UTC midnight
	Male   bool      // the sequence number is odd for men
}

// idWeights are 2^(17-i) mod 11, the weights of GB 11643's check digit.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheck maps the weighted sum mod 11 to the check character.
const idCheck = "10X98765432"

// ParseCitizenID validates s (spaces trimmed, a lower-case x accepted) and
// returns its parts. now bounds the birth date. The address code is checked
// only at the province level: numbers keep the code of the county that
// issued them even after that county was renamed or merged.
func ParseCitizenID(s string, now time.Time) (CitizenID, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 18 {
		return CitizenID{}, &IDError{"id.length"}
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return CitizenID{}, &IDError{"id.format"}
		}
		sum += int(c-'0') * idWeights[i]
	}
	if c := s[17]; !(c >= '0' && c <= '9' || c == 'X') {
		return CitizenID{}, &IDError{"id.format"}
	}
	if _, ok := Regions().Lookup(s[:2] + "0000"); !ok {
		return CitizenID{}, &IDError{"id.region"}
	}
	birth, err := time.Parse("20060102", s[6:14])
	if err != nil || birth.Year() < 1900 || birth.After(now) {
		return CitizenID{}, &IDError{"id.birth"}
	}
	if s[17] != idCheck[sum%11] {
		return CitizenID{}, &IDError{"id.check"}
	}
	return CitizenID{Number: s, Region: s[:6], Birth: birth, Male: (s[16]-'0')%2 == 1}, nil
}

// CitizenIDCheckDigit returns the check character for the first 17 digits
// (for building synthetic test and demo numbers).
func CitizenIDCheckDigit(first17 string) byte {
	sum := 0
	for i := 0; i < 17 && i < len(first17); i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheck[sum%11]
}
