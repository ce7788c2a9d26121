package sheet

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func readAll(t *testing.T, data []byte) ([]string, [][]string) {
	t.Helper()
	h, r, err := Open(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var rows [][]string
	for {
		c, _, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, c)
	}
	return h, rows
}

func TestOpen(t *testing.T) {
	gbk, _ := simplifiedchinese.GB18030.NewEncoder().String("姓名,工作单位\n张伟,攀枝花学院\n")
	var xlsx bytes.Buffer
	if err := WriteXLSX(&xlsx, Table{Headers: []string{"姓名", "工作单位"}, Rows: [][]string{{" 张伟 ", "攀枝花学院"}, {"", ""}, {"王芳", "滁州学院"}}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		rows int
	}{
		{"utf-8 csv with BOM", []byte("\xEF\xBB\xBF姓名,工作单位\n张伟,攀枝花学院\n\n王芳,滁州学院\n"), 2},
		{"gb18030 csv", []byte(gbk), 1},
		{"xlsx", xlsx.Bytes(), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, rows := readAll(t, tt.data)
			if strings.Join(h, "|") != "姓名|工作单位" || len(rows) != tt.rows || rows[0][0] != "张伟" {
				t.Errorf("header %q rows %q", h, rows)
			}
		})
	}
	for _, bad := range [][]byte{[]byte("PK\x03\x04garbage"), []byte("a\x00b,c\n")} {
		if _, _, err := Open(bytes.NewReader(bad)); !errors.Is(err, ErrNotSpreadsheet) {
			t.Errorf("Open(%q) = %v", bad, err)
		}
	}
	if _, _, err := Open(bytes.NewReader(nil)); err == nil {
		t.Error("empty file accepted")
	}
}
