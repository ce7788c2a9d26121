package people_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
	"kexie/internal/sheet"
)

func tr(key string, args ...any) string { return key + fmt.Sprint(args...) }

func csvFile(rows ...string) *strings.Reader {
	return strings.NewReader("姓名,身份证号,手机号,工作单位,地区代码,职称级别,人才类别\n" + strings.Join(rows, "\n") + "\n")
}

func TestImport(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		a, b, c := idNumber("51040219850312201"), idNumber("51040219900101202"), idNumber("34110219781224001")
		good := []string{
			"张伟," + a + ",13812345678,攀枝花钢铁研究院,510402,正高级,高层次人才、评审专家",
			"王芳," + b + ",13912345678,攀枝花学院,510402,中级,青年科技人才",
			"陈静," + c + ",+86 137 1234 5678,攀枝花市农科院,510411,,",
		}
		count := func() int {
			_, n, err := f.s.List(ctx, people.Filter{Scope: access.Everywhere()})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}

		// A dry run validates and writes nothing.
		res, err := f.s.Import(ctx, csvFile(good...), "a.csv", f.city.ID, true)
		if err != nil || len(res.Errors) != 0 || res.Created != 3 || count() != 0 {
			t.Fatalf("dry run: %+v, %v, %d people", res, err, count())
		}
		res, err = f.s.Import(ctx, csvFile(good...), "a.csv", f.city.ID, false)
		if err != nil || res.Rows != 3 || res.Created != 3 || count() != 3 {
			t.Fatalf("import: %+v %v", res, err)
		}
		// Re-running the same file adds nothing.
		res, _ = f.s.Import(ctx, csvFile(good...), "a.csv", f.city.ID, false)
		if res.Created != 0 || res.Unchanged != 3 || count() != 3 {
			t.Errorf("re-run: %+v", res)
		}
		// A changed employer updates that person only.
		changed := append([]string{strings.Replace(good[0], "攀枝花钢铁研究院", "攀钢集团研究院", 1)}, good[1:]...)
		res, _ = f.s.Import(ctx, csvFile(changed...), "b.csv", f.city.ID, false)
		if res.Updated != 1 || res.Unchanged != 2 {
			t.Errorf("update: %+v", res)
		}
		p, _ := f.s.FindByIDNumber(ctx, a)
		if p.Employer != "攀钢集团研究院" || p.TitleLevel != "senior" || p.Categories != "高层次人才、评审专家" {
			t.Errorf("updated person = %+v", p)
		}

		// One bad row: nothing is written, the errors name row and column.
		d2 := idNumber("51040219950505203")
		wrong := d2[:17] + map[bool]string{true: "0", false: "1"}[d2[17] != '0']
		bad := []string{
			"赵强," + d2 + ",13612345678,攀枝花学院,510402,,",
			"钱多," + wrong + ",1361234567,攀枝花学院,999999,,",
			"孙丽," + d2 + ",13512345678,攀枝花学院,510402,,",
			",,,,,,",
			"周杰," + idNumber("51040219800101204") + ",13412345678,,510402,,",
		}
		res, err = f.s.Import(ctx, csvFile(bad...), "bad.csv", f.city.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		// Rows as the spreadsheet numbers them: the header is row 1.
		want := map[string]bool{"3/身份证号/people.err.id_check": true, "3/手机号/people.err.phone": true,
			"3/地区代码/people.err.region": true, "4/身份证号/people.err.duplicate_in_file": true, "5/工作单位/people.err.required": true}
		got := map[string]bool{}
		for _, e := range res.Errors {
			got[fmt.Sprintf("%d/%s/%s", e.Row, e.Column, e.Code)] = true
		}
		for k := range want {
			if !got[k] {
				t.Errorf("missing error %s; got %v", k, got)
			}
		}
		if count() != 3 || res.Created != 0 {
			t.Errorf("a failed import wrote: %d people, %+v", count(), res)
		}
		// The person recorded by another org is refused, not moved.
		res, _ = f.s.Import(ctx, csvFile(good[0]), "c.csv", f.peer.ID, false)
		if len(res.Errors) != 1 || res.Errors[0].Code != "people.err.duplicate_other_org" {
			t.Errorf("other org: %+v", res)
		}
	})
}

func TestImportFileErrors(t *testing.T) {
	ctx := context.Background()
	d := dbtest.OpenSQLite(t, sets...)
	f := setup(t, d)
	var xlsx bytes.Buffer
	_ = sheet.WriteXLSX(&xlsx, sheet.Table{Headers: []string{"name", "id_number"}, Rows: [][]string{{"张伟", "x"}}})
	tests := []struct {
		name string
		file string
		code string
	}{
		{"not a spreadsheet", "PK\x03\x04this is no zip", "people.err.not_sheet"},
		{"missing columns (English aliases recognized)", xlsx.String(), "people.err.missing_column"},
		{"empty", "", "people.err.empty_file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := f.s.Import(ctx, strings.NewReader(tt.file), "x", f.city.ID, false)
			if err != nil || len(res.Errors) == 0 || res.Errors[0].Code != tt.code {
				t.Errorf("got %+v, %v; want %s", res.Errors, err, tt.code)
			}
		})
	}
	// English headers are accepted.
	res, err := f.s.Import(ctx, strings.NewReader("name,id_number,mobile,employer,region_code\n张伟,"+idNumber("51040219850312201")+",13812345678,攀枝花学院,510402\n"),
		"en.csv", f.city.ID, false)
	if err != nil || res.Created != 1 {
		t.Errorf("English headers: %+v %v", res, err)
	}
}

func FuzzImportRow(f *testing.F) {
	d := dbtest.OpenSQLite(f, sets...)
	fx := setup(f, d)
	f.Add("张伟,51040219850312201X,13812345678,攀枝花学院,510402,正高级,")
	f.Add(",,,,,,")
	f.Add("\"a\"\"b\",x,y,z,1,2,3")
	f.Fuzz(func(t *testing.T, line string) {
		res, err := fx.s.Import(context.Background(), csvFile(line), "fuzz.csv", fx.city.ID, true)
		if err != nil {
			t.Fatalf("import error: %v", err)
		}
		if res.Created+res.Updated+res.Unchanged+len(res.Errors) == 0 && res.Rows > 0 {
			t.Fatalf("a row neither counted nor refused: %+v", res)
		}
	})
}
