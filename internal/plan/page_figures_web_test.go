package plan_test

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/measure"
	"kexie/internal/plan"
)

// The plan pages read as a 科协 office reads them (ux48, seen on the demo):
// a figure carries its unit (a baseline, the ledger's 完成值, the latest
// value on 我的填报任务 and 本季度待填报), a computed rate is rounded (28.33, not
// 28.333333333333332), the quarter is in words, neither a year nor a
// target's responsible org (省教育厅) wraps, no separator dangles where a
// plan names no issuer or an entry no filer, 指定责任单位 with nothing left
// to assign does not say the targets below have none, and the comparison
// fits a phone.
func TestPlanPagesFigures(t *testing.T) {
	eachDB(t, func(t *testing.T, ps planSite) {
		ctx := context.Background()
		reg, err := measure.NewRegistry([]measure.Source{{Key: "test.rate", Label: "plan.title", Unit: "%", Kind: measure.Share, AsOf: true,
			Value: func(context.Context, access.Scope, measure.Period) (float64, error) { return 85.0 / 3, nil }}})
		if err != nil {
			t.Fatal(err)
		}
		ps.Plans.SetSources(reg)
		ps.Plans.SetClock(func() time.Time { return time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC) })
		doc := &plan.Doc{Title: "某市全民科学素质提升实施方案", Period: plan.Period{Start: ptr(2024), End: ptr(2028)},
			Sections: []*plan.Section{{Number: "一", Title: "总体目标", Level: 1}},
			Indicators: []plan.Indicator{
				{Text: "公民具备科学素质的比例由2023年的13.7%提高到2028年的18%", Section: []string{"一"}, Metric: "公民具备科学素质的比例",
					Comparator: "=", Value: ptr(18.0), Unit: "%", DeadlineYear: ptr(2028), Baseline: &plan.Baseline{Value: 13.7, Year: 2023}},
				{Text: "科普教育基地达到50个以上", Section: []string{"一"}, Metric: "科普教育基地", Comparator: ">=", Value: ptr(50.0), Unit: "个", DeadlineYear: ptr(2028)},
			}}
		planID, err := ps.Plans.Save(ctx, ps.City.ID, doc, "方案.txt", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := ps.Plans.Get(ctx, planID)
		rate, bases := p.Indicators[0].ID, p.Indicators[1].ID
		for _, id := range []int64{rate, bases} {
			if err := ps.Plans.Assign(ctx, planID, id, ps.City.ID); err != nil {
				t.Fatal(err)
			}
		}
		if err := ps.Plans.Publish(ctx, planID); err != nil {
			t.Fatal(err)
		}
		if err := ps.Plans.Bind(ctx, plan.BindInput{PlanID: planID, IndicatorID: rate, Key: "test.rate", Scope: access.Everywhere()}); err != nil {
			t.Fatal(err)
		}
		file := func(year, quarter, value string) int64 {
			id, err := ps.Plans.File(ctx, plan.ProgressInput{Scope: access.Everywhere(), PlanID: planID, IndicatorID: bases,
				Year: year, Quarter: quarter, Value: value, Narrative: "年度总结"})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		staff, me := ps.User(t, "citystaff", access.OrgAdmin, ps.City)
		if err := ps.Plans.Review(ctx, planID, file("2025", "0", "22"), true, "", me.ID); err != nil {
			t.Fatal(err)
		}
		file("2026", "1", "25") // pending, filed by no signed-in user
		get := func(path string) string {
			t.Helper()
			_, body := staff.Get(path)
			return html.UnescapeString(body)
		}
		check := func(page, body string, want, not []string) {
			t.Helper()
			for _, w := range want {
				if !strings.Contains(body, w) {
					t.Errorf("%s lacks %q", page, w)
				}
			}
			for _, n := range not {
				if strings.Contains(body, n) {
					t.Errorf("%s shows %q", page, n)
				}
			}
		}
		check("the plan's page", get(fmt.Sprintf("/plans/%d", planID)),
			[]string{`id="plan-meta">2024–2028 · 来源文件`, `<span class="muted small nowrap">基数：2023 年 13.7 %</span>`,
				`<span class="muted small nowrap">到 2028 年</span>`, fmt.Sprintf(`<a class="small nowrap" href="/plans/%d/indicators/%d">`, planID, bases)}, nil)
		check("the bound target's page", get(fmt.Sprintf("/plans/%d/indicators/%d", planID, rate)),
			[]string{`id="ind-baseline">2023 年 13.7 %</dd>`, `id="ind-latest">28.33 %（2026 年第 2 季度）`, `<td class="right inline-sm"><strong>28.33</strong>`, `<th class="right">完成值（%）</th>`},
			[]string{"28.333", "基数：2023"})
		check("我的填报任务", get("/plans/tasks"), []string{"22 个</td>"}, nil)
		check("the dashboard", get(fmt.Sprintf("/plans/%d/dashboard", planID)),
			[]string{"本季度（2026 年第 2 季度）待填报", "22 个（2025 年全年）", "指标数（项）"}, []string{"2026Q2", " · </div>"})
		// On a phone the comparison keeps the org (linked to the plan), the
		// target, the latest and expected values and the status in view.
		check("下级规划指标对比", get("/plans/compare?q="+url.QueryEscape("科学素质")),
			[]string{fmt.Sprintf(`<td><a href="/plans/%d/dashboard" title="某市全民科学素质提升实施方案">`, planID), `<th>规划名称</th>`, `<td class="small hide-sm"><a href=`,
				`<th>指标</th>`, `<td class="small">`, "28.33 %"}, []string{"28.333"})
		// Every target has its unit: the page says so, not "the targets below have none".
		check("指定责任单位", get(fmt.Sprintf("/plans/%d/unassigned", planID)), []string{`id="all-assigned"`}, []string{"下列指标还没有责任单位"})
	})
}

// On a draft's review page a proposed candidate names its section by
// number and title and its year in words (一 发展现状 … 到 2030 年), not by a
// bare path and year (一 … · 2030).
func TestDraftCandidatesInWords(t *testing.T) {
	text, err := os.ReadFile("testdata/plans/shi_kexie_shiwuwu.txt")
	if err != nil {
		t.Fatal(err)
	}
	eachDB(t, func(t *testing.T, ps planSite) {
		staff, _ := ps.User(t, "citystaff", access.OrgAdmin, ps.City)
		body := follow(staff, "/plans", url.Values{"org_id": {fmt.Sprint(ps.City.ID)}, "text": {string(text)}})
		body = html.UnescapeString(snippet(body, `id="plan-candidates"`))
		if !strings.Contains(body, `<span class="small muted">一 发展现状</span>`) || !strings.Contains(body, `<span class="small muted nowrap">到 2030 年</span>`) ||
			strings.Contains(body, "· 2030") {
			t.Errorf("candidates: %.1500s", body)
		}
	})
}
