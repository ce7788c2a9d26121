package valid

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONAt(t *testing.T) {
	type q struct {
		Points float64 `json:"points"`
	}
	type doc struct {
		Questions []q `json:"questions"`
	}
	tests := []struct {
		name, src string
		strict    bool
		want      JSONProblem
	}{
		{"empty", ``, false, JSONProblem{Kind: JSONCutShort}},
		{"left open", `{"questions": [`, false, JSONProblem{Kind: JSONCutShort}},
		{"syntax on line 3", "{\n  \"a\": 1,\n  \"questions\": [,]\n}", false, JSONProblem{Kind: JSONSyntax, Line: 3, Col: 17}},
		{"column in characters", "{\"题目\": x}", false, JSONProblem{Kind: JSONSyntax, Line: 1, Col: 8}},
		{"wrong kind", "{\n\"questions\": [{\"points\": \"一分\"}]}", false, JSONProblem{Kind: JSONType, Line: 2, Field: "questions.points"}},
		{"not an object", `[1]`, false, JSONProblem{Kind: JSONObject}},
		{"unknown field", `{"questions": [], "extra": 1}`, true, JSONProblem{Kind: JSONUnknown, Field: "extra"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec := json.NewDecoder(strings.NewReader(tt.src))
			if tt.strict {
				dec.DisallowUnknownFields()
			}
			var d doc
			err := dec.Decode(&d)
			if err == nil {
				t.Fatal("decoded")
			}
			if got := JSONAt([]byte(tt.src), err); got != tt.want {
				t.Errorf("got %+v, want %+v (%v)", got, tt.want, err)
			}
		})
	}
}
