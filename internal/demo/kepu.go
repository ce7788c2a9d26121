package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/kepu"
	"kexie/internal/org"
)

// kepuExperts is the demo's expert pool: the reviewers the demo content
// names (synthetic people, like every person in the demo).
type kepuExperts struct{ pool []kepu.Expert }

func (e kepuExperts) Pools(context.Context, access.Scope) ([]kepu.Pool, error) {
	return []kepu.Pool{{ID: 1, Name: "科普专家库"}}, nil
}
func (e kepuExperts) Pool(context.Context, int64) ([]kepu.Expert, error) { return e.pool, nil }
func (e kepuExperts) Employer(context.Context, int64) (string, error)    { return "科协科普部", nil }

// KepuResult counts the demo's 科普 content.
type KepuResult struct {
	Items, Leads int
	Open         int   // leads still waiting in the cities' queues (new or with an expert)
	Views        int64 // page views the demo's readers made of the published items
}

// Kepu fills the portal: the demo articles and videos reviewed by experts
// and published by an editor over the past months across the cities, a
// Tibetan version, a closed emergency with its items reviewed after the
// fact, and answered rumour leads. Each step goes through the store's
// workflow, so the demo holds nothing the workflow would not produce.
func Kepu(ctx context.Context, d *db.DB, orgs *org.Store, seed uint64) (KepuResult, error) {
	var res KepuResult
	rng := rand.New(rand.NewPCG(seed+3, seed^0x7f4a7c159e3779b9))
	root, cities, err := topOrgs(ctx, orgs, org.TypeCity, "name")
	if err != nil {
		return res, err
	}
	if len(cities) == 0 {
		cities = []org.Org{root}
	}
	author, editor := kepu.Actor{UserID: d.NewID(), Name: "科普部"}, kepu.Actor{UserID: d.NewID(), Name: "科普编辑"}
	experts := []kepu.Expert{
		{PersonID: 1, UserID: d.NewID(), Name: "王立新", Employer: "省气象科学研究所", Field: "大气科学"},
		{PersonID: 2, UserID: d.NewID(), Name: "陈素梅", Employer: "省疾病预防控制中心", Field: "预防医学"},
		{PersonID: 3, UserID: d.NewID(), Name: "刘建国", Employer: "省农业科学院", Field: "农学"},
		{PersonID: 4, UserID: d.NewID(), Name: "赵晓燕", Employer: "省安全生产科学研究院", Field: "安全科学技术"},
		{PersonID: 5, UserID: d.NewID(), Name: "孙海波", Employer: "四川大学", Field: "物理学"},
	}
	byTopic := map[string]int{"防灾减灾": 0, "健康生活": 1, "食品安全": 1, "职业健康": 1, "防骗识骗": 1, "农业技术": 2,
		"安全生产": 3, "青少年科学": 4, "科学常识": 4, "数字生活": 4, "科学决策": 4, "": 0, "科学辟谣": 1}
	s := kepu.NewStore(d, kepuExperts{experts}, calendar.Source{DB: d})
	now := d.Now
	defer func() { d.Now = now }()
	start := now().Add(-150 * 24 * time.Hour)
	at := func(days float64) {
		t := start.Add(time.Duration(days * float64(24*time.Hour)))
		d.Now = func() time.Time { return t }
	}
	publish := func(it kepu.Item, expert int) error {
		if _, err := s.SubmitForReview(ctx, it.ID, 1, experts[expert].PersonID, author); err != nil {
			return fmt.Errorf("demo: submit %q: %w", it.Title, err)
		}
		if err := s.Review(ctx, it.ID, true, "科学表述准确。", kepu.Actor{UserID: experts[expert].UserID}); err != nil {
			return err
		}
		res.Items++
		return s.Publish(ctx, it.ID, editor)
	}
	// Two series (系列专题) the articles of their topic belong to.
	series := map[string]int64{}
	for _, x := range []struct{ topic, title, summary string }{
		{"防灾减灾", "应急避险小课堂", "雷电、地震、山洪、泥石流来临时怎么办，一次讲清一件事。"},
		{"青少年科学", "十万个为什么", "写给中小学生的身边科学。"},
	} {
		at(0)
		id, err := s.CreateSeries(ctx, root.ID, x.title, x.summary, editor)
		if err != nil {
			return res, err
		}
		series[x.topic] = id
	}
	all := append(append([]kepuText(nil), kepuTexts...), kepuVideos...)
	var first kepu.Item
	type read struct {
		it  kepu.Item
		day float64
	}
	var reads []read
	for i, x := range all {
		at(float64(i) * 2.5)
		c := cities[rng.IntN(len(cities))]
		in := kepu.DraftInput{OrgID: c.ID, Title: x.title, Body: x.body, Audience: x.audience, Topic: x.topic, SeriesID: series[x.topic]}
		if i >= len(kepuTexts) {
			in.Kind, in.Summary = kepu.Video, x.body
			in.VideoURL = fmt.Sprintf("https://v.kepu.example.cn/demo/%d", i)
		}
		it, err := s.CreateDraft(ctx, in, author)
		if err != nil {
			return res, fmt.Errorf("demo: %q: %w", x.title, err)
		}
		if err := publish(it, byTopic[x.topic]); err != nil {
			return res, err
		}
		if i == 0 {
			first = it
		}
		reads = append(reads, read{it, float64(i) * 2.5})
	}
	// The first article in Tibetan (汉藏双语), reviewed on its own.
	at(140)
	bo, err := s.CreateDraft(ctx, kepu.DraftInput{OrgID: first.OrgID, GroupID: first.ID, Lang: "bo", Audience: "public", Topic: first.Topic,
		Title: "འབྲུག་ཆར་སྐབས་ཀྱི་ཐོག་ལས་སྲུང་སྐྱོབ།",
		Body: "འབྲུག་ཆར་འབབ་སྐབས་ལྗོན་ཤིང་ཆེན་པོའི་འོག་དང་གློག་ཐག་ཀ་བའི་འགྲམ་དུ་མ་སྡོད། ཐོག་འགོག་སྒྲིག་ཆས་ཡོད་པའི་ཁང་པའི་ནང་དུ་མྱུར་དུ་འཛུལ་དགོས།\n\n" +
			"ཐང་སྟོང་དུ་ཡོད་ན་རྐང་པ་གཉིས་ཟུང་དུ་བསྡེབས་ནས་ཙོག་པུར་སྡོད། འབྲུག་སྒྲ་ཆད་ནས་སྐར་མ་སུམ་ཅུ་འགོར་རྗེས་ཕྱི་ལ་ཐོན་ན་ཉེན་ཁ་ཆུང་།"}, author)
	if err != nil {
		return res, err
	}
	if err := publish(bo, 0); err != nil {
		return res, err
	}
	// A closed emergency: published at once, reviewed after the fact.
	at(100)
	em, err := s.OpenEmergency(ctx, cities[0].ID, kepuEmergency.topic, kepuEmergency.region, []int64{author.UserID}, editor)
	if err != nil {
		return res, err
	}
	for i, x := range kepuEmergency.items {
		at(100 + float64(i)*0.1)
		it, err := s.PublishUrgent(ctx, em, kepu.DraftInput{Title: x.title, Body: x.body, Audience: x.audience}, author)
		if err != nil {
			return res, err
		}
		at(101 + float64(i)*0.1)
		if _, err := s.SubmitForReview(ctx, it.ID, 1, experts[0].PersonID, editor); err != nil {
			return res, err
		}
		if err := s.Review(ctx, it.ID, true, "", kepu.Actor{UserID: experts[0].UserID}); err != nil {
			return res, err
		}
		res.Items++
	}
	at(110)
	if err := s.CloseEmergency(ctx, em, editor); err != nil {
		return res, err
	}
	// Rumour leads from the public, answered by experts and published.
	for i, x := range kepuRumours {
		at(120 + float64(i)*5)
		id, err := s.FileLead(ctx, kepu.LeadInput{OrgID: root.ID, Claim: x.claim, Source: fmt.Sprintf("demo%d", i)})
		if err != nil {
			return res, err
		}
		if err := s.AssignLead(ctx, id, 1, experts[1].PersonID, 5, editor); err != nil {
			return res, err
		}
		at(122 + float64(i)*5)
		item, err := s.AnswerLead(ctx, id, kepu.Answer{Title: x.title, Body: x.body}, kepu.Actor{UserID: experts[1].UserID, Name: experts[1].Name})
		if err != nil {
			return res, err
		}
		if err := s.Publish(ctx, item, editor); err != nil {
			return res, err
		}
		res.Items++
		res.Leads++
	}
	// Leads the public filed with each city over the last days, still in
	// its queue: one not yet looked at, one with an expert (some past
	// their due date), so a city's 谣言线索 and its 待办 have work in them.
	for i, c := range cities {
		for j := range 2 {
			at(140 + float64(rng.IntN(9)) + float64(j)*0.5)
			x := kepuCityRumours[(2*i+j)%len(kepuCityRumours)]
			id, err := s.FileLead(ctx, kepu.LeadInput{OrgID: c.ID, Claim: x, Source: fmt.Sprintf("demo-city%d-%d", i, j)})
			if err != nil {
				return res, fmt.Errorf("demo: a lead for %s: %w", c.Name, err)
			}
			if j == 1 {
				if err := s.AssignLead(ctx, id, 1, experts[1].PersonID, 5, editor); err != nil {
					return res, err
				}
			}
			res.Open++
		}
	}
	// Readers: each published item is read on some days after it came
	// out, more in its first week, some items far more than others, so the
	// portal's reach figures and the 科普 measures have numbers in them.
	key := []byte(fmt.Sprintf("demo-reach-%d", seed))
	for _, r := range reads {
		pop := 1 + rng.IntN(8) // how much this item is read
		for day := r.day; day < 150; day += 1 + float64(rng.IntN(6)) {
			t := start.Add(time.Duration(day * float64(24*time.Hour)))
			n := pop * (3 + rng.IntN(25))
			if day-r.day < 7 {
				n *= 3
			}
			for k := range n {
				s.CountView(r.it, kepu.ReaderHash(key, kepu.Day(t), fmt.Sprintf("10.%d.%d.%d", rng.IntN(200), k%250, rng.IntN(250)), "demo"), t)
				if rng.IntN(40) == 0 {
					s.CountShare(r.it.ID, t)
				}
			}
			res.Views += int64(n)
		}
	}
	if err := s.FlushReach(ctx); err != nil {
		return res, err
	}
	return res, nil
}

// topOrgs returns the root and the orgs of type typ directly below it (the
// demo's cities, its provincial societies), in sort order.
func topOrgs(ctx context.Context, orgs *org.Store, typ org.Type, sort string) (org.Org, []org.Org, error) {
	root, err := orgs.Root(ctx)
	if err != nil {
		return root, nil, err
	}
	kids, err := orgs.Children(ctx, root, sort, 500, 0)
	if err != nil {
		return root, nil, err
	}
	var out []org.Org
	for _, k := range kids {
		if k.Type == typ {
			out = append(out, k)
		}
	}
	return root, out, nil
}
