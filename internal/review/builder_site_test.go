package review_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

// builderForm reads the builder's inputs back from its page, as a browser
// would post them.
func builderForm(body string) url.Values {
	v := url.Values{}
	for _, part := range strings.Split(body, "<input ")[1:] {
		name := attr(part, "name")
		if !strings.HasPrefix(name, "fd.") && name != "fields" {
			continue
		}
		if strings.Contains(part, `type="checkbox"`) && !strings.Contains(part[:strings.Index(part, ">")], " checked") {
			continue
		}
		v.Set(name, attr(part, "value"))
	}
	for _, part := range strings.Split(body, "<select ")[1:] {
		name := attr(part, "name")
		if !strings.HasPrefix(name, "fd.") {
			continue
		}
		opts := part[:strings.Index(part, "</select>")]
		v.Set(name, between(opts, `<option value="`, `"`))
		if k := strings.Index(opts, `" selected>`); k > 0 {
			head := opts[:k]
			v.Set(name, head[strings.LastIndex(head, `value="`)+7:])
		}
	}
	for _, part := range strings.Split(body, "<textarea ")[1:] {
		if name := attr(part, "name"); strings.HasPrefix(name, "fd.") {
			v.Set(name, between(part, ">", "</textarea>"))
		}
	}
	return v
}

func attr(tag, name string) string {
	tag = tag[:strings.Index(tag, ">")]
	return between(tag, name+`="`, `"`)
}

// TestFormBuilder edits a call's form through the builder's plain form on
// both databases: add a field of every type, move and remove one, bad
// settings refused at their field with nothing saved, a draft call's form
// saved in place, and once published a change made a new version while a
// submitted application keeps its own.
func TestFormBuilder(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		rs := serveReview(t, d)
		bg := context.Background()
		staff, _ := rs.User(t, "staff", access.OrgStaff, rs.City)
		app, au := rs.User(t, "zhangwei", access.Member, rs.City)
		rs.P.applicants[au.ID] = review.Applicant{PersonID: 1, OrgID: rs.City.ID, OrgPath: rs.City.Path, Name: "张伟"}
		c, err := rs.Store.CreateCall(bg, review.CallInput{OrgID: rs.City.ID, Title: "科普作品征集", Kind: "paper", ApplicantKind: review.Individual,
			OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(72 * time.Hour),
			Form:   review.Schema{Fields: []review.Field{{Key: "intro", Label: "作品简介", Type: review.LongText, Required: true}}},
			Stages: []review.StageInput{{Kind: review.StageFormal, Name: "形式审查"}}}, 0)
		if err != nil {
			t.Fatal(err)
		}
		path := "/review/calls/" + strconv.FormatInt(c.ID, 10) + "/form"
		if res, _ := app.Get(path); res.StatusCode != 403 {
			t.Errorf("a member opened the builder: %d", res.StatusCode)
		}
		res, body := staff.Get(path)
		must(t, "builder", res, body, 200, "第 1 版", "作品简介", `id="form-preview"`)
		v := builderForm(body)
		for _, typ := range review.FieldTypes {
			v.Set("op", "add")
			v.Set("add_type", typ)
			res, body = post(staff, path, v)
			must(t, "add "+typ, res, body, 200)
			v = builderForm(body)
		}
		if v.Get("fields") != "10" || v.Get("fd.9.type") != "file" || v.Get("fd.9.max_mb") != "10" || v.Get("fd.8.cols") != "2" {
			t.Fatalf("after adding: %v", v)
		}
		labels := []string{"", "标题", "简介", "字数", "完成日期", "类别", "适用对象", "指导老师", "作者", "作品文件"}
		for i := 1; i < 10; i++ {
			v.Set("fd."+strconv.Itoa(i)+".label", labels[i])
		}
		v.Set("fd.5.options", "图书\n视频")
		v.Set("fd.6.options", "青少年\n老年人")
		v.Set("fd.8.col.0.label", "姓名")
		v.Set("fd.8.col.0.key", "name")
		v.Set("fd.8.col.1.label", "年龄")
		v.Set("fd.8.col.1.key", "age")
		v.Set("fd.8.col.1.type", "number")
		v.Set("fd.8.col.1.max", "120")
		v.Set("fd.3.min", "abc") // not a number
		v.Set("fd.9.file_types", "")
		v.Set("op", "save")
		res, body = post(staff, path, v)
		must(t, "bad settings", res, body, 422, "须为数字", "附件须规定允许的类型", "尚未保存")
		if sc, _, _ := rs.Store.Form(bg, c.ID, 0); len(sc.Fields) != 1 {
			t.Fatalf("a refused form was saved: %d fields", len(sc.Fields))
		}
		v.Set("fd.3.min", "100")
		v.Set("fd.9.file_types", "pdf, mp4")
		v.Set("fd.9.max_mb", "20")
		v.Set("op", "down.0") // 作品简介 after 标题
		res, body = post(staff, path, v)
		v = builderForm(body)
		v.Set("op", "del.2") // 简介, a second long text
		res, body = post(staff, path, v)
		v = builderForm(body)
		v.Set("op", "save")
		res, body = post(staff, path, v)
		must(t, "save draft", res, body, 200, "申报表已保存（第 1 版）")
		sc, version, _ := rs.Store.Form(bg, c.ID, 0)
		var order []string
		for _, f := range sc.Fields {
			order = append(order, f.Label)
		}
		if version != 1 || strings.Join(order, ",") != "标题,作品简介,字数,完成日期,类别,适用对象,指导老师,作者,作品文件" {
			t.Errorf("saved v%d: %v", version, order)
		}
		if f, _ := sc.Field("q10"); f.MaxSize != 20<<20 || strings.Join(f.FileTypes, ",") != "pdf,mp4" {
			t.Errorf("file field %+v", f)
		}
		if f, _ := sc.Field("q9"); len(f.Columns) != 2 || f.Columns[1].Max == nil || *f.Columns[1].Max != 120 {
			t.Errorf("table field %+v", f)
		}

		// Published: the form is frozen; an application is submitted on v1,
		// then a change makes v2 and the application keeps v1.
		if err := rs.Store.Publish(bg, c.ID); err != nil {
			t.Fatal(err)
		}
		a, err := rs.Store.SaveDraft(bg, review.Draft{CallID: c.ID, UserID: au.ID, Title: "身边的科学", Answers: review.Answers{
			"q2": {S: "标题"}, "intro": {S: "一本写给孩子的书"}, "q4": {S: "2026"}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := rs.Store.Submit(bg, a.ID, au.ID); err != nil {
			t.Fatal(err)
		}
		res, body = staff.Get(path)
		must(t, "frozen", res, body, 200, "已发布", "保存为第 2 版")
		v = builderForm(body)
		v.Set("fd.1.label", "作品内容简介")
		v.Set("op", "save")
		res, body = post(staff, path, v)
		must(t, "new version", res, body, 200, "申报表已保存（第 2 版）", "第 2 版")
		if got, _ := rs.Store.Application(bg, a.ID); got.FormVersion != 1 {
			t.Errorf("the submitted application moved to v%d", got.FormVersion)
		}
		if old, _, _ := rs.Store.Form(bg, c.ID, 1); old.Fields[1].Label != "作品简介" {
			t.Errorf("version 1 changed: %+v", old.Fields[1])
		}
		if cur, version, _ := rs.Store.Form(bg, c.ID, 0); version != 2 || cur.Fields[1].Label != "作品内容简介" {
			t.Errorf("current v%d %+v", version, cur.Fields[1])
		}
	})
}
