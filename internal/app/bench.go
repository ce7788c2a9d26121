package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/org"
	"kexie/internal/plan"
	"kexie/internal/web"
)

// BenchFixture is a database seeded for the org-tree benchmark and a
// signed-in session to load it with.
type BenchFixture struct {
	Root  org.Org
	Token string // session cookie value of the benchmark user
}

// SeedOrgTree fills a fresh database with n orgs shaped like a province —
// the root, 50 cities, 20 counties per city and towns under the counties —
// through the org store (so every row is validated and audited), and signs
// in a staff user at the root. progress is called every 500 orgs.
func (a *App) SeedOrgTree(ctx context.Context, n int, progress func(done int)) (BenchFixture, error) {
	var fx BenchFixture
	root, _, err := a.Orgs.EnsureRoot(ctx, "某省科学技术协会", "ROOT", org.TypeProvince)
	if err != nil {
		return fx, err
	}
	fx.Root = root
	made := 1
	create := func(parent int64, code, name string, typ org.Type) (org.Org, error) {
		o, err := a.Orgs.Create(ctx, org.Input{ParentID: parent, Code: code, Name: name, Type: typ})
		if err == nil {
			made++
			if progress != nil && made%500 == 0 {
				progress(made)
			}
		}
		return o, err
	}
	var cities, counties []org.Org
	for i := 1; i <= 50 && made < n; i++ {
		c, err := create(root.ID, fmt.Sprintf("C%02d", i), fmt.Sprintf("第%02d市科学技术协会", i), org.TypeCity)
		if err != nil {
			return fx, err
		}
		cities = append(cities, c)
	}
	for _, c := range cities {
		for j := 1; j <= 20 && made < n; j++ {
			k, err := create(c.ID, c.Code+fmt.Sprintf("-%02d", j), c.Name[:len(c.Name)-len("科学技术协会")]+fmt.Sprintf("第%02d县科协", j), org.TypeCounty)
			if err != nil {
				return fx, err
			}
			counties = append(counties, k)
		}
	}
	for i := 0; made < n && len(counties) > 0; i++ {
		k := counties[i%len(counties)]
		if _, err := create(k.ID, k.Code+fmt.Sprintf("-%03d", i/len(counties)+1), fmt.Sprintf("%s第%d镇科协", k.Name, i/len(counties)+1), org.TypeTown); err != nil {
			return fx, err
		}
	}
	pw := "Load-Test-2026!"
	u, err := a.Auth.CreateUser(ctx, auth.UserInput{Username: "bench", DisplayName: "压测用户", Password: pw})
	if err != nil {
		return fx, err
	}
	if err := a.Auth.Grant(ctx, u.ID, root.ID, access.OrgStaff, 0); err != nil {
		return fx, err
	}
	res, err := a.Auth.Login(ctx, "bench", pw, "127.0.0.1", "kexie bench")
	if err != nil {
		return fx, err
	}
	fx.Token = res.Token
	return fx, nil
}

// BaselineHandler is the comparison point of the org-tree benchmark: a bare
// net/http handler that renders the same template with the same data, held
// in memory — no session lookup, no access check, no query, no middleware.
func (a *App) BaselineHandler(ctx context.Context, fx BenchFixture) (http.Handler, error) {
	req := httptest.NewRequest("GET", "/orgs", nil)
	req.AddCookie(&http.Cookie{Name: "kexie_session", Value: fx.Token})
	id, err := a.Auth.Authenticate(httptest.NewRecorder(), req)
	if err != nil || id == nil {
		return nil, fmt.Errorf("app: baseline identity: %v", err)
	}
	req = req.WithContext(web.WithIdentity(ctx, id))
	v := a.Site.NewView(httptest.NewRecorder(), req, "org.title")
	t := a.Site.T(req)
	root, err := a.Orgs.Get(ctx, fx.Root.ID)
	if err != nil {
		return nil, err
	}
	kids, err := a.Orgs.Children(ctx, root, "name", 50, 0)
	if err != nil {
		return nil, err
	}
	total := root.ChildCount
	l := web.ParseList(req, "", "name")
	l.Total = total
	p := org.TreePage{Current: root, List: l, Regions: a.Orgs.Regions()}
	for _, ty := range org.Types() {
		p.Types = append(p.Types, org.TypeOption{Value: string(ty), Label: t(ty.Label())})
	}
	for i, k := range kids {
		p.Rows = append(p.Rows, org.Row{Org: &kids[i], TypeLabel: t(k.Type.Label())})
	}
	// The side tree, as the page shows it: the root open on its children.
	sideKids, err := a.Orgs.Children(ctx, root, "tree", 100, 0)
	if err != nil {
		return nil, err
	}
	top := org.TreeNode{Org: &root, Open: true, Selected: true}
	for i := range sideKids {
		top.Children = append(top.Children, org.TreeNode{Org: &sideKids[i]})
	}
	p.Tree = []org.TreeNode{top}
	v.Data = p
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := pool.Get().(*bytes.Buffer)
		buf.Reset()
		defer pool.Put(buf)
		if err := a.Site.RenderPage(buf, "org/tree.html", v); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
		_, _ = io.Copy(w, buf)
	}), nil
}

// PlanFixture is a database seeded for the plan dashboard benchmark.
type PlanFixture struct {
	Token   string
	PlanIDs []int64
	Entries int
	Targets int
}

// SeedPlans fills a fresh database with plans of the root org: each with
// indicators targets spread over 50 tasks led by 10 departments, published,
// and years×4 quarters of accepted progress per target (written in bulk).
func (a *App) SeedPlans(ctx context.Context, plans, indicators, years int, progress func(done int)) (PlanFixture, error) {
	var fx PlanFixture
	root, _, err := a.Orgs.EnsureRoot(ctx, "某省科学技术协会", "ROOT", org.TypeProvince)
	if err != nil {
		return fx, err
	}
	var names []string
	ids := map[string]int64{}
	for i := 1; i <= 10; i++ {
		o, err := a.Orgs.Create(ctx, org.Input{ParentID: root.ID, Code: fmt.Sprintf("DEPT%02d", i), Name: fmt.Sprintf("省第%d委办局", i), Type: org.TypeGovDept})
		if err != nil {
			return fx, err
		}
		names = append(names, o.Name)
		ids[o.Name] = o.ID
	}
	start := 2021
	end := start + years - 1
	for p := 0; p < plans; p++ {
		doc := plan.BenchDoc(fmt.Sprintf("压测规划%02d（%d—%d年）", p+1, start, end), start, end, 10, 5, indicators, names)
		id, err := a.Plans.Save(ctx, root.ID, doc, "bench.txt", "", nil)
		if err != nil {
			return fx, err
		}
		var choices []plan.UnitChoice
		for _, n := range names {
			choices = append(choices, plan.UnitChoice{Name: n, OrgID: ids[n]})
		}
		if _, err := a.Plans.LinkUnits(ctx, id, choices); err != nil {
			return fx, err
		}
		if err := a.Plans.Publish(ctx, id); err != nil {
			return fx, err
		}
		pl, err := a.Plans.Get(ctx, id)
		if err != nil {
			return fx, err
		}
		var entries []plan.BenchEntry
		for k, ind := range pl.Indicators {
			goal := *ind.Value
			for y := start; y <= end; y++ {
				for q := 1; q <= 4; q++ {
					share := (float64(y-start) + float64(q)/4) / float64(years)
					if ind.Per != nil {
						share = float64(q) / 4
					}
					pace := 0.75 + float64(k%6)*0.1
					entries = append(entries, plan.BenchEntry{IndicatorID: ind.ID, OrgID: ind.OrgID, Year: y, Quarter: q, Value: goal * share * pace})
				}
			}
		}
		if err := a.Plans.SeedLedger(ctx, id, entries); err != nil {
			return fx, err
		}
		fx.PlanIDs = append(fx.PlanIDs, id)
		fx.Entries += len(entries)
		fx.Targets += len(pl.Indicators)
		if progress != nil {
			progress(p + 1)
		}
	}
	pw := "Load-Test-2026!"
	u, err := a.Auth.CreateUser(ctx, auth.UserInput{Username: "planbench", DisplayName: "压测用户", Password: pw})
	if err != nil {
		return fx, err
	}
	if err := a.Auth.Grant(ctx, u.ID, root.ID, access.OrgStaff, 0); err != nil {
		return fx, err
	}
	res, err := a.Auth.Login(ctx, "planbench", pw, "127.0.0.1", "kexie bench")
	if err != nil {
		return fx, err
	}
	fx.Token = res.Token
	return fx, nil
}
