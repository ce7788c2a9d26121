package people_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// "wang@" and friends are refused on forms and on import, the error naming
// the address; import errors name the row the spreadsheet shows (the
// header is row 1, so the first data row is 2).
func TestEmailAndSheetRows(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		for _, bad := range []string{"wang@", "wang@localhost", "王 <wang@example.cn>", "wang@example"} {
			if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "王", Email: bad}); fieldKey(err) != "email:people.err.email" {
				t.Errorf("email %q: %v", bad, err)
			}
		}
		if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "王", Email: "wang@example.cn"}); err != nil {
			t.Errorf("a good address refused: %v", err)
		}
		file := "姓名,身份证号,手机号,工作单位,地区代码,电子邮箱,学科代码\n" +
			"张伟," + idNumber("51040219850312201") + ",13812345678,攀枝花学院,510402,zhang@example.cn,430\n" +
			"王芳," + idNumber("51040219900101202") + ",13912345678,攀枝花学院,510402,wang@,430\n" +
			"陈静," + idNumber("34110219781224001") + ",13712345678,攀枝花学院,510411,chen@example.cn,cl\n"
		res, err := f.s.Import(ctx, strings.NewReader(file), "x.csv", f.city.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range res.Errors {
			got = append(got, fmt.Sprintf("%d/%s/%s", e.Row, e.Column, e.Text(tr)))
		}
		want := "3/电子邮箱/people.err.emailwang@ 4/学科代码/people.err.discipline_unknowncl"
		if strings.Join(got, " ") != want {
			t.Errorf("errors %q, want %q", got, want)
		}
	})
}
