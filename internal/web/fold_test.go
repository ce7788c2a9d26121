package web

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// Argument-free translations are folded into each language's templates as
// constants, escaped for their context like any other value; translations
// with arguments or computed keys still go through View.T.
func TestFoldTranslations(t *testing.T) {
	cat, err := NewCatalogs(fstest.MapFS{
		"zh-CN.json": {Data: []byte(`{"k.plain": "组织<树>", "k.attr": "说\"明\"", "k.arg": "共 %d 个", "k.dyn.a": "甲"}`)},
		"en.json":    {Data: []byte(`{"k.plain": "Org <tree>", "k.attr": "say \"hi\"", "k.arg": "%d in all", "k.dyn.a": "A"}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	mod := fstest.MapFS{"m/page.html": {Data: []byte(`{{define "content"}}` +
		`<p title="{{.T "k.attr"}}">{{.T "k.plain"}}</p>` +
		`{{range .Data}}<i>{{$.T "k.plain"}}|{{$.T (print "k.dyn." .)}}</i>{{end}}` +
		`<b>{{.T "k.arg" 3}}</b><s>{{printf "%s!" (.T "k.plain")}}</s>{{end}}`)}}
	tm, err := parseTemplates([]fs.FS{templatesFS(), mod}, cat)
	if err != nil {
		t.Fatal(err)
	}
	s := &Site{Catalogs: cat}
	want := map[string]string{
		"zh-CN": `<p title="说&#34;明&#34;">组织&lt;树&gt;</p><i>组织&lt;树&gt;|甲</i><b>共 3 个</b><s>组织&lt;树&gt;!</s>`,
		"en":    `<p title="say &#34;hi&#34;">Org &lt;tree&gt;</p><i>Org &lt;tree&gt;|A</i><b>3 in all</b><s>Org &lt;tree&gt;!</s>`,
	}
	for lang, w := range want {
		set, ok := tm.page(lang, "m/page.html")
		if !ok {
			t.Fatalf("%s: no page", lang)
		}
		var b strings.Builder
		v := &View{Lang: lang, Data: []string{"a"}, site: s}
		if err := set.ExecuteTemplate(&b, "content", v); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if b.String() != w {
			t.Errorf("%s:\n got %s\nwant %s", lang, b.String(), w)
		}
	}
	// The folded key no longer reaches View.T: a catalog changed after
	// parsing shows the parse-time text.
	cat.msgs["en"]["k.plain"] = "changed"
	set, _ := tm.page("en", "m/page.html")
	var b strings.Builder
	if err := set.ExecuteTemplate(&b, "content", &View{Lang: "en", site: s}); err != nil || !strings.Contains(b.String(), "Org &lt;tree&gt;") {
		t.Errorf("folded text not constant: %q %v", b.String(), err)
	}
}
