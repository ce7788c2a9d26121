package std

import (
	"errors"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// synthetic builds a valid number from its first 17 digits.
func synthetic(first17 string) string { return first17 + string(CitizenIDCheckDigit(first17)) }

func TestCitizenID(t *testing.T) {
	good := synthetic("51040219850312201") // 攀枝花市东区, 1985-03-12, sequence 201 (odd: male)
	id, err := ParseCitizenID(" "+good+" ", now)
	if err != nil {
		t.Fatalf("valid number refused: %v", err)
	}
	if !id.Male || id.Birth.Format("2006-01-02") != "1985-03-12" || id.Region != "510402" {
		t.Errorf("parsed %+v", id)
	}
	// The published sample number of GB 11643 (11010519491231002X) is valid.
	if _, err := ParseCitizenID("11010519491231002x", now); err != nil {
		t.Errorf("standard's example: %v", err)
	}
	wrongCheck := good[:17] + string("0123456789X"[(indexOf(good[17])+1)%11])
	tests := []struct{ in, code string }{
		{"5104021985031220", "id.length"},
		{"51040219850312201Y", "id.format"},
		{"5104021985O312201X", "id.format"},
		{synthetic("99040219850312201"), "id.region"},
		{synthetic("51040219850230201"), "id.birth"},
		{synthetic("51040230000101201"), "id.birth"},
		{wrongCheck, "id.check"},
	}
	for _, tt := range tests {
		var e *IDError
		if _, err := ParseCitizenID(tt.in, now); !errors.As(err, &e) || e.Code != tt.code {
			t.Errorf("ParseCitizenID(%q) = %v, want %s", tt.in, err, tt.code)
		}
	}
}

func indexOf(c byte) int {
	for i, x := range []byte("0123456789X") {
		if x == c {
			return i
		}
	}
	return 0
}

func TestUSCC(t *testing.T) {
	first := "91510400MA62X5L8T"
	good := first + string(USCCCheckChar(first))
	if got, err := CheckUSCC(" " + good); err != nil || got != good {
		t.Fatalf("valid code: %q %v", got, err)
	}
	bad := []struct{ in, code string }{
		{"9151040", "uscc.length"},
		{"91510400MA62X5L8TI", "uscc.format"},
		{"9151AB00MA62X5L8T0", "uscc.format"},
	}
	for _, tt := range bad {
		var e *USCCError
		if _, err := CheckUSCC(tt.in); !errors.As(err, &e) || e.Code != tt.code {
			t.Errorf("CheckUSCC(%q) = %v, want %s", tt.in, err, tt.code)
		}
	}
	for _, c := range usccChars {
		if byte(c) == good[17] {
			continue
		}
		var e *USCCError
		if _, err := CheckUSCC(good[:17] + string(c)); !errors.As(err, &e) || e.Code != "uscc.check" {
			t.Errorf("wrong check char %c accepted", c)
		}
	}
}

func TestMobile(t *testing.T) {
	for in, want := range map[string]string{"13812345678": "13812345678", "+86 138-1234-5678": "13812345678", "8619912345678": "19912345678"} {
		if got, ok := NormalizeMobile(in); !ok || got != want {
			t.Errorf("NormalizeMobile(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"12812345678", "1381234567", "138123456789", "0812-1234567", "1381234567a"} {
		if _, ok := NormalizeMobile(in); ok {
			t.Errorf("NormalizeMobile(%q) accepted", in)
		}
	}
}

func FuzzCitizenID(f *testing.F) {
	f.Add("11010519491231002X")
	f.Add("51040219850312201x")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseCitizenID(s, now)
		if err != nil {
			return
		}
		// Whatever is accepted re-validates and has the right check digit.
		if id.Number[17] != CitizenIDCheckDigit(id.Number[:17]) {
			t.Fatalf("accepted %q with a wrong check digit", s)
		}
		if _, err := ParseCitizenID(id.Number, now); err != nil {
			t.Fatalf("normalized %q no longer valid: %v", id.Number, err)
		}
	})
}

func FuzzUSCC(f *testing.F) {
	f.Add("91510400MA62X5L8T0")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := CheckUSCC(s)
		if err != nil {
			return
		}
		if got[17] != USCCCheckChar(got[:17]) {
			t.Fatalf("accepted %q with a wrong check character", s)
		}
	})
}
