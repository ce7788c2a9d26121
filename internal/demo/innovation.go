package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/innovation"
	"kexie/internal/org"
	"kexie/internal/people"
)

// InnovationResult counts the demo's 技术需求 by status, and its stations.
type InnovationResult struct {
	Needs    int
	ByStatus map[innovation.Status]int
	Stations int
}

// innovationNeeds are the demo's needs: an enterprise, a field, a title and
// a text.
var innovationNeeds = []struct{ enterprise, field, title, body string }{
	{"钒钛新材料有限公司", "materials", "钒钛磁铁矿尾矿综合利用", "企业每年产生尾矿约五十万吨，需要经济可行的有价金属回收与尾矿建材化利用技术方案。"},
	{"精密机械制造有限公司", "equipment", "数控机床主轴热变形补偿", "主轴连续运行两小时后加工精度下降，需要热变形在线测量与补偿方案，精度保持在五微米以内。"},
	{"绿色农业科技有限公司", "agriculture", "芒果采后保鲜与冷链损耗控制", "芒果采后损耗率约百分之二十，需要低成本保鲜处理工艺和冷链温控方案，货架期延长七天以上。"},
	{"新能源电池材料有限公司", "energy", "磷酸铁锂正极材料低温性能提升", "零下二十摄氏度容量保持率不足六成，需要改性或包覆工艺，提升到百分之八十以上。"},
	{"化工股份有限公司", "chemical", "含盐废水零排放工艺", "生产过程产生高盐废水，现有蒸发工艺能耗高，需要分盐结晶与资源化利用的节能工艺。"},
	{"智慧医疗器械有限公司", "biomed", "便携式血糖仪检测精度提升", "现有试纸在高红细胞压积样本下偏差较大，需要电极材料与校正算法的改进方案。"},
	{"工业软件有限公司", "software", "生产设备预测性维护算法", "已采集振动和电流数据两年，需要故障早期预警模型，提前一周发现主要设备故障。"},
	{"环保科技有限公司", "environment", "矿山生态修复植被快速恢复", "排土场边坡陡、土壤贫瘠，需要适生植物筛选与基质改良技术，三年植被覆盖率达到八成。"},
}

// demoUSCC are valid unified social credit codes for the demo's enterprises.
var demoUSCC = []string{"91110000802100433B", "91440300708461136T", "12100000400000624D"}

// Innovation files a year of 技术需求 with the first cities' 科协, through
// the module's own steps with the clock moved back, so every status is
// there: waiting for review, published (some waiting long), not published,
// in 对接 with experts of the talent database proposed, with 意向 or 签约,
// solved, unsolved, withdrawn; and registers a few 专家工作站 with their
// assessments.
func Innovation(ctx context.Context, is *innovation.Store, orgs *org.Store, ppl *people.Store, seed uint64) (InnovationResult, error) {
	res := InnovationResult{ByStatus: map[innovation.Status]int{}}
	rng := rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
	// The first cities with experts on record (a small demo leaves some
	// cities without people).
	all, _, err := orgs.List(ctx, org.Filter{Scope: access.Everywhere(), Type: org.TypeCity, Limit: 100})
	if err != nil {
		return res, err
	}
	var cities []org.Org
	for _, c := range all {
		if _, k, err := ppl.List(ctx, people.Filter{Scope: access.Subtrees(c.Path), Limit: 1}); err != nil {
			return res, err
		} else if k > 0 && len(cities) < 3 {
			cities = append(cities, c)
		}
	}
	if len(cities) == 0 {
		return res, nil
	}
	d := is.DB()
	realNow := d.Now
	defer func() { d.Now = realNow }()
	at := realNow()
	d.Now = func() time.Time { return at }
	clerk := innovation.Actor{Name: "企业服务部 刘洋"}
	broker := innovation.Actor{Name: "学会部 陈静"}
	start := realNow().AddDate(0, -11, 0)
	const n = 36
	for i := 0; i < n; i++ {
		city := cities[i%len(cities)]
		experts, _, err := ppl.List(ctx, people.Filter{Scope: access.Subtrees(city.Path), Limit: 5})
		if err != nil {
			return res, err
		}
		at = start.Add(time.Duration(i) * 9 * 24 * time.Hour).Add(time.Duration(rng.IntN(8)) * time.Hour)
		x := innovationNeeds[i%len(innovationNeeds)]
		region := city.RegionCode
		if region == "" {
			region = "510402"
		}
		nd, err := is.File(ctx, innovation.FileInput{OrgID: city.ID, Enterprise: short(city.Name) + x.enterprise,
			USCC: demoUSCC[i%len(demoUSCC)], RegionCode: region, Field: x.field, Title: x.title, Body: x.body,
			BudgetLo: fmt.Sprint(10 * (1 + rng.IntN(10))), BudgetHi: fmt.Sprint(200 + 10*rng.IntN(30)),
			Contact: fmt.Sprintf("139%08d", rng.IntN(100000000)), Source: fmt.Sprint("demo-innovation-", i)})
		if err != nil {
			return res, err
		}
		step := func(days int) { at = at.Add(time.Duration(days) * 24 * time.Hour) }
		kind := i % 9
		if i >= n-3 { // the newest few wait for review
			continue
		}
		step(2)
		if kind == 1 {
			if err := is.Reject(ctx, nd.ID, "所述内容为产品采购需求，不属于技术需求。", clerk); err != nil {
				return res, err
			}
			continue
		}
		if err := is.Publish(ctx, nd.ID, clerk); err != nil {
			return res, err
		}
		if kind == 2 || at.After(realNow().AddDate(0, 0, -20)) {
			continue // published, waiting for a 对接 (some long)
		}
		if kind == 3 {
			step(5)
			if err := is.Withdraw(ctx, nd.ID, "企业已通过自有研发团队解决。", clerk); err != nil {
				return res, err
			}
			continue
		}
		for k := 0; k < min(2, len(experts)); k++ {
			if err := is.Propose(ctx, nd.ID, experts[(i+k)%len(experts)].ID, access.Subtrees(city.Path), broker); err != nil {
				return res, err
			}
		}
		step(7)
		forms := innovation.Forms
		if err := is.Meet(ctx, nd.ID, innovation.MeetingInput{HeldOn: at.In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, -1).Format("2006-01-02"),
			Form: forms[i%len(forms)], Participants: "企业技术负责人、推荐专家、科协学会部", Note: "专家现场了解工艺流程，初步提出技术路线。"}, broker); err != nil {
			return res, err
		}
		if kind == 4 {
			continue // in 对接
		}
		step(10)
		switch kind {
		case 5:
			err = is.Confirm(ctx, nd.ID, innovation.Intent, "", "双方签署合作意向书。", broker)
		case 6:
			if err = is.Close(ctx, nd.ID, innovation.Unsolved, "技术路线成本过高，企业暂缓。", broker); err == nil {
				continue
			}
		default:
			err = is.Confirm(ctx, nd.ID, innovation.Signed, fmt.Sprintf("%d.5", 20+rng.IntN(180)), "签订技术开发合同。", broker)
		}
		if err != nil {
			return res, err
		}
		if kind == 7 || kind == 0 {
			step(30)
			if err := is.Close(ctx, nd.ID, innovation.Solved, "中试成功，已投入生产。", broker); err != nil {
				return res, err
			}
		}
	}
	// Stations: one of each kind in the first cities, assessed last year.
	at = realNow()
	for i, city := range cities {
		experts, _, err := ppl.List(ctx, people.Filter{Scope: access.Subtrees(city.Path), Limit: 1})
		if err != nil {
			return res, err
		}
		if len(experts) == 0 {
			continue
		}
		kind := innovation.StationKinds[i%len(innovation.StationKinds)]
		x := innovationNeeds[i%len(innovationNeeds)]
		region := city.RegionCode
		if region == "" {
			region = "510402"
		}
		id, err := is.Register(ctx, innovation.StationInput{OrgID: city.ID, Kind: kind, Name: short(city.Name) + x.enterprise + "专家工作站",
			Host: short(city.Name) + x.enterprise, HostUSCC: demoUSCC[i%len(demoUSCC)], RegionCode: region, PersonID: experts[0].ID,
			Founded: fmt.Sprintf("%d-05-20", realNow().Year()-3)}, access.Everywhere(), clerk)
		if err != nil {
			return res, err
		}
		grade := innovation.Grades[i%2]
		if err := is.Assess(ctx, id, realNow().Year()-1, grade, "keep", "年度考核。", clerk); err != nil {
			return res, err
		}
		res.Stations++
	}
	d.Now = realNow
	list, total, err := is.List(ctx, innovation.Filter{Scope: access.Everywhere(), Limit: 1000})
	if err != nil {
		return res, err
	}
	res.Needs = total
	for _, nd := range list {
		res.ByStatus[nd.Status]++
	}
	return res, nil
}

// short is the first characters of a city's name (攀枝花市科协 → 攀枝花), to
// name its enterprises, schools and programmes; an autonomous prefecture
// goes by its usual short name (凉山彝族自治州 → 凉山州, not 凉山彝).
func short(name string) string {
	r := []rune(name)
	if strings.Contains(name, "族自治州") {
		return string(r[:2]) + "州"
	}
	return string(r[:min(len(r), 3)])
}
