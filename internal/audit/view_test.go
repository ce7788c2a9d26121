package audit

import (
	"context"
	"strings"
	"testing"

	"kexie/internal/web"
)

type fakeNames map[string]map[int64]web.Name

func (f fakeNames) Names(_ context.Context, kind string, ids []int64) (map[int64]web.Name, error) {
	return f[kind], nil
}

// A record reads as names and labels, never as ids, JSON or codes.
func TestRowsReadable(t *testing.T) {
	names := fakeNames{
		"org":       {1: {Text: "四川省科学技术协会", Href: "/orgs/1"}, 5: {Text: "攀枝花市科学技术协会", Href: "/orgs/5"}},
		"indicator": {9: {Text: "建成社区科普e站"}},
		"plan":      {3: {Text: "攀枝花市全民科学素质提升实施方案", Href: "/plans/3"}},
	}
	cat := map[string]string{"audit.act.plan.progress_file": "填报规划进展", "audit.field.indicator": "指标", "audit.field.quarter": "季度",
		"audit.quarter.0": "全年", "audit.field.org": "组织", "audit.kind.file": "文件", "audit.kind.plan": "规划",
		"org.f.path": "层级", "audit.yes": "是"}
	tr := func(k string, _ ...any) string {
		if v, ok := cat[k]; ok {
			return v
		}
		return k
	}
	recs := []Record{
		{Action: "plan.progress_file", Target: "plan:3", OrgID: 5,
			Summary: `{"after":{"indicator":9,"org":5,"quarter":0,"value":14.7,"ok":true}}`},
		{Action: "people.import", Target: "file:名单.xlsx", Summary: `{"after":{"rows":3}}`},
		{Action: "org.move", Target: "org:5", Summary: `{"before":{"path":"/1/5/","parent_id":1},"after":{"path":"/1/5/","parent_id":5}}`},
	}
	rows, err := rows(context.Background(), names, tr, recs)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows[0].Changes {
		b.WriteString(r.Label + "=" + r.After + ";")
	}
	if got := b.String(); got != "指标=建成社区科普e站;组织=攀枝花市科学技术协会;季度=全年;value=14.7;ok=是;" {
		t.Errorf("progress changes %q", got)
	}
	if !rows[0].OneSide || rows[0].ActionLabel != "填报规划进展" || rows[0].Object.Text != "攀枝花市全民科学素质提升实施方案" ||
		rows[0].Object.Href != "/plans/3" || rows[0].Org.Text != "攀枝花市科学技术协会" {
		t.Errorf("progress row %+v", rows[0])
	}
	if rows[1].Object.Text != "名单.xlsx" || rows[1].ObjectKind != "文件" {
		t.Errorf("file target %+v", rows[1].Object)
	}
	// An unchanged field is left out of a before/after pair.
	if cs := rows[2].Changes; len(cs) != 1 || cs[0].Field != "parent_id" || cs[0].Before != "四川省科学技术协会" || cs[0].After != "攀枝花市科学技术协会" {
		t.Errorf("move changes %+v", cs)
	}
}

// An actor that is not a person reads in words; a person's name (also one
// that looks like a code) is shown as recorded.
func TestActorsInWords(t *testing.T) {
	cat := map[string]string{"audit.actor.system": "系统", "audit.actor.setup": "首次设置", "audit.actor.cli": "命令行（kexie %s）",
		"audit.actor.demo": "演示数据"}
	tr := func(k string, a ...any) string {
		if v, ok := cat[k]; ok {
			if len(a) > 0 {
				return strings.Replace(v, "%s", a[0].(string), 1)
			}
			return v
		}
		return k
	}
	names := fakeNames{"user": {7: {Text: "张敏", Href: "/admin/users/7"}}}
	var recs []Record
	for _, n := range []string{"system", "setup", "cli:people import", "demo:society-staff", "王芳", "zhang"} {
		recs = append(recs, Record{Action: "org.create", ActorName: n})
	}
	recs = append(recs, Record{Action: "org.create", ActorID: 7, ActorName: "zhangmin"})
	rows, err := rows(context.Background(), names, tr, recs)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"系统", "首次设置", "命令行（kexie people import）", "演示数据", "王芳", "zhang", "张敏"}
	for i, r := range rows {
		if r.Actor.Text != want[i] {
			t.Errorf("actor %q reads %q, want %q", recs[i].ActorName, r.Actor.Text, want[i])
		}
	}
}
