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

// A list of one page, or of none, shows no pager (a lone “1” under “暂无征集”
// looked like a control); a longer one shows every page's link, and a page
// past the end keeps its way back.
func TestPagerOnlyForPages(t *testing.T) {
	page := fstest.MapFS{"m/list.html": {Data: []byte(`{{define "content"}}{{template "pager" .}}{{end}}`)}}
	tm, err := parseTemplates([]fs.FS{templatesFS(), page}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name        string
		total, page int
		pager       bool
	}{{"none", 0, 1, false}, {"one page", 50, 1, false}, {"two pages", 51, 1, true}, {"past the end", 10, 3, true}} {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			l := &List{Page: c.page, PerPage: 50, Total: c.total, Path: "/m"}
			if err := tm.pages["zh-CN"]["m/list.html"].ExecuteTemplate(&b, "content", l); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(b.String(), `class="pager"`); got != c.pager {
				t.Errorf("%d rows: pager %v, want %v: %q", c.total, got, c.pager, b.String())
			}
		})
	}
}
