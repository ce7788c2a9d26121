package estimate

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestReadResponses(t *testing.T) {
	src := "\ufeffid,weight,stratum,psu,gender,q1,q4\n" +
		"a1,1.5,S1,P1,男,B,A|C\n" +
		"a2,2,S1,P2,女,,\"C|A\"\n" +
		"a3,0.5,S2,P1,男,B,A\n"
	rs, err := ReadResponses(strings.NewReader(src), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if rs.Len() != 3 || rs.IDs[1] != "a2" || rs.Weight[0] != 1.5 || len(rs.Columns) != 5 {
		t.Fatalf("got %+v", rs)
	}
	g := rs.Column("gender")
	if g == nil || len(g.Levels) != 2 || strings.Join(g.Values(), ",") != "男,女,男" {
		t.Errorf("gender %+v", g)
	}
	if q := rs.Column("q4"); q.Values()[1] != "C|A" || len(SplitOptions(q.Values()[1])) != 2 {
		t.Errorf("q4 %+v", q)
	}
	if rs.Column("weight") != nil || rs.Column("id") != nil || rs.Column("nope") != nil {
		t.Error("id and weight are not columns; unknown names are nil")
	}
}

func TestReadResponsesRefuses(t *testing.T) {
	long := strings.Repeat("长", 11)
	tests := []struct {
		name, src, key string
		args           []any
	}{
		{"no id column", "code,q1\n1,A\n", "estimate.err.no_id", nil},
		{"blank header", "id,,q1\n1,2,A\n", "estimate.err.header_blank", []any{2}},
		{"repeated header", "id,q1,q1\n1,A,B\n", "estimate.err.header_dup", []any{"q1"}},
		{"repeated id", "id,q1\n1,A\n2,A\n1,B\n", "estimate.err.id_dup", []any{4, "1"}},
		{"blank id", "id,q1\n1,A\n ,A\n", "estimate.err.id_blank", []any{3}},
		{"bad weight", "id,weight\n1,1\n2,0\n", "estimate.err.weight", []any{3, "0"}},
		{"weight not a number", "id,weight\n1,NaN\n", "estimate.err.weight", []any{2, "NaN"}},
		{"field count", "id,q1\n1,A\n2\n", "estimate.err.field_count", []any{3}},
		{"bare quote", "id,q1\n1,A\"B\n", "estimate.err.quote", []any{2}},
		{"not UTF-8", "id,q1\n1,\xff\xfe\n", "estimate.err.utf8", []any{2}},
		{"field too long", "id,q1\n1," + long + "\n", "estimate.err.field_too_long", []any{2, 10}},
		{"too many rows", "id\n1\n2\n3\n4\n", "estimate.err.too_many_rows", []any{3}},
		{"too many columns", "id,a,b,c,d,e\n", "estimate.err.too_many_columns", []any{5}},
		{"no rows", "id,q1\n", "estimate.err.no_rows", nil},
		{"empty file", "", "estimate.err.no_rows", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadResponses(strings.NewReader(tt.src), Limits{MaxRows: 3, MaxColumns: 5, MaxField: 10})
			wantArgs(t, wantKey(t, err, tt.key), tt.args...)
		})
	}
	// A line longer than any the limits allow is refused as it streams in.
	huge := "id,q1\n1,A\n2," + strings.Repeat("x", 5000) + "\n"
	_, err := ReadResponses(strings.NewReader(huge), Limits{MaxColumns: 2, MaxField: 100})
	if e := wantKey(t, err, "estimate.err.line_too_long"); e.Args[0] != 3 || e.Args[1] != 2*403 {
		t.Errorf("args %v", e.Args)
	}
	// The size cap holds even when the bytes would parse.
	var big strings.Builder
	big.WriteString("id\n")
	for i := range 1000 {
		fmt.Fprintf(&big, "%d\n", i)
	}
	_, err = ReadResponses(strings.NewReader(big.String()), Limits{MaxBytes: 100})
	wantKey(t, err, "estimate.err.too_big")
}

// The reader never panics, and what it accepts keeps its promises: ids
// present and unique, weights positive, every value valid UTF-8 within
// the limits, one code per row in every column.
func FuzzReadResponses(f *testing.F) {
	f.Add("id,weight,stratum,psu,gender,q1\n1,1.5,S1,P1,男,A|B\n2,2,S1,P2,女,\n")
	f.Add("\ufeffid,q1\n\"a\",\"B\"\"C\"\n")
	f.Add("id,q1\n1,A\n1,A\n")
	f.Add("id,weight\n1,-1\n")
	f.Add("id,q\n1,\"multi\nline\"\n")
	f.Add("id\r\n1\r\n")
	f.Fuzz(func(t *testing.T, src string) {
		l := Limits{MaxBytes: 4096, MaxRows: 50, MaxColumns: 20, MaxField: 64}
		rs, err := ReadResponses(bytes.NewReader([]byte(src)), l)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			return
		}
		n := rs.Len()
		if n == 0 || n > l.MaxRows {
			t.Fatalf("%d rows", n)
		}
		ids := map[string]bool{}
		for _, id := range rs.IDs {
			if strings.TrimSpace(id) == "" || ids[id] || !utf8.ValidString(id) {
				t.Fatalf("id %q", id)
			}
			ids[id] = true
		}
		if rs.Weight != nil && len(rs.Weight) != n {
			t.Fatalf("%d weights for %d rows", len(rs.Weight), n)
		}
		for _, w := range rs.Weight {
			if !(w > 0) {
				t.Fatalf("weight %v", w)
			}
		}
		for _, c := range rs.Columns {
			if len(c.Codes) != n {
				t.Fatalf("column %q: %d codes for %d rows", c.Name, len(c.Codes), n)
			}
			for _, k := range c.Codes {
				if int(k) >= len(c.Levels) {
					t.Fatalf("column %q: code %d of %d levels", c.Name, k, len(c.Levels))
				}
			}
			for _, v := range c.Levels {
				if !utf8.ValidString(v) || utf8.RuneCountInString(v) > l.MaxField {
					t.Fatalf("value %q", v)
				}
			}
		}
	})
}
