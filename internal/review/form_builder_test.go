package review_test

import (
	"net/url"
	"reflect"
	"testing"

	"kexie/internal/review"
)

// The builder's inputs carry every setting of every field type: a schema
// rendered as inputs and read back is the same schema.
func TestBuilderRoundTrip(t *testing.T) {
	sc := awardForm()
	sc.Fields = append(sc.Fields,
		review.Field{Key: "areas", Label: "方向", Type: review.Multi, Options: []string{"甲", "乙"}, Max: f64(2)},
		review.Field{Key: "tutor", Label: "导师", Type: review.Person},
		review.Field{Key: "budget", Label: "经费", Type: review.Number, Min: f64(0), Max: f64(50)})
	got, errs := review.ParseBuilder(review.BuilderValues(sc))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if !reflect.DeepEqual(got, sc) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, sc)
	}
	if errs := got.Check(); len(errs) > 0 {
		t.Error(errs)
	}
}

func TestBuilderEdit(t *testing.T) {
	sc := review.Schema{Fields: []review.Field{{Key: "a", Label: "A", Type: review.Text}, {Key: "b", Label: "B", Type: review.Text}}}
	order := func(s review.Schema) (out string) {
		for _, f := range s.Fields {
			out += f.Key
		}
		return out
	}
	for op, want := range map[string]string{"up.1": "ba", "down.0": "ba", "up.0": "ab", "down.1": "ab", "del.0": "b", "del.9": "ab", "x": "ab", "add": "abq3"} {
		if got := order(sc.Edit(op, review.File)); got != want {
			t.Errorf("%s: %s, want %s", op, got, want)
		}
	}
	if f := sc.Edit("add", review.File).Fields[2]; f.Type != review.File || f.MaxSize == 0 || len(f.FileTypes) == 0 {
		t.Errorf("a new file field has no limits: %+v", f)
	}
	if order(sc) != "ab" {
		t.Error("Edit changed the schema it was called on")
	}
}

// Numbers that do not parse and a file without a size are reported at
// their field; a blank column row is not a column.
func TestParseBuilderErrors(t *testing.T) {
	v := url.Values{"fields": {"3"},
		"fd.0.key": {"n"}, "fd.0.label": {"数"}, "fd.0.type": {"number"}, "fd.0.min": {"abc"},
		"fd.1.key": {"cv"}, "fd.1.label": {"附件"}, "fd.1.type": {"file"}, "fd.1.file_types": {".PDF，docx"}, "fd.1.max_mb": {""},
		"fd.2.key": {"t"}, "fd.2.label": {"表"}, "fd.2.type": {"table"}, "fd.2.cols": {"2"},
		"fd.2.col.0.key": {"name"}, "fd.2.col.0.label": {"名称"}, "fd.2.col.0.type": {"text"}}
	sc, errs := review.ParseBuilder(v)
	if keys(errs) != "form.0:review.err.form_number form.1:review.err.form_file" {
		t.Errorf("errors: %s", keys(errs))
	}
	if got := sc.Fields[1].FileTypes; !reflect.DeepEqual(got, []string{"pdf", "docx"}) {
		t.Errorf("file types %v", got)
	}
	if len(sc.Fields[2].Columns) != 1 {
		t.Errorf("columns %+v", sc.Fields[2].Columns)
	}
}

// Whatever is posted to the builder, reading it never panics and what it
// reads renders back to inputs that read the same.
func FuzzParseBuilder(f *testing.F) {
	f.Add("3", "number", "1", "x", "table", "2")
	f.Add("1", "file", "", "2.5", "choice", "-1")
	f.Fuzz(func(t *testing.T, n, typ, min, mb, typ2, cols string) {
		v := url.Values{"fields": {n}, "fd.0.key": {"a"}, "fd.0.label": {"A"}, "fd.0.type": {typ}, "fd.0.min": {min}, "fd.0.max_mb": {mb},
			"fd.1.type": {typ2}, "fd.1.cols": {cols}, "fd.1.col.0.label": {min}, "fd.1.options": {mb}}
		sc, errs := review.ParseBuilder(v)
		if len(errs) > 0 {
			return
		}
		again, errs := review.ParseBuilder(review.BuilderValues(sc))
		if len(errs) > 0 || len(again.Fields) != len(sc.Fields) {
			t.Fatalf("%+v → %+v %v", sc, again, errs)
		}
		_ = sc.Check()
	})
}
