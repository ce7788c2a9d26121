package estimate

import (
	"strings"
	"testing"
)

// An instrument that is not JSON is named by line and column, or by its
// field, in the catalog's words; Go's own error text is in no message's
// arguments.
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
			wantArgs(t, wantKey(t, err, tt.key), tt.args...)
		})
	}
}
