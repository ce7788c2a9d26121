package survey_test

import (
	"errors"
	"testing"

	"kexie/internal/survey"
	"kexie/internal/valid"
)

// A definition that is not the format's JSON is named in the catalog's
// words — where it breaks, which field is wrong — never by Go's error text.
func TestParseDefinitionSaysWhere(t *testing.T) {
	tests := []struct {
		name, src, key string
		args           []any
	}{
		{"syntax", "{\"title\": {\"zh\": \"问卷\"},\n\"pages\": [x]}", "survey.err.json", []any{2, 11}},
		{"cut short", `{"title": {"zh": "问卷"}, "pages": [`, "survey.err.json_end", nil},
		{"not an object", `["问卷"]`, "survey.err.json_object", nil},
		{"wrong kind", `{"title": "问卷"}`, "survey.err.json_type", []any{"title"}},
		{"unknown field", `{"title": {"zh": "问卷"}, "pagez": []}`, "survey.err.json_unknown", []any{"pagez"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := survey.ParseDefinition([]byte(tt.src))
			var ve *valid.Error
			if !errors.As(err, &ve) || ve.Key != tt.key {
				t.Fatalf("got %v, want %s", err, tt.key)
			}
			if len(ve.Args) != len(tt.args) {
				t.Fatalf("args %v, want %v", ve.Args, tt.args)
			}
			for i := range tt.args {
				if ve.Args[i] != tt.args[i] {
					t.Errorf("args %v, want %v", ve.Args, tt.args)
				}
			}
		})
	}
}
