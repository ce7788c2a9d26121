package review

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/valid"
)

// Field types a form schema may hold.
const (
	Text     = "text"
	LongText = "longtext"
	Number   = "number"
	Date     = "date"
	Choice   = "choice"
	Multi    = "multi"
	Person   = "person" // a person the applicant names, as 姓名（工作单位）: an applicant cannot search the talent database
	Table    = "table"  // repeating rows of Columns
	File     = "file"
)

// FieldTypes lists every field type in the builder's order.
var FieldTypes = []string{Text, LongText, Number, Date, Choice, Multi, Person, Table, File}

// Field is one question of a form.
type Field struct {
	Key         string   `json:"key"`
	Label       string   `json:"label"`
	Type        string   `json:"type"`
	Required    bool     `json:"required,omitempty"`
	Min         *float64 `json:"min,omitempty"` // number: least value; text: least length
	Max         *float64 `json:"max,omitempty"` // number: greatest value; text: greatest length
	Options     []string `json:"options,omitempty"`
	Columns     []Field  `json:"columns,omitempty"`  // table
	MaxRows     int      `json:"max_rows,omitempty"` // table
	FileTypes   []string `json:"file_types,omitempty"`
	MaxSize     int64    `json:"max_size,omitempty"`    // file, bytes
	Identifying bool     `json:"identifying,omitempty"` // hidden from reviewers in blind mode
}

// Schema is a call's form at one version.
type Schema struct {
	Fields []Field `json:"fields"`
}

// Answer is the value of one field: S for scalar fields, L for multiple
// choices, Rows for a table, F for a file.
type Answer struct {
	S    string              `json:"s,omitempty"`
	L    []string            `json:"l,omitempty"`
	Rows []map[string]string `json:"rows,omitempty"`
	F    *FileRef            `json:"f,omitempty"`
}

// FileRef is an uploaded file as the form knows it.
type FileRef struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Answers maps field keys to values.
type Answers map[string]Answer

// Limits on a schema, so a form stays a form.
const (
	MaxFields   = 200
	MaxTextLen  = 20000
	MaxRowsCap  = 500
	MaxFileSize = 50 << 20
)

var keyRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// Check reports what is wrong with the schema itself (for the builder).
func (s Schema) Check() valid.Errors {
	var errs valid.Errors
	if len(s.Fields) > MaxFields {
		errs.Add("form", "review.err.form_fields", MaxFields)
	}
	checkFields("form", s.Fields, &errs, true)
	return errs
}

func checkFields(prefix string, fields []Field, errs *valid.Errors, top bool) {
	seen := map[string]bool{}
	for i, f := range fields {
		at := prefix + "." + strconv.Itoa(i)
		switch {
		case !keyRE.MatchString(f.Key):
			errs.Add(at, "review.err.form_key")
		case seen[f.Key]:
			errs.Add(at, "review.err.form_key_dup", f.Key)
		}
		seen[f.Key] = true
		if n := utf8.RuneCountInString(strings.TrimSpace(f.Label)); n == 0 || n > 200 {
			errs.Add(at, "review.err.form_label")
		}
		switch f.Type {
		case Text, LongText, Number, Date, Person:
		case Choice, Multi:
			if len(f.Options) == 0 {
				errs.Add(at, "review.err.form_options")
			}
		case Table:
			if !top || len(f.Columns) == 0 {
				errs.Add(at, "review.err.form_table")
			}
			for _, c := range f.Columns {
				if c.Type == Table || c.Type == File {
					errs.Add(at, "review.err.form_table")
					break
				}
			}
			checkFields(at, f.Columns, errs, false)
		case File:
			if f.MaxSize <= 0 || f.MaxSize > MaxFileSize || len(f.FileTypes) == 0 {
				errs.Add(at, "review.err.form_file")
			}
		default:
			errs.Add(at, "review.err.form_type")
		}
		if f.Min != nil && f.Max != nil && *f.Min > *f.Max {
			errs.Add(at, "review.err.form_range")
		}
	}
}

// Field returns the field with key.
func (s Schema) Field(key string) (Field, bool) {
	for _, f := range s.Fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// Validate checks answers against the schema. Each error names its field
// ("f.<key>", or "f.<key>.<row>.<column>" in a table) so the form shows it
// beside the input. Answers to unknown keys are refused.
func (s Schema) Validate(a Answers) valid.Errors {
	var errs valid.Errors
	for k := range a {
		if _, ok := s.Field(k); !ok {
			errs.Add("f."+k, "review.err.field_unknown")
		}
	}
	for _, f := range s.Fields {
		v := a[f.Key]
		at := "f." + f.Key
		if f.Type == Table {
			if f.Required && len(v.Rows) == 0 {
				errs.Add(at, "review.err.required")
			}
			max := f.MaxRows
			if max <= 0 || max > MaxRowsCap {
				max = MaxRowsCap
			}
			if len(v.Rows) > max {
				errs.Add(at, "review.err.rows_max", max)
				continue
			}
			for i, row := range v.Rows {
				for k := range row {
					if !hasColumn(f.Columns, k) {
						errs.Add(at+"."+strconv.Itoa(i)+"."+k, "review.err.field_unknown")
					}
				}
				for _, c := range f.Columns {
					checkScalar(at+"."+strconv.Itoa(i)+"."+c.Key, c, Answer{S: row[c.Key]}, &errs)
				}
			}
			continue
		}
		checkScalar(at, f, v, &errs)
	}
	return errs
}

func hasColumn(cols []Field, k string) bool {
	for _, c := range cols {
		if c.Key == k {
			return true
		}
	}
	return false
}

func empty(f Field, v Answer) bool {
	switch f.Type {
	case Multi:
		return len(v.L) == 0
	case File:
		return v.F == nil
	}
	return strings.TrimSpace(v.S) == ""
}

func checkScalar(at string, f Field, v Answer, errs *valid.Errors) {
	if empty(f, v) {
		if f.Required {
			errs.Add(at, "review.err.required")
		}
		return
	}
	switch f.Type {
	case Text, LongText:
		n := utf8.RuneCountInString(v.S)
		max := MaxTextLen
		if f.Type == Text {
			max = 500
		}
		if f.Max != nil && int(*f.Max) < max {
			max = int(*f.Max)
		}
		if n > max {
			errs.Add(at, "review.err.text_long", max)
		}
		if f.Min != nil && n < int(*f.Min) {
			errs.Add(at, "review.err.text_short", int(*f.Min))
		}
		if !utf8.ValidString(v.S) {
			errs.Add(at, "review.err.text_bad")
		}
	case Number:
		x, err := strconv.ParseFloat(strings.TrimSpace(v.S), 64)
		switch {
		case err != nil || x != x || x > 1e15 || x < -1e15:
			errs.Add(at, "review.err.number")
		case f.Min != nil && x < *f.Min:
			errs.Add(at, "review.err.number_min", fmtNum(*f.Min))
		case f.Max != nil && x > *f.Max:
			errs.Add(at, "review.err.number_max", fmtNum(*f.Max))
		}
	case Date:
		if _, err := time.Parse("2006-01-02", strings.TrimSpace(v.S)); err != nil {
			errs.Add(at, "review.err.date")
		}
	case Choice:
		if !oneOf(v.S, f.Options) {
			errs.Add(at, "review.err.choice")
		}
	case Multi:
		seen := map[string]bool{}
		for _, x := range v.L {
			if !oneOf(x, f.Options) || seen[x] {
				errs.Add(at, "review.err.choice")
				break
			}
			seen[x] = true
		}
		if f.Max != nil && float64(len(v.L)) > *f.Max {
			errs.Add(at, "review.err.choices_max", int(*f.Max))
		}
	case Person:
		// A name with its employer, not a number: the applicant writes who
		// (推荐专家, 导师) as the office will check it.
		if n := utf8.RuneCountInString(strings.TrimSpace(v.S)); n < 2 || n > 100 || strings.Trim(v.S, "0123456789 ") == "" {
			errs.Add(at, "review.err.person")
		}
	case File:
		checkFile(at, f, *v.F, errs)
	}
}

func checkFile(at string, f Field, r FileRef, errs *valid.Errors) {
	ext := strings.ToLower(strings.TrimPrefix(extOf(r.Name), "."))
	ok := false
	for _, t := range f.FileTypes {
		if strings.EqualFold(strings.TrimPrefix(t, "."), ext) && ext != "" {
			ok = true
		}
	}
	if !ok {
		errs.Add(at, "review.err.file_type", strings.Join(f.FileTypes, "、"))
	}
	if r.Size > f.MaxSize || r.Size < 0 {
		errs.Add(at, "review.err.file_size", fmtSize(f.MaxSize))
	}
}

func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}

func fmtNum(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func fmtSize(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", n>>10)
}

func oneOf(v string, set []string) bool {
	for _, s := range set {
		if s == v {
			return true
		}
	}
	return false
}

// Redact returns answers without the fields marked identifying (blind mode).
func (s Schema) Redact(a Answers) Answers {
	out := Answers{}
	for k, v := range a {
		if f, ok := s.Field(k); ok && !f.Identifying {
			out[k] = v
		}
	}
	return out
}
