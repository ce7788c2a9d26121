package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/conference"
	"kexie/internal/org"
)

// ConferenceResult counts the demo's 学术会议 by status.
type ConferenceResult struct {
	Conferences int
	ByStatus    map[conference.Status]int
}

// conferenceTopics name the demo's conferences: a subject and its fields.
var conferenceTopics = []struct{ subject, topics string }{
	{"钒钛资源综合利用", "钒钛磁铁矿、冶金工艺"}, {"新材料产业发展", "新材料、先进制造"}, {"智慧农业与乡村振兴", "数字农业、农技推广"},
	{"中医药传承创新", "中医药、健康"}, {"生态环境保护与治理", "生态修复、环境监测"}, {"人工智能与数字经济", "人工智能、大数据"},
	{"地质灾害防治", "地质、防灾减灾"}, {"青年科学家", "青年人才、学科交叉"}, {"清洁能源与储能", "光伏、储能、氢能"},
	{"医学影像新技术", "影像、临床医学"}, {"水利工程安全", "水利、工程安全"}, {"科普教育与科学素质", "科普、科学教育"},
}

var conferenceCities = []string{"成都", "攀枝花", "绵阳", "宜宾", "乐山", "西昌", "南充", "泸州"}

// Conference files a year and a half of 学术会议 of the demo's societies,
// through the store as their staff would, the clock set to each step's
// day: held and summarized ones (confirmed by the 科协 above, some waiting
// for it, some summaries overdue), one cancelled, and coming ones in every
// state before — draft, filed, returned, approved, open with people
// registered. Registrants are the public, with contacts sealed.
func Conference(ctx context.Context, cs *conference.Store, orgs *org.Store, seed uint64) (ConferenceResult, error) {
	res := ConferenceResult{ByStatus: map[conference.Status]int{}}
	rng := rand.New(rand.NewPCG(seed, seed^0x2545f4914f6cdd1d))
	socs, _, err := orgs.List(ctx, org.Filter{Scope: access.Everywhere(), Type: org.TypeSociety, Limit: 40})
	if err != nil || len(socs) == 0 {
		return res, err
	}
	d := cs.DB()
	realNow := d.Now
	defer func() { d.Now = realNow }()
	at := realNow()
	d.Now = func() time.Time { return at }
	secretary := conference.Actor{Name: "学会秘书处 王敏"}
	upper := conference.Actor{Name: "学会部 陈静"}
	today := realNow().In(calendar.Beijing)
	const n = 36
	for i := 0; i < n; i++ {
		soc := socs[(i*7)%len(socs)]
		x := conferenceTopics[i%len(conferenceTopics)]
		// From about 14 months ago to 4 months ahead, every 2 weeks.
		start := time.Date(today.Year(), today.Month(), today.Day(), 9, 0, 0, 0, calendar.Beijing).AddDate(0, 0, -420+i*15)
		if start.Year() < today.Year()-1 {
			start = time.Date(today.Year()-1, 1, 10+i, 9, 0, 0, 0, calendar.Beijing)
		}
		days := 1 + i%3
		end := start.AddDate(0, 0, days-1)
		kind := conference.Kinds[i%len(conference.Kinds)]
		intl := kind == "international"
		title := fmt.Sprintf("%d年%s%s", start.Year(), x.subject, map[string]string{"annual": "学术年会", "forum": "论坛",
			"seminar": "研讨会", "international": "国际学术会议", "other": "学术交流会"}[kind])
		capacity := 40 + rng.IntN(6)*20
		in := conference.Input{OrgID: soc.ID, Title: title, Kind: kind, CoOrganisers: coOrganisers(i), StartsOn: start.Format("2006-01-02"),
			EndsOn: end.Format("2006-01-02"), City: conferenceCities[i%len(conferenceCities)], Venue: "国际会议中心",
			Expected: fmt.Sprint(capacity + 20), Capacity: fmt.Sprint(capacity), International: intl, Topics: x.topics,
			Budget: fmt.Sprintf("%d.5", 3+rng.IntN(40))}
		if intl {
			in.Countries = fmt.Sprint(3 + rng.IntN(10))
		}
		at = start.AddDate(0, -2, 0)
		if limit := realNow().AddDate(0, 0, -4); at.After(limit) {
			// Filed, approved (two days later) and opened (a day after)
			// before now: no step of the demo is dated in the future.
			at = limit.Add(-time.Duration(n-i) * time.Hour)
		}
		id, err := cs.Create(ctx, in, access.Everywhere(), secretary)
		if err != nil {
			return res, fmt.Errorf("demo: conference %d: %w", i, err)
		}
		future := !start.Before(today)
		// The coming ones stop at each state before 报名中, by turn.
		stop := ""
		if future {
			stop = []string{"draft", "submitted", "returned", "approved", "open", "open"}[i%6]
		}
		if stop == "draft" {
			continue
		}
		if err := cs.Submit(ctx, id, secretary); err != nil {
			return res, err
		}
		at = at.Add(2 * 24 * time.Hour)
		if stop == "submitted" {
			continue
		}
		if stop == "returned" {
			if err := cs.Return(ctx, id, "请补充会议议程和经费来源说明。", access.Everywhere(), upper); err != nil {
				return res, err
			}
			continue
		}
		if err := cs.Approve(ctx, id, access.Everywhere(), upper); err != nil {
			return res, err
		}
		if stop == "approved" {
			continue
		}
		at = at.Add(24 * time.Hour)
		if err := cs.OpenRegistration(ctx, id, secretary); err != nil {
			return res, err
		}
		if !future && i%11 == 5 {
			if err := cs.Cancel(ctx, id, "受天气影响，会议取消。", secretary); err != nil {
				return res, err
			}
			continue
		}
		var codes []string
		for k := 0; k < capacity/2+rng.IntN(capacity/2); k++ {
			at = at.Add(time.Duration(1+rng.IntN(20)) * time.Hour)
			if at.After(realNow()) {
				at = realNow()
			}
			r, err := cs.Register(ctx, id, conference.RegInput{Name: demoName(rng), Employer: demoEmployers[rng.IntN(len(demoEmployers))],
				Contact: fmt.Sprintf("139%08d", rng.IntN(100000000))})
			if err != nil {
				return res, err
			}
			codes = append(codes, r.Code)
		}
		if future {
			continue
		}
		at = start
		checked := 0
		for k, code := range codes {
			if k%5 == 4 {
				continue // not everyone comes
			}
			if _, err := cs.CheckIn(ctx, id, code, secretary); err != nil {
				return res, err
			}
			checked++
		}
		if err := cs.MarkHeld(ctx, id, secretary); err != nil {
			return res, err
		}
		// Summaries: some overdue, some waiting for the 科协 above, the
		// rest confirmed.
		if i%7 == 3 {
			continue
		}
		at = end.AddDate(0, 0, 3)
		if at.After(realNow()) {
			continue
		}
		extra := rng.IntN(15)
		sum := conference.SummaryInput{Attendance: fmt.Sprint(checked + extra), Papers: fmt.Sprint(10 + rng.IntN(60)),
			Outcome: "会议围绕" + x.subject + "开展专题报告和分组研讨，形成咨询建议一份，促成校企合作意向多项。"}
		if extra > 0 {
			sum.Note = fmt.Sprintf("%d 人为现场纸质签到的特邀嘉宾。", extra)
		}
		if intl {
			sum.IntlPeople = fmt.Sprint(5 + rng.IntN(20))
		}
		if err := cs.FileSummary(ctx, id, sum, secretary); err != nil {
			return res, err
		}
		if i%5 == 2 {
			continue
		}
		at = at.AddDate(0, 0, 4)
		if at.After(realNow()) {
			at = realNow()
		}
		if err := cs.Confirm(ctx, id, access.Everywhere(), upper); err != nil {
			return res, err
		}
	}
	d.Now = realNow
	list, total, err := cs.List(ctx, conference.Filter{Scope: access.Everywhere(), Limit: 1000})
	if err != nil {
		return res, err
	}
	res.Conferences = total
	for _, c := range list {
		res.ByStatus[c.Status]++
	}
	return res, nil
}

var demoEmployers = []string{"攀钢集团研究院", "四川大学", "西南科技大学", "攀枝花学院", "市中心医院", "市农业科学研究院", "中国科学院成都分院", "东方电气集团"}

func demoName(rng *rand.Rand) string {
	family := []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"}
	given := []string{"伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建华", "志强", "海燕"}
	return family[rng.IntN(len(family))] + given[rng.IntN(len(given))]
}

func coOrganisers(i int) string {
	switch i % 3 {
	case 0:
		return "四川大学\n攀钢集团研究院"
	case 1:
		return "西南科技大学"
	}
	return ""
}

// ConferenceMember registers the demo's member (userID, name) for the
// first open conference and submits a paper to it, so her pages show a
// check-in code and a paper under review; idempotent on a second run.
func ConferenceMember(ctx context.Context, cs *conference.Store, userID int64, name string) error {
	list, _, err := cs.List(ctx, conference.Filter{Scope: access.Everywhere(), Status: conference.Open, Sort: "start", Limit: 1})
	if err != nil || len(list) == 0 || userID == 0 {
		return err
	}
	id := list[0].ID
	if _, err := cs.Register(ctx, id, conference.RegInput{UserID: userID, Name: name, Employer: "攀枝花学院"}); err != nil &&
		!errors.Is(err, conference.ErrRegistered) {
		return err
	}
	if mine, err := cs.MyPapers(ctx, userID); err != nil || len(mine) > 0 {
		return err
	}
	_, err = cs.SubmitPaper(ctx, id, conference.PaperInput{Title: "高钛型高炉渣提钛工艺的工业试验研究", Authors: name + "、王建国",
		Abstract: "本文介绍高钛型高炉渣高温碳化—低温选择性氯化提钛工艺的工业试验，试验线连续运行三个月，钛回收率达到设计指标。",
		Keywords: "高炉渣；提钛；工业试验"}, conference.Actor{UserID: userID, Name: name})
	return err
}
