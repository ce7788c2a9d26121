package db

import (
	"fmt"
	"testing"
)

// InChunks hands every value once, sorted, at most size a call, with as
// many placeholders as values; Marks spells a VALUES list.
func TestInChunks(t *testing.T) {
	set := map[string]bool{}
	for i := range 7 {
		set[fmt.Sprintf("v%d", 6-i)] = true
	}
	var got []string
	err := InChunks(set, 3, func(marks string, args []any) error {
		got = append(got, fmt.Sprintf("%s=%v", marks, args))
		return nil
	})
	want := []string{"?, ?, ?=[v0 v1 v2]", "?, ?, ?=[v3 v4 v5]", "?=[v6]"}
	if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("chunks %q, %v; want %q", got, err, want)
	}
	if err := InChunks(nil, 3, func(string, []any) error { t.Error("called for no values"); return nil }); err != nil {
		t.Error(err)
	}
	if m := Marks(2, "(?, ?)"); m != "(?, ?), (?, ?)" {
		t.Errorf("Marks: %q", m)
	}
}
