package estimate

import (
	"strings"
	"testing"
)

// A file that is not what it should be is named by line (and column) in the
// catalog's words; Go's own error text is in no message's arguments.
func TestReaderErrorsLocalized(t *testing.T) {
	instr := []struct {
		name, src, key string
		args           []any
	}{
		{"syntax on line 3", "{\n  \"rule\": {\"kind\": \"total\"},\n  \"questions\": [,]\n}", "estimate.err.instrument_json", []any{3, 17}},
		{"column counts characters", "{\"题目\": x}", "estimate.err.instrument_json", []any{1, 8}},
		{"breaks off", `{"rule":`, "estimate.err.instrument_json_end", nil},
		{"empty", ``, "estimate.err.instrument_json_end", nil},
		{"wrong kind", "{\n\"questions\": [{\"id\": \"q\", \"points\": \"一分\"}]}", "estimate.err.instrument_json_type", []any{"questions.points", 2}},
		{"not an object", `[1, 2]`, "estimate.err.instrument_json_object", nil},
	}
	for _, tt := range instr {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadInstrument(strings.NewReader(tt.src))
			e := wantKey(t, err, tt.key)
			if len(e.Args) != len(tt.args) {
				t.Fatalf("args %v, want %v", e.Args, tt.args)
			}
			for i := range tt.args {
				if e.Args[i] != tt.args[i] {
					t.Errorf("args %v, want %v", e.Args, tt.args)
				}
			}
		})
	}

	margins := []struct{ name, src, key string }{
		{"bare quote", "variable,category,share\nsex,m\"ale,0.5\n", "estimate.err.quote"},
		{"open quote", "variable,category,share\nsex,\"male,0.5\n", "estimate.err.quote"},
	}
	for _, tt := range margins {
		t.Run("margins "+tt.name, func(t *testing.T) {
			_, err := ReadMargins(strings.NewReader(tt.src))
			e := wantKey(t, err, tt.key)
			for _, a := range e.Args {
				if s, ok := a.(string); ok {
					t.Errorf("a message argument is text %q: Go's error text must not reach the page", s)
				}
			}
		})
	}
}
