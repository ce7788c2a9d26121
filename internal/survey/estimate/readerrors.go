package estimate

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strings"
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
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errf(field, "estimate.err.instrument_json_end")
	case errors.As(err, &se):
		line, col := lineCol(data, se.Offset-1) // Offset is just past the byte at fault
		return errf(field, "estimate.err.instrument_json", line, col)
	case errors.As(err, &te):
		if te.Field == "" {
			return errf(field, "estimate.err.instrument_json_object")
		}
		line, _ := lineCol(data, te.Offset)
		// The path runs through the embedded Instrument of ReadInstrument's
		// raw struct; the file has no such key.
		return errf(field, "estimate.err.instrument_json_type", strings.TrimPrefix(te.Field, "Instrument."), line)
	}
	return errf(field, "estimate.err.instrument_json", 1, 1)
}

// lineCol is the 1-based line and column (in characters) of byte offset
// off in data; off past the end is the end.
func lineCol(data []byte, off int64) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, len(bytes.Runes(before)) + 1
}
