package sheet

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteXLSX(t *testing.T) {
	var buf bytes.Buffer
	in := Table{Sheet: "组织", Headers: []string{"名称", "代码"}, Rows: [][]string{{"攀枝花市科协", "510400"}, {"<script>", "=1+1"}}}
	if err := WriteXLSX(&buf, in); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("组织")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][0] != "攀枝花市科协" || rows[2][1] != "=1+1" {
		t.Errorf("rows = %q", rows)
	}
	if formula, _ := f.GetCellFormula("组织", "B3"); formula != "" {
		t.Errorf("text %q became a formula", formula)
	}
}
