package people_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/people"
	"kexie/internal/web/webtest"
)

// At a desktop's width and a phone's, a staff member searches "材料", sees
// why each hit matched (marks in the disciplines and research direction),
// ticks two people, finds the pool by typing part of its name, and adds
// them: the pool then holds exactly those two. On the phone the facets are
// folded under 筛选 and the results start near the top of the page.
// With KEXIE_SCREENSHOTS set, the results page is saved as
// talent-search-desktop.png and talent-search-phone.png there.
func TestBrowserSearchSelectAddToPool(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		ctx := context.Background()
		ps.User(t, "clerk", access.OrgStaff, ps.City)
		youth, err := ps.People.CreatePool(ctx, ps.City.ID, "青年人才托举专家库", "")
		if err != nil {
			t.Fatal(err)
		}
		award, err := ps.People.CreatePool(ctx, ps.City.ID, "2027年度科技奖评审专家库", "")
		if err != nil {
			t.Fatal(err)
		}
		type who struct{ name, disc, employer, expertise, level string }
		var ids []int64
		for _, w := range []who{
			{"王芳", "430", "攀枝花学院", "锂电池正极材料与储能器件", "senior"},
			{"赵敏", "43070", "攀钢集团研究院", "钒钛磁铁矿综合利用，新型钛合金材料制备与表征", "vice_senior"},
			{"陈静", "150", "攀枝花市农科院", "土壤重金属修复与材料化学", "intermediate"},
			{"刘洋", "450", "攀钢集团研究院", "钢铁冶金过程模拟", "senior"},
			{"孙丽", "15065", "攀枝花学院", "稀土发光材料", "junior"},
			{"周杰", "460", "攀枝花学院", "精密制造与机械设计", "vice_senior"},
		} {
			p, err := ps.People.Create(ctx, people.Input{OrgID: ps.City.ID, Name: w.name, Discipline: w.disc, Employer: w.employer,
				Expertise: w.expertise, TitleLevel: w.level})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, p.ID)
		}
		b := webtest.NewTab(t, webtest.Browser(t), ps.URL, 20*time.Second)
		b.Login("clerk")
		shots := os.Getenv("KEXIE_SCREENSHOTS")
		for _, size := range []struct {
			label         string
			width, height int64
			pool          *people.Pool
			pick          []int64
		}{{"desktop", 1280, 900, &award, []int64{ids[0], ids[4]}}, {"phone", 390, 844, &youth, []int64{ids[1]}}} {
			b.Run(size.label+": search 材料", chromedp.EmulateViewport(size.width, size.height),
				chromedp.Navigate(ps.URL+"/people?q=%E6%9D%90%E6%96%99"), chromedp.WaitVisible(chromedp.CSS(`#people-table`)))
			eval := func(js string) string {
				v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](js))
				if err != nil {
					b.Fail(js, err)
				}
				return v
			}
			if got := eval(`Array.from(document.querySelectorAll("#people-table mark")).map(m => m.textContent).join(",")`); !strings.Contains(got, "材料") {
				t.Errorf("%s: marks %q", size.label, got)
			}
			if got := b.Text(`#people-table tbody`); !strings.Contains(got, "材料科学") || !strings.Contains(got, "锂电池正极材料") {
				t.Errorf("%s: rows lack disciplines or research direction: %q", size.label, got)
			}
			open := eval(`String(document.getElementById("facets").open)`)
			top := eval(`String(Math.round(document.getElementById("people-table").getBoundingClientRect().top + scrollY))`)
			var topPx int
			fmt.Sscan(top, &topPx)
			if size.width < 700 && (open != "false" || topPx > 700) {
				t.Errorf("phone: facets open=%s, results start at %dpx", open, topPx)
			}
			if size.width > 700 && open != "true" {
				t.Errorf("desktop: facets folded")
			}
			if got := eval(`String(document.documentElement.scrollWidth)`); got != fmt.Sprint(size.width) {
				t.Errorf("%s: page is %spx wide; too wide: %s", size.label, got, eval(`Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > innerWidth+1).slice(0, 8).map(e => e.tagName+"."+e.className+"#"+e.id+":"+Math.round(e.getBoundingClientRect().right)).join(" ")`))
			}
			for _, id := range size.pick {
				b.Run(fmt.Sprintf("%s: tick %d", size.label, id), chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name=person_ids][value="%d"]`, id))))
			}
			word := strings.Fields(strings.NewReplacer("年度", " ", "人才", " ").Replace(size.pool.Name))[1]
			b.Run(size.label+": find the pool", chromedp.SendKeys(chromedp.CSS(`#pool-filter`), word))
			if got := eval(`document.getElementById("pool-select").value`); got != fmt.Sprint(size.pool.ID) {
				t.Errorf("%s: typing %q chose pool %s, want %d", size.label, word, got, size.pool.ID)
			}
			if shots != "" {
				png, err := chromedp.Run(b.Ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(shots, "talent-search-"+size.label+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b.Run(size.label+": add", chromedp.Click(chromedp.CSS(`#pool-add button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`#pool-members`)))
			list, _, err := ps.People.PoolMembers(ctx, size.pool.ID, 100, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, p := range list {
				got = append(got, p.ID)
			}
			slices.Sort(got)
			want := slices.Clone(size.pick)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s: pool holds %v, want exactly %v", size.label, got, want)
			}
		}
	})
}
