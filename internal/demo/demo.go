// Package demo generates a deterministic synthetic province for tours,
// tests and benchmarks: its real city and county tree from GB/T 2260,
// provincial societies and grassroots associations, and people with
// plausible Chinese names, employers, titles and valid synthetic ID numbers.
// Every person is made up; the same seed always gives the same data.
//
// It writes only through the org and people stores (the people through the
// import path, so the data passes the same validation as real files).
package demo

import (
	"context"
	"fmt"
	"io"
	"kexie/internal/access"
	"math/rand/v2"
	"strings"

	"kexie/internal/event"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/plan"
	"kexie/internal/society"
	"kexie/internal/std"
	"kexie/internal/survey"
	"kexie/internal/venue"
	"kexie/internal/volunteer"
)

// Size is how much to generate.
type Size struct {
	People int
}

// Sizes by name.
var Sizes = map[string]Size{"small": {People: 2000}, "large": {People: 1_000_000}}

// Options configure a run.
type Options struct {
	Province string // a 2-digit-padded GB/T 2260 province code, e.g. "510000"
	Seed     uint64
	Size     Size
	Progress func(stage string, done, total int)
	// T localizes import messages (only shown if generated data were invalid).
	T func(key string, args ...any) string
	// Plans, when set, gets the demo plans and their progress ledger.
	Plans *plan.Store
	// Events, when set, gets a year of 科普 events with registrations and check-ins.
	Events *event.Store
	// Venues, when set, gets the 科普 venues and bases of the first cities.
	Venues *venue.Store
	// Societies, when set, gets the societies' reports, grades, terms and members.
	Societies *society.Store
	// Volunteers, when set, gets volunteers with a year of service hours.
	Volunteers *volunteer.Store
	// Surveys, when set, gets the demo surveys and their responses.
	Surveys *survey.Store
}

// Result counts what was made.
type Result struct {
	Orgs, People  int
	Plans, Ledger int // plans and progress entries
	Events        eventResult
	Venues        int
	Members       int // society members
	Volunteers    int // 科普志愿者 (with Hours ledger entries)
	Hours         int
	Surveys       SurveyResult
	Pools         int // 专家库 made from the people
}

var (
	surnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
		"郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
		"余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金"}
	given = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
		"刚", "桂", "华", "建", "国", "志", "文", "晓", "红", "玲", "斌", "宇", "浩", "凯", "健", "俊", "帆", "帅", "鑫", "博",
		"雪", "琳", "欣", "悦", "婷", "瑶", "倩", "颖", "晨", "阳", "东", "海", "林", "峰", "辉", "波", "宁", "亮", "春", "梅"}
	// Societies by the name they carry after the place ("四川省" + "物理学会"):
	// the fields a provincial 科协's societies usually cover, each named the
	// way such societies are (医学会, not 医学学会; 核学会, not 核学会学会).
	societies = []string{"机械工程学会", "电机工程学会", "电子学会", "计算机学会", "自动化学会", "化学会", "化工学会", "材料研究学会",
		"金属学会", "有色金属学会", "煤炭学会", "石油学会", "地质学会", "测绘地理信息学会", "气象学会", "水利学会", "土木建筑学会",
		"公路学会", "铁道学会", "航空学会", "环境科学学会", "生态学学会", "林学会", "农学会", "畜牧兽医学会", "水产学会", "园艺学会",
		"植物保护学会", "土壤肥料学会", "作物学会", "医学会", "中医药学会", "药学会", "护理学会", "预防医学会", "营养学会", "数学会",
		"物理学会", "力学学会", "天文学会", "心理学会", "科学技术史学会", "科普作家协会", "青少年科技教育协会", "生物工程学会",
		"食品科学技术学会", "纺织工程学会", "造纸学会", "仪器仪表学会", "能源研究会", "核学会"}
	expertise = []string{"钒钛磁铁矿综合利用", "稀土功能材料", "锂电池正极材料", "高速铁路桥梁", "隧道与地下工程", "水稻育种", "果树栽培", "茶叶加工",
		"生猪遗传改良", "中药材规范化种植", "心血管疾病防治", "肿瘤免疫治疗", "儿童青少年近视防控", "人工智能", "大数据分析", "工业互联网",
		"集成电路设计", "新能源汽车", "氢能与燃料电池", "光伏发电", "水电站建设", "地质灾害防治", "生态修复", "大气污染防治", "智慧农业",
		"无人机遥感", "应急管理", "科普传播", "科技史研究", "数学建模", "精密制造", "航空发动机", "卫星导航", "食品安全检测", "白酒酿造"}
	employerKinds = []string{"第一人民医院", "中医医院", "农业科学研究院", "职业技术学院", "第一中学", "工业园区管委会", "农业技术推广中心",
		"疾病预防控制中心", "气象局", "水文站", "林业科学研究所", "科技馆"}
	titles = []struct{ name, level string }{{"研究员", "senior"}, {"教授", "senior"}, {"正高级工程师", "senior"}, {"主任医师", "senior"},
		{"副研究员", "vice_senior"}, {"副教授", "vice_senior"}, {"高级工程师", "vice_senior"}, {"副主任医师", "vice_senior"},
		{"高级农艺师", "vice_senior"}, {"工程师", "intermediate"}, {"讲师", "intermediate"}, {"主治医师", "intermediate"},
		{"农艺师", "intermediate"}, {"助理工程师", "junior"}, {"助教", "junior"}, {"", "none"}}
	educations = []struct{ edu, degree string }{{"研究生", "博士"}, {"研究生", "硕士"}, {"大学本科", "学士"}, {"大专", ""}}
	categories = []string{"", "", "", "青年科技人才", "高层次人才", "企业创新人才", "科学传播专家", "评审专家", "智库专家"}
)

// Generate builds the demo province under the root org.
func Generate(ctx context.Context, orgs *org.Store, ppl *people.Store, o Options) (Result, error) {
	var res Result
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	regions := std.Regions()
	prov, ok := regions.Lookup(o.Province)
	if !ok || prov.Level != 1 {
		return res, fmt.Errorf("demo: %s is not a province code", o.Province)
	}
	progress := func(stage string, done, total int) {
		if o.Progress != nil {
			o.Progress(stage, done, total)
		}
	}
	root, created, err := orgs.EnsureRoot(ctx, prov.Name+"科学技术协会", "KX"+o.Province[:2], org.TypeProvince)
	if err != nil {
		return res, err
	}
	if created {
		res.Orgs++
	}
	mk := func(parent int64, code, name string, typ org.Type, region string) (org.Org, error) {
		x, err := orgs.Create(ctx, org.Input{ParentID: parent, Code: code, Name: name, Type: typ, RegionCode: region})
		if err == nil {
			res.Orgs++
		}
		return x, err
	}
	type unit struct {
		org    org.Org
		region string
		place  string // e.g. 攀枝花市 or 东区
	}
	var counties []unit
	var cities []unit
	for _, city := range regions.Children(prov.Code) {
		if city.StatOnly {
			continue
		}
		cityName := city.Name
		if cityName == "市辖区" || cityName == "县" || strings.Contains(cityName, "直辖") {
			cityName = prov.Name
		}
		c, err := mk(root.ID, "KX"+city.Code, cityName+"科学技术协会", org.TypeCity, city.Code)
		if err != nil {
			return res, err
		}
		cities = append(cities, unit{c, city.Code, cityName})
		for _, county := range regions.Children(city.Code) {
			if county.StatOnly {
				continue
			}
			k, err := mk(c.ID, "KX"+county.Code, county.Name+"科学技术协会", org.TypeCounty, county.Code)
			if err != nil {
				return res, err
			}
			counties = append(counties, unit{k, county.Code, county.Name})
		}
		progress("orgs", res.Orgs, 0)
	}
	// Provincial societies, and a few societies in every city.
	for i, f := range societies {
		if _, err := mk(root.ID, fmt.Sprintf("XH%s%03d", o.Province[:2], i+1), prov.Name+f, org.TypeSociety, prov.Code); err != nil {
			return res, err
		}
	}
	for ci, c := range cities {
		for j := 0; j < 8; j++ {
			f := societies[(ci*8+j)%len(societies)]
			if _, err := mk(c.org.ID, fmt.Sprintf("XH%s%02d", c.region, j+1), c.place+f, org.TypeSociety, c.region); err != nil {
				return res, err
			}
		}
	}
	// Grassroots associations in every county.
	for _, k := range counties {
		for j, g := range []struct {
			suffix string
			typ    org.Type
		}{{"农村专业技术协会", org.TypeAgri}, {"科普协会", org.TypeKepu}} {
			if _, err := mk(k.org.ID, fmt.Sprintf("JC%s%d", k.region, j+1), k.place+g.suffix, g.typ, k.region); err != nil {
				return res, err
			}
		}
	}
	progress("orgs", res.Orgs, res.Orgs)
	if o.Societies != nil {
		if res.Members, err = makeSocieties(ctx, o.Societies, o.Seed); err != nil {
			return res, err
		}
	}

	// Plans with a few years of progress (their own random stream, so the
	// people stay the same with or without them).
	if o.Plans != nil {
		var cityOrgs []org.Org
		var places []string
		for _, c := range cities {
			cityOrgs = append(cityOrgs, c.org)
			places = append(places, c.place)
		}
		prng := rand.New(rand.NewPCG(o.Seed+1, o.Seed^0x5851f42d4c957f2d))
		pr, err := makePlans(ctx, o.Plans, root, prov.Name, cityOrgs, places, prng)
		if err != nil {
			return res, err
		}
		res.Plans, res.Ledger = pr.Plans, pr.Entries
		progress("plans", res.Plans, res.Plans)
	}
	if o.Events != nil { // a year of 科普 events (event.go), on a stream of their own
		var cityOrgs []org.Org
		var places []string
		for _, c := range cities {
			cityOrgs, places = append(cityOrgs, c.org), append(places, c.place)
		}
		if res.Events, err = makeEvents(ctx, o.Events, root, prov.Name, cityOrgs, places, rand.New(rand.NewPCG(o.Seed+2, o.Seed))); err != nil {
			return res, err
		}
		progress("events", res.Events.Events, res.Events.Events)
	}
	if o.Venues != nil { // venues and bases (venue.go), on a stream of their own
		var cs, ks []place
		for _, c := range cities {
			cs = append(cs, place{c.org, c.region, c.place})
		}
		for _, k := range counties {
			ks = append(ks, place{k.org, k.region, k.place})
		}
		if res.Venues, err = makeVenues(ctx, o.Venues, cs, ks, rand.New(rand.NewPCG(o.Seed+3, o.Seed))); err != nil {
			return res, err
		}
		progress("venues", res.Venues, res.Venues)
	}

	if o.Volunteers != nil {
		var cityOrgs []org.Org
		for _, c := range cities {
			cityOrgs = append(cityOrgs, c.org)
		}
		if res.Volunteers, res.Hours, err = makeVolunteers(ctx, o.Volunteers, cityOrgs, rand.New(rand.NewPCG(o.Seed+3, o.Seed^0x3c6ef372fe94f82b))); err != nil {
			return res, err
		}
		progress("volunteers", res.Volunteers, res.Volunteers)
	}
	if o.Surveys != nil { // five years of literacy surveys and a status survey (survey.go)
		var cityOrgs []org.Org
		for _, c := range cities {
			cityOrgs = append(cityOrgs, c.org)
		}
		if res.Surveys, err = makeSurveys(ctx, o.Surveys, root, cityOrgs, 60, rand.New(rand.NewPCG(o.Seed+3, o.Seed^0x9e3779b97f4a7c15))); err != nil {
			return res, err
		}
		progress("surveys", res.Surveys.Responses, res.Surveys.Responses)
	}

	// People, spread over the counties, written through the import path one
	// county at a time.
	if len(counties) == 0 {
		return res, nil
	}
	// Disciplines draw from a stream of their own, so the people are the
	// same with or without them, and take their codes from the imported
	// GB/T 13745 table (none without one).
	drng := rand.New(rand.NewPCG(o.Seed+2, o.Seed^0x2545f4914f6cdd1d))
	table, err := ppl.Disciplines(ctx)
	if err != nil {
		return res, err
	}
	codes := codesOf(table)
	per := o.Size.People / len(counties)
	extra := o.Size.People % len(counties)
	for i, k := range counties {
		n := per
		if i < extra {
			n++
		}
		if n == 0 {
			continue
		}
		pr, pw := io.Pipe()
		go func() {
			pw.CloseWithError(writePeople(pw, rng, drng, codes, k.region, k.place, n))
		}()
		t := o.T
		if t == nil {
			t = func(key string, args ...any) string { return key }
		}
		r, err := ppl.Import(ctx, pr, "demo-"+k.region+".csv", k.org.ID, false)
		pr.Close()
		if err != nil {
			return res, err
		}
		if len(r.Errors) > 0 {
			return res, fmt.Errorf("demo: generated data refused at row %d: %s %s", r.Errors[0].Row, r.Errors[0].Column, r.Errors[0].Text(t))
		}
		res.People += r.Created + r.Updated + r.Unchanged
		progress("people", res.People, o.Size.People)
	}
	var cityOrgs []org.Org
	for _, c := range cities {
		cityOrgs = append(cityOrgs, c.org)
	}
	if res.Pools, err = makePools(ctx, ppl, root, cityOrgs); err != nil {
		return res, err
	}
	return res, nil
}

// makePools gives the demo its 专家库 the way a 科协 builds them from its
// talent database: the province's 评审专家库 of its senior people, and each
// city's 科普专家库 of its senior and vice-senior people —
// so a new call's pool select and the expert pages have something to show.
func makePools(ctx context.Context, ppl *people.Store, root org.Org, cities []org.Org) (int, error) {
	type want struct {
		at         org.Org
		name, desc string
		levels     []string
		size       int
	}
	wants := []want{{root, root.Name + "评审专家库", "省级科技奖励和项目评审的专家（正高级职称）", []string{"senior"}, 60}}
	for _, c := range cities {
		wants = append(wants, want{c, c.Name + "科普专家库", "科普内容审核与辟谣的专家（副高级以上职称）", []string{"senior", "vice_senior"}, 30})
	}
	n := 0
	for _, w := range wants {
		var ids []int64
		for _, lvl := range w.levels {
			list, _, err := ppl.List(ctx, people.Filter{Scope: access.Subtrees(w.at.Path), TitleLevel: lvl, Sort: "name", Limit: w.size - len(ids)})
			if err != nil {
				return n, err
			}
			for _, p := range list {
				ids = append(ids, p.ID)
			}
			if len(ids) >= w.size {
				break
			}
		}
		if len(ids) == 0 {
			continue
		}
		pool, err := ppl.CreatePool(ctx, w.at.ID, w.name, w.desc)
		if err != nil {
			return n, err
		}
		if _, err := ppl.AddToPool(ctx, pool.ID, ids); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// writePeople writes n synthetic people of one county as CSV; their
// disciplines come from drng and codes (see codesOf).
func writePeople(w io.Writer, rng, drng *rand.Rand, codes map[string][]string, region, place string, n int) error {
	used := make(map[string]bool, n)
	var b strings.Builder
	b.WriteString("姓名,身份证号,手机号,工作单位,地区代码,职称,职称级别,学历,学位,研究方向,人才类别,学科代码\n")
	for i := 0; i < n; i++ {
		name := surnames[rng.IntN(len(surnames))] + given[rng.IntN(len(given))]
		if rng.IntN(2) == 0 {
			name += given[rng.IntN(len(given))]
		}
		// A random birth date (ages 23–65) and sequence number, drawn again
		// on the rare collision, so every number in the county is unique.
		var first string
		for {
			year, month, day := 1961+rng.IntN(43), 1+rng.IntN(12), 1+rng.IntN(28)
			first = fmt.Sprintf("%s%04d%02d%02d%03d", region, year, month, day, rng.IntN(1000))
			if !used[first] {
				used[first] = true
				break
			}
		}
		id := first + string(std.CitizenIDCheckDigit(first))
		phone := fmt.Sprintf("1%d%09d", 3+rng.IntN(7), rng.IntN(1_000_000_000))
		employer := place + employerKinds[rng.IntN(len(employerKinds))]
		tt := titles[rng.IntN(len(titles))]
		ed := educations[rng.IntN(len(educations))]
		ex := expertise[rng.IntN(len(expertise))]
		if rng.IntN(3) == 0 {
			ex += "、" + expertise[rng.IntN(len(expertise))]
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", name, id, phone, employer, region, tt.name, tt.level, ed.edu, ed.degree, ex,
			categories[rng.IntN(len(categories))], disciplinesFor(drng, codes, ex))
		if b.Len() > 256<<10 {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
