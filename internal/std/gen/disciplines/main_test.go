package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestBuild(t *testing.T) {
	rows := [][2]string{{"column1", "column2"}, {"A", "自然科学"}, {"110", "数学"}, {"11011", "数学 史"}, {"1101110", "古代数学史"}}
	var buf bytes.Buffer
	if err := build(&buf, rows, "code,name\n120,信息科学与系统科学\n", [4]int{0, 2, 1, 1}); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "code,name\n110,数学\n11011,数学史\n1101110,古代数学史\n120,信息科学与系统科学\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for name, c := range map[string]struct {
		rows    [][2]string
		patches string
	}{
		"orphan":        {[][2]string{{"110", "数学"}, {"1201010", "信息论"}}, "code,name\n"},
		"duplicate":     {[][2]string{{"110", "数学"}, {"110", "数学"}}, "code,name\n"},
		"patch present": {[][2]string{{"110", "数学"}}, "code,name\n110,数学\n"},
		"no name":       {[][2]string{{"110", ""}}, "code,name\n"},
	} {
		if err := build(&bytes.Buffer{}, c.rows, c.patches, [4]int{0, 1, 0, 0}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if err := build(&bytes.Buffer{}, [][2]string{{"110", "数学"}}, "code,name\n", [4]int{0, 62, 0, 0}); err == nil || !strings.Contains(err.Error(), "want") {
		t.Errorf("wrong counts: %v", err)
	}
}

func TestGenerateRefusesOtherFile(t *testing.T) {
	dir := t.TempDir()
	if err := generate("main.go", dir+"/out.csv", xlsxSHA256); err == nil || !strings.Contains(err.Error(), "SHA-256") {
		t.Fatalf("err = %v", err)
	}
}
