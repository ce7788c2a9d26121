//go:build dump

package plan

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDumpIngest writes the JSON of what Ingest reads (the whole Doc and
// its error) from each document named by KEXIE_DUMP_IN (file paths or
// globs, separated by the list separator ':') and from the project's own
// test plans into the folder KEXIE_DUMP_OUT, one file per document. It is
// the check that a change to the extractor's code changes none of its
// readings: dump before and after, and diff -r the two folders.
//
//	KEXIE_DUMP_IN='/work/shared/plans-dev/*.txt:/work/extra-corpus/*' \
//	KEXIE_DUMP_OUT=/tmp/dump/before go test -tags dump ./internal/plan -run TestDumpIngest
//
// A tool, not a test: built only with -tags dump, so the suite neither runs
// nor skips it.
func TestDumpIngest(t *testing.T) {
	out := os.Getenv("KEXIE_DUMP_OUT")
	if out == "" {
		t.Fatal("KEXIE_DUMP_OUT names the folder to write to")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, doc *Doc, err error) {
		errText := ""
		if err != nil {
			errText = err.Error()
		}
		data, jerr := json.MarshalIndent(struct {
			Doc   *Doc   `json:"doc"`
			Error string `json:"error"`
		}{doc, errText}, "", " ")
		if jerr != nil {
			t.Fatal(jerr)
		}
		file := strings.NewReplacer("/", "_", " ", "_").Replace(strings.TrimPrefix(name, "/"))
		if err := os.WriteFile(filepath.Join(out, file+".json"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dump := func(name, text string) {
		doc, err := Ingest(strings.NewReader(text))
		write(name, doc, err)
	}
	for _, name := range ownPlans {
		dump("own/"+name, ownText(t, name))
	}
	gen, _ := filepath.Glob(filepath.Join("testdata", "gen", "*.txt"))
	for _, name := range gen {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		dump(name, string(data))
	}
	dumpInputs(t, func(name, text string, err error) {
		if err != nil {
			write(name, nil, err) // a page of navigation, a broken file
			return
		}
		dump(name, text)
	})
}

// dumpInputs calls each with the text of every document KEXIE_DUMP_IN
// names (file paths or globs, separated by the list separator), read as
// Ingest reads it, or with the error of a document that has none.
func dumpInputs(t *testing.T, each func(name, text string, err error)) {
	for _, pattern := range filepath.SplitList(os.Getenv("KEXIE_DUMP_IN")) {
		names, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			if fi, err := os.Stat(name); err != nil || fi.IsDir() {
				continue
			}
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			switch strings.ToLower(filepath.Ext(name)) {
			case ".docx", ".pdf", ".html", ".htm":
				text, err = DocumentText(context.Background(), name, data)
			}
			each(name, text, err)
		}
	}
}
