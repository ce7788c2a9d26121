package estimate

import (
	"encoding/csv"
	"errors"
	"strings"

	"kexie/internal/valid"
)

// What a reader of an uploaded file says when the file is not what it
// should be: the line (and column) and what to look at, in the catalog's
// words. Go's own error text never reaches the page — it is English, and it
// names the program's types, not the office's file.

// csvLineErr is the message for a CSV reader's error on line (1-based; a
// *csv.ParseError's own line wins).
func csvLineErr(field string, err error, line int) *Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line = pe.Line
		switch {
		case errors.Is(pe.Err, csv.ErrFieldCount):
			return errf(field, "estimate.err.field_count", line)
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			return errf(field, "estimate.err.quote", line)
		}
	}
	return errf(field, "estimate.err.csv", line)
}

// jsonErr is the message for a JSON decoding error of data: where the text
// breaks off, or which field holds a value of the wrong kind, by line and
// column.
func jsonErr(field string, data []byte, err error) *Error {
	p := valid.JSONAt(data, err)
	switch p.Kind {
	case valid.JSONCutShort:
		return errf(field, "estimate.err.instrument_json_end")
	case valid.JSONObject:
		return errf(field, "estimate.err.instrument_json_object")
	case valid.JSONType:
		// The path runs through the embedded Instrument of ReadInstrument's
		// raw struct; the file has no such key.
		return errf(field, "estimate.err.instrument_json_type", strings.TrimPrefix(p.Field, "Instrument."), p.Line)
	}
	return errf(field, "estimate.err.instrument_json", p.Line, p.Col)
}
