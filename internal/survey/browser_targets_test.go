package survey_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/plan"
	"kexie/internal/survey/estimate"
	"kexie/internal/web/webtest"
)

// TestBrowserMonitorTargets opens the province's literacy dashboard at
// 1,280 and 390 px: each region's plan targets beside its rates with their
// status, the chart drawing them as dashed lines, nothing wider than the
// phone but the table's own scroller.
func TestBrowserMonitorTargets(t *testing.T) {
	ctx := webtest.Browser(t)
	ts := serveTargets(t, dbtest.OpenSQLite(t))
	ts.DB.Now = func() time.Time { return time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC) }
	seedLiteracy(t, ts.surveySite, ts.City.ID, 2023, true, false, false, false, false)
	seedLiteracy(t, ts.surveySite, ts.City.ID, 2024, true, false, false, false)
	seedLiteracy(t, ts.surveySite, ts.City.ID, 2025, true, false)
	seedLiteracy(t, ts.surveySite, ts.Peer.ID, 2024, true, false, false)
	seedLiteracy(t, ts.surveySite, ts.Peer.ID, 2025, true, true, false)
	literacyTarget(t, ts, ts.Root, ts.Root, "科学素质行动规划纲要实施方案", 60, 2025, &plan.Baseline{Value: 20, Year: 2022}, false)
	literacyTarget(t, ts, ts.City, ts.City, "攀枝花市全民科学素质行动规划", 60, 2026, &plan.Baseline{Value: 20, Year: 2023}, false)
	literacyTarget(t, ts, ts.Peer, ts.Peer, "滁州市全民科学素质行动规划", 80, 2025, nil, false)
	ts.CreateUser(t, "province", access.OrgStaff, ts.Root)

	b := webtest.NewTab(t, ctx, ts.URL, 30*time.Second)
	b.Login("province")
	for _, width := range []int64{1280, 390} {
		b.Run("viewport", chromedp.EmulateViewport(width, 900), chromedp.Sleep(150*time.Millisecond))
		b.Open("/surveys/literacy", "#monitor-regions")
		b.Run("chart", chromedp.WaitVisible(chromedp.CSS(`.chart[data-chart-ready]`)))
		got := b.Text(`#monitor-regions`)
		for _, want := range []string{"规划目标", "攀枝花市全民科学素质行动规划", "≥60%", "（2026 年）", "进展顺利", "滁州市全民科学素质行动规划", "进度滞后", "科学素质行动规划纲要实施方案"} {
			if !strings.Contains(got, want) {
				t.Errorf("%d px: the regions table lacks %q: %q", width, want, got)
			}
		}
		// The chart draws three target lines beside the three rate lines.
		n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`echarts.getInstanceByDom(document.querySelector('.chart')).getOption().series.filter(s => s.lineStyle && s.lineStyle.type === 'dashed').length`))
		if err != nil || n != 3 {
			t.Errorf("%d px: %d dashed target lines (%v), want 3", width, n, err)
		}
		if w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > int(width) {
			t.Errorf("the dashboard is %d px wide at %d px", w, width)
		}
	}
	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	shot(b, "survey-monitor-targets")
}

// TestBrowserAnalysisByRegion asks the analysis page, weighted, for the
// by-region table through its filters at 1,280 and 390 px.
func TestBrowserAnalysisByRegion(t *testing.T) {
	ctx := webtest.Browser(t)
	ss := serveSurveys(t, dbtest.OpenSQLite(t))
	v := seedRegionSurvey(t, ss)
	if err := ss.Surveys.SetMargins(context.Background(), v.ID, estimate.Margins{"gender": {"1": 0.7, "2": 0.3}}); err != nil {
		t.Fatal(err)
	}
	ss.CreateUser(t, "province", access.OrgStaff, ss.Root)
	b := webtest.NewTab(t, ctx, ss.URL, 30*time.Second)
	b.Login("province")
	for _, width := range []int64{1280, 390} {
		b.Run("viewport", chromedp.EmulateViewport(width, 900), chromedp.Sleep(150*time.Millisecond))
		b.Open("/surveys/"+itoa(v.ID)+"/analysis", "#analysis-filters")
		b.Run("ask by region", chromedp.SetValue(chromedp.CSS(`#region-level`), "1"), chromedp.SetValue(chromedp.CSS(`#cross-col`), "gender"),
			chromedp.Click(chromedp.CSS(`input[name=weighted]`)), chromedp.Click(chromedp.CSS(`#analysis-go`)),
			chromedp.WaitVisible(chromedp.CSS(`#region-table`)))
		got := b.Text(`#region-table`)
		for _, want := range []string{"攀枝花市科学技术协会", "滁州市科学技术协会", "具备科学素质的比例", "男", "SE ", "n=6", "n=4", "合计", "已考虑迭代加权"} {
			if !strings.Contains(got, want) {
				t.Errorf("%d px: the by-region table lacks %q: %q", width, want, got)
			}
		}
		if w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > int(width) {
			t.Errorf("the analysis page is %d px wide at %d px", w, width)
		}
		// The page holds a chart per question: shoot the filters and the table only.
		if dir := os.Getenv("KEXIE_SCREENSHOTS"); dir != "" {
			for _, part := range []struct{ sel, name string }{{"#analysis-filters", "filters"}, {"#region-table", "table"}} {
				png, err := chromedp.Run(b.Ctx, chromedp.Screenshot(chromedp.CSS(part.sel)))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("survey-analysis-by-region-%s-%d.png", part.name, width)), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
