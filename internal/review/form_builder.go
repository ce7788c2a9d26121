package review

import (
	"net/url"
	"strconv"
	"strings"

	"kexie/internal/valid"
)

// The form builder is a plain HTML form: field i's settings are the inputs
// "fd.<i>.key", "fd.<i>.label", "fd.<i>.type", "fd.<i>.required",
// "fd.<i>.identifying", "fd.<i>.min", "fd.<i>.max", "fd.<i>.options" (one
// per line), "fd.<i>.file_types" ("pdf, docx"), "fd.<i>.max_mb",
// "fd.<i>.max_rows", and a table's column j "fd.<i>.col.<j>.key|label|
// type|required|min|max"; "fields" and "fd.<i>.cols" say how many were rendered.
// Every button posts the whole form (add, move, remove, preview, save), so
// the builder works without scripts; kexie.js only hides the settings that
// do not apply to a field's type.

// builderCap bounds what a posted builder form may claim to hold.
const builderCap = MaxFields

func fd(i int, name string) string { return "fd." + strconv.Itoa(i) + "." + name }

func col(i, j int, name string) string { return fd(i, "col."+strconv.Itoa(j)+"."+name) }

func count(v url.Values, key string, max int) int {
	n, err := strconv.Atoi(strings.TrimSpace(v.Get(key)))
	if err != nil || n < 0 {
		return 0
	}
	return min(n, max)
}

// ParseBuilder reads a schema from the builder's inputs. Numbers that do
// not parse are errors at the field ("form.<i>"), the same place Check
// reports the schema's own errors.
func ParseBuilder(v url.Values) (Schema, valid.Errors) {
	var sc Schema
	var errs valid.Errors
	n := count(v, "fields", builderCap+1)
	for i := 0; i < n; i++ {
		at := "form." + strconv.Itoa(i)
		f := Field{Key: strings.TrimSpace(v.Get(fd(i, "key"))), Label: strings.TrimSpace(v.Get(fd(i, "label"))),
			Type: v.Get(fd(i, "type")), Required: v.Get(fd(i, "required")) == "1", Identifying: v.Get(fd(i, "identifying")) == "1"}
		var ok bool
		if f.Min, ok = optNum(v.Get(fd(i, "min"))); !ok {
			errs.Add(at, "review.err.form_number")
		}
		if f.Max, ok = optNum(v.Get(fd(i, "max"))); !ok {
			errs.Add(at, "review.err.form_number")
		}
		switch f.Type {
		case Choice, Multi:
			f.Options = lines(v.Get(fd(i, "options")))
		case File:
			f.FileTypes = fileTypes(v.Get(fd(i, "file_types")))
			mb, ok := optNum(v.Get(fd(i, "max_mb")))
			if !ok || mb == nil || *mb <= 0 {
				errs.Add(at, "review.err.form_file")
			} else {
				f.MaxSize = int64(*mb * (1 << 20))
			}
			f.Min, f.Max = nil, nil
		case Table:
			if s := strings.TrimSpace(v.Get(fd(i, "max_rows"))); s != "" {
				if f.MaxRows, _ = strconv.Atoi(s); f.MaxRows <= 0 || f.MaxRows > MaxRowsCap {
					errs.Add(at, "review.err.form_rows", MaxRowsCap)
				}
			}
			m := count(v, fd(i, "cols"), 51)
			for j := 0; j < m; j++ {
				c := Field{Key: strings.TrimSpace(v.Get(col(i, j, "key"))), Label: strings.TrimSpace(v.Get(col(i, j, "label"))),
					Type: v.Get(col(i, j, "type")), Required: v.Get(col(i, j, "required")) == "1"}
				if c.Key == "" && c.Label == "" {
					continue // the blank row offered for a new column
				}
				if c.Type == "" {
					c.Type = Text
				}
				if c.Type == Text || c.Type == Number {
					var ok1, ok2 bool
					c.Min, ok1 = optNum(v.Get(col(i, j, "min")))
					c.Max, ok2 = optNum(v.Get(col(i, j, "max")))
					if !ok1 || !ok2 {
						errs.Add(at, "review.err.form_number")
					}
				}
				f.Columns = append(f.Columns, c)
			}
			f.Min, f.Max = nil, nil
		case Date, Person:
			f.Min, f.Max = nil, nil
		}
		sc.Fields = append(sc.Fields, f)
	}
	return sc, errs
}

func optNum(s string) (*float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, true
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || x != x || x > 1e15 || x < -1e15 {
		return nil, false
	}
	return &x, true
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func fileTypes(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' || r == ';' }) {
		if t = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(t), ".")); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// Edit applies one builder button to the schema: "add" (a field of type
// kind with a fresh key), "up.<i>", "down.<i>", "del.<i>". Anything else
// leaves it as it is.
func (s Schema) Edit(op, kind string) Schema {
	fields := append([]Field(nil), s.Fields...)
	if op == "add" {
		if !oneOf(kind, FieldTypes) {
			kind = Text
		}
		f := Field{Key: freshKey(fields), Type: kind}
		switch kind {
		case File:
			f.FileTypes, f.MaxSize = []string{"pdf"}, 10<<20
		case Table:
			f.Columns = []Field{{Key: "c1", Label: "", Type: Text}}
		}
		return Schema{Fields: append(fields, f)}
	}
	verb, arg, _ := strings.Cut(op, ".")
	i, err := strconv.Atoi(arg)
	if err != nil || i < 0 || i >= len(fields) {
		return Schema{Fields: fields}
	}
	switch {
	case verb == "up" && i > 0:
		fields[i-1], fields[i] = fields[i], fields[i-1]
	case verb == "down" && i < len(fields)-1:
		fields[i+1], fields[i] = fields[i], fields[i+1]
	case verb == "del":
		fields = append(fields[:i], fields[i+1:]...)
	}
	return Schema{Fields: fields}
}

func freshKey(fields []Field) string {
	for n := len(fields) + 1; ; n++ {
		k := "q" + strconv.Itoa(n)
		if _, ok := (Schema{Fields: fields}).Field(k); !ok {
			return k
		}
	}
}

// BuilderValues renders a schema as the builder's inputs, with one blank
// column row after each table's columns for adding another.
func BuilderValues(sc Schema) url.Values {
	v := url.Values{}
	v.Set("fields", strconv.Itoa(len(sc.Fields)))
	for i, f := range sc.Fields {
		v.Set(fd(i, "key"), f.Key)
		v.Set(fd(i, "label"), f.Label)
		v.Set(fd(i, "type"), f.Type)
		if f.Required {
			v.Set(fd(i, "required"), "1")
		}
		if f.Identifying {
			v.Set(fd(i, "identifying"), "1")
		}
		if f.Min != nil {
			v.Set(fd(i, "min"), fmtNum(*f.Min))
		}
		if f.Max != nil {
			v.Set(fd(i, "max"), fmtNum(*f.Max))
		}
		v.Set(fd(i, "options"), strings.Join(f.Options, "\n"))
		v.Set(fd(i, "file_types"), strings.Join(f.FileTypes, ", "))
		if f.MaxSize > 0 {
			v.Set(fd(i, "max_mb"), fmtNum(float64(f.MaxSize)/(1<<20)))
		}
		if f.MaxRows > 0 {
			v.Set(fd(i, "max_rows"), strconv.Itoa(f.MaxRows))
		}
		if f.Type == Table {
			v.Set(fd(i, "cols"), strconv.Itoa(len(f.Columns)+1))
			for j, c := range f.Columns {
				v.Set(col(i, j, "key"), c.Key)
				v.Set(col(i, j, "label"), c.Label)
				v.Set(col(i, j, "type"), c.Type)
				if c.Required {
					v.Set(col(i, j, "required"), "1")
				}
				if c.Min != nil {
					v.Set(col(i, j, "min"), fmtNum(*c.Min))
				}
				if c.Max != nil {
					v.Set(col(i, j, "max"), fmtNum(*c.Max))
				}
			}
		}
	}
	return v
}
