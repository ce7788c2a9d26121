package web

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// A module's files in a "partials" folder are partials: parsed into each of its pages,
// not pages themselves; another module's pages do not see them.
func TestModulePartials(t *testing.T) {
	mod := fstest.MapFS{
		"m/partials/fields.html": {Data: []byte(`{{define "m-fields"}}<input name="{{.}}">{{end}}`)},
		"m/page.html":            {Data: []byte(`{{define "content"}}[{{template "m-fields" "a"}}]{{end}}`)},
	}
	other := fstest.MapFS{"o/page.html": {Data: []byte(`{{define "content"}}{{template "m-fields" "b"}}{{end}}`)}}
	tm, err := parseTemplates([]fs.FS{templatesFS(), mod, other}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := tm.pages["zh-CN"]["m/partials/fields.html"]; ok {
		t.Error("a partial was taken for a page")
	}
	var b strings.Builder
	if err := tm.pages["zh-CN"]["m/page.html"].ExecuteTemplate(&b, "content", nil); err != nil || b.String() != `[<input name="a">]` {
		t.Errorf("page with a partial: %q %v", b.String(), err)
	}
	if err := tm.pages["zh-CN"]["o/page.html"].ExecuteTemplate(&b, "content", nil); err == nil {
		t.Error("another module's page used the partial")
	}
}
