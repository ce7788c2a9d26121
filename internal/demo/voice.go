package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/voice"
)

// VoiceResult counts the demo's 建言与诉求 by status.
type VoiceResult struct {
	Items    int
	ByStatus map[voice.Status]int
}

// voiceTexts are the demo items: a title and a text per topic.
var voiceTexts = []struct{ topic, title, body string }{
	{"title_review", "高级职称评审结果何时公布", "本人今年申报高级工程师，评审会已结束两个月，结果仍未公示，请问何时公布？"},
	{"title_review", "建议基层科技人员职称评审单列", "县乡农技人员论文条件难以达到，建议对基层科技人员单独分组、单设标准。"},
	{"talent_policy", "引进博士的安家补贴何时发放", "去年作为引进博士入职市属医院，按政策应发放安家补贴，至今未到账。"},
	{"talent_policy", "青年人才公寓申请条件咨询", "入职企业研发岗位的硕士是否可以申请青年人才公寓？需要哪些材料？"},
	{"research_funds", "横向课题经费报销规定咨询", "横向课题结余经费能否用于团队后续研究？单位财务处说法不一。"},
	{"research_funds", "科研经费包干制试点能否扩大", "建议把经费包干制试点扩大到市属科研院所的青年项目。"},
	{"tech_transfer", "职务科技成果转化收益分配", "团队专利已作价入股，收益分配比例单位迟迟未定，请协调。"},
	{"tech_transfer", "高校专利转让审批流程过长", "一项专利转让审批走了五个月，企业已经等不及，建议简化流程。"},
	{"rights", "单位拖欠科研人员绩效工资", "所在研究所拖欠科研人员绩效工资已近半年，多次反映未果。"},
	{"rights", "野外科考人员意外保险问题", "野外科考人员的意外伤害保险单位不予购买，请问有无相关规定？"},
	{"sci_policy", "建议加大基础研究稳定支持", "建议市财政设立基础研究稳定支持专项，支持青年科研人员长期积累。"},
	{"sci_policy", "建议设立市级青年科技基金", "建议设立市级青年科技基金，每年资助一批35岁以下青年科技人员。"},
	{"kexie_work", "建议学会承接更多政府转移职能", "建议市科协推动学会承接科技评估、团体标准等政府转移职能。"},
	{"kexie_work", "建议定期举办青年科技工作者沙龙", "建议每季度举办青年科技工作者沙龙，促进跨单位交流合作。"},
	{"kepu", "建议在老旧小区增设科普e站", "老旧小区居民老年人多，建议增设科普e站，开展防诈骗、健康科普。"},
	{"kepu", "科普大篷车进乡村的频次太低", "我们乡一年只来过一次科普大篷车，建议增加频次并提前公告。"},
	{"other", "科技馆周末开放时间建议", "建议科技馆周末延长开放到晚上八点，方便双职工家庭带孩子参观。"},
}

// voiceAnswers are the demo's answers, by how the item ends.
var voiceAnswers = []string{
	"经与相关部门核实，您反映的问题已纳入今年工作安排，预计下月办结，届时将另行告知。",
	"感谢您的建言。我会已将建议整理编入《科技工作者建议专报》，报送市委、市政府参阅。",
	"经协调，所在单位已明确办理时限，并承诺在一个月内给予书面答复。",
	"根据现行政策规定，您所咨询的事项可按以下流程办理：向所在单位人事部门提交申请及相关证明材料。",
}

// demoStaff names the demo's handlers without accounts.
type demoStaff struct{}

func (demoStaff) Handler(_ context.Context, username, _ string) (voice.Person, error) {
	return voice.Person{Name: username}, nil
}

// Voice files a year of 建言与诉求 to the first cities' 科协 and one county,
// through the module's own steps with the clock moved back, so every
// status is there: just filed, accepted (some past their time limit), in
// hand, answered and waiting for a rating, closed with each rating, one
// reopened, some transferred to a county and some declined.
func Voice(ctx context.Context, vs *voice.Store, orgs *org.Store, seed uint64) (VoiceResult, error) {
	res := VoiceResult{ByStatus: map[voice.Status]int{}}
	rng := rand.New(rand.NewPCG(seed, seed^0x27d4eb2f165667c5))
	cities, _, err := orgs.List(ctx, org.Filter{Scope: access.Everywhere(), Type: org.TypeCity, Limit: 4})
	if err != nil || len(cities) == 0 {
		return res, err
	}
	counties, _, err := orgs.List(ctx, org.Filter{Scope: access.Subtrees(cities[0].Path), Type: org.TypeCounty, Limit: 1})
	if err != nil {
		return res, err
	}
	s := vs.WithStaff(demoStaff{})
	d := s.DB()
	realNow := d.Now
	defer func() { d.Now = realNow }()
	at := realNow()
	d.Now = func() time.Time { return at }
	const n = 48
	start := realNow().AddDate(0, -11, 0)
	clerk := voice.Actor{Name: "办公室 王敏"}
	handlers := []string{"学会部 李强", "科普部 陈静", "组织人事部 赵磊"}
	for i := 0; i < n; i++ {
		at = start.Add(time.Duration(i) * 160 * time.Hour).Add(time.Duration(rng.IntN(8)) * time.Hour)
		txt := voiceTexts[rng.IntN(len(voiceTexts))]
		// A text that proposes (建议…) is a 建言, one that asks or complains
		// a 诉求 — a complaint of unpaid wages filed as a 建言 read oddly.
		// The draw the kind once took is kept, so the rest of the demo
		// stays as it was.
		_ = txt.topic == "sci_policy" || txt.topic == "kexie_work" || txt.topic == "kepu" || rng.IntN(5) == 0
		kind := voice.Request
		if strings.HasPrefix(txt.title, "建议") || strings.HasSuffix(txt.title, "建议") || strings.HasPrefix(txt.body, "建议") {
			kind = voice.Suggestion
		}
		city := cities[i%len(cities)]
		it, code, err := s.File(ctx, voice.FileInput{OrgID: city.ID, Kind: kind, Topic: txt.topic, Title: txt.title, Body: txt.body,
			Contact: fmt.Sprintf("13%d%08d", 5+rng.IntN(5), rng.IntN(100_000_000)), Source: fmt.Sprint("demo", i)})
		if err != nil {
			return res, fmt.Errorf("demo: 建言诉求 %d: %w", i, err)
		}
		res.Items++
		step := func(days int) { at = at.Add(time.Duration(days)*24*time.Hour + time.Duration(rng.IntN(6))*time.Hour) }
		last := n - i // how recent: 1 is the newest
		switch {
		case last <= 4: // just filed
			continue
		case i%9 == 4:
			step(2)
			if err := s.Decline(ctx, it.ID, "该事项属于劳动争议仲裁范围，请向当地劳动人事争议仲裁委员会申请。", clerk); err != nil {
				return res, err
			}
			continue
		case i%7 == 3 && len(counties) > 0 && city.ID == cities[0].ID:
			step(1)
			if err := s.Transfer(ctx, it.ID, counties[0].ID, "属地办理：事项发生在区县，由区县科协办理。", access.Everywhere(), clerk); err != nil {
				return res, err
			}
		}
		step(1 + rng.IntN(3))
		if err := s.Accept(ctx, it.ID, clerk); err != nil {
			return res, err
		}
		if last <= 8 { // accepted, waiting for a handler (the oldest past due)
			continue
		}
		step(1)
		if err := s.Assign(ctx, it.ID, handlers[rng.IntN(len(handlers))], clerk); err != nil {
			return res, err
		}
		got, err := s.Item(ctx, it.ID)
		if err != nil {
			return res, err
		}
		if last <= 12 { // in hand
			if i%2 == 0 {
				if err := s.Note(ctx, it.ID, "已电话联系提交人，了解具体情况。", clerk); err != nil {
					return res, err
				}
			}
			continue
		}
		by := voice.Actor{Name: got.HandlerName}
		step(3 + rng.IntN(25)) // some late: the on-time rate is not 100%
		if err := s.Answer(ctx, it.ID, voiceAnswers[rng.IntN(len(voiceAnswers))], by); err != nil {
			return res, err
		}
		if last <= 16 { // waiting for the filer's rating
			continue
		}
		step(2)
		rating := voice.Ratings[rng.IntN(len(voice.Ratings))]
		if err := s.Rate(ctx, it.ID, rating, voice.Filer{Code: code}); err != nil {
			return res, err
		}
		if rating == voice.Unsatisfied && i%2 == 1 {
			step(1)
			if err := s.Reopen(ctx, it.ID, "答复没有说明具体办理时限。", voice.Filer{Code: code}); err != nil {
				return res, err
			}
			step(5)
			if err := s.Answer(ctx, it.ID, "补充答复：相关部门已明确将于本季度末前办结，届时书面告知。", by); err != nil {
				return res, err
			}
			step(2)
			if err := s.Rate(ctx, it.ID, voice.Fair, voice.Filer{Code: code}); err != nil {
				return res, err
			}
		}
	}
	d.Now = realNow
	list, _, err := s.List(ctx, voice.Filter{Scope: access.Everywhere(), Limit: 1000})
	if err != nil {
		return res, err
	}
	for _, it := range list {
		res.ByStatus[it.Status]++
	}
	return res, nil
}
