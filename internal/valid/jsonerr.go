package valid

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// JSON problem kinds, for a message key each.
const (
	JSONCutShort = "end"     // the text breaks off (empty, or a value left open)
	JSONSyntax   = "syntax"  // not JSON at Line:Col
	JSONType     = "type"    // Field holds a value of the wrong kind (Line)
	JSONObject   = "object"  // the whole text is not the object it should be
	JSONUnknown  = "unknown" // Field is no field of the format (a decoder that disallows unknown fields)
)

// JSONProblem locates what is wrong with a JSON text for a message: a kind,
// the 1-based line and column (in characters) and the field's path. It
// carries no text of Go's: errors name the program's types and are English.
type JSONProblem struct {
	Kind      string
	Line, Col int
	Field     string
}

// JSONAt locates err, an error of encoding/json decoding data. The field
// path is the decoder's (an embedded struct shows as its Go name).
func JSONAt(data []byte, err error) JSONProblem {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return JSONProblem{Kind: JSONCutShort}
	case errors.As(err, &se):
		p := JSONProblem{Kind: JSONSyntax}
		p.Line, p.Col = lineCol(data, se.Offset-1) // Offset is just past the byte at fault
		return p
	case errors.As(err, &te):
		if te.Field == "" {
			return JSONProblem{Kind: JSONObject}
		}
		p := JSONProblem{Kind: JSONType, Field: te.Field}
		p.Line, _ = lineCol(data, te.Offset)
		return p
	}
	// The decoder's unknown-field error has no type of its own.
	if s := err.Error(); strings.HasPrefix(s, `json: unknown field "`) {
		return JSONProblem{Kind: JSONUnknown, Field: strings.TrimSuffix(strings.TrimPrefix(s, `json: unknown field "`), `"`)}
	}
	return JSONProblem{Kind: JSONSyntax, Line: 1, Col: 1}
}

// lineCol is the 1-based line and column (in characters) of byte offset
// off in data, clamped to the text.
func lineCol(data []byte, off int64) (line, col int) {
	off = max(0, min(off, int64(len(data))))
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, len(bytes.Runes(before)) + 1
}
