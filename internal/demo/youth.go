package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/youth"
)

// YouthResult counts the demo's 青少年科技教育 records.
type YouthResult struct {
	Programmes int
	ByStatus   map[string]int // programmes by status
	Students   int
	Completed  int
	Teachers   int
	Pairs      int
}

// youthProgrammes are the demo's programmes: a kind, a title, grades, a
// fee in 元, and the status the demo leaves it in.
var youthProgrammes = []struct {
	kind, title  string
	lo, hi, days int
	fee, status  string
}{
	{"camp", "青少年高校科学营%s分营", 10, 11, 5, "", youth.Summarized},
	{"survey", "%s青少年科学调查体验活动·节水护水", 4, 6, 2, "", youth.Summarized},
	{"camp", "%s钒钛新材料科学夏令营", 7, 9, 4, "280", youth.Ended},
	{"mentor", "%s英才计划·中学生科学导师结对", 10, 11, 3, "", youth.Summarized},
	{"survey", "%s青少年科学调查体验活动·垃圾分类", 3, 6, 2, "", youth.Ended},
	{"camp", "%s航天科技冬令营", 7, 9, 3, "150", youth.Closed},
	{"other", "%s科技辅导员带队·植物观察", 5, 8, 2, "", youth.Open},
	{"camp", "%s人工智能青少年科学营", 8, 11, 5, "", youth.Open},
	{"survey", "%s青少年科学调查体验活动·身边的空气", 4, 7, 2, "", youth.Draft},
	{"camp", "%s天文观测营", 6, 9, 2, "", youth.Cancelled},
}

var (
	youthSurnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢")
	youthGiven    = []rune("子涵欣怡浩然梓萱宇轩雨桐俊杰思彤一诺嘉怡明轩语嫣博文雅琪晨曦天佑若汐泽宇佳琪皓轩诗涵奕辰可馨")
	youthSchools  = []string{"第一中学", "第三中学", "实验学校", "外国语学校", "第二小学", "东区实验小学", "第七中学", "师范附属小学"}
	youthSubjects = []string{"物理", "化学", "生物", "信息技术", "科学", "数学", "地理", "通用技术"}
)

func youthName(rng *rand.Rand) string {
	n := string(youthSurnames[rng.IntN(len(youthSurnames))]) + string(youthGiven[rng.IntN(len(youthGiven))])
	if rng.IntN(3) > 0 {
		n += string(youthGiven[rng.IntN(len(youthGiven))])
	}
	return n
}

// Youth fills the first cities' 青少年科技教育: 科技辅导员 with trainings and
// recognition, programmes in every status (each through the module's own
// steps with the clock moved back), a few hundred students with fake but
// plausible names, schools and guardians' phones, decided, attended and
// completed with certificates; and mentoring pairs with experts of the
// talent database, with their meetings.
func Youth(ctx context.Context, ys *youth.Store, orgs *org.Store, ppl *people.Store, seed uint64) (YouthResult, error) {
	res := YouthResult{ByStatus: map[string]int{}}
	rng := rand.New(rand.NewPCG(seed, seed^0x7f4a7c15))
	all, _, err := orgs.List(ctx, org.Filter{Scope: access.Everywhere(), Type: org.TypeCity, Limit: 100})
	if err != nil {
		return res, err
	}
	// The cities with experts on record first (a small demo leaves some
	// cities without people), for their mentors.
	var with, without []org.Org
	for _, c := range all {
		if _, k, err := ppl.List(ctx, people.Filter{Scope: access.Subtrees(c.Path), Limit: 1}); err != nil {
			return res, err
		} else if k > 0 {
			with = append(with, c)
		} else {
			without = append(without, c)
		}
	}
	all = append(with, without...)
	if len(all) > 3 {
		all = all[:3]
	}
	d := ys.DB()
	realNow := d.Now
	defer func() { d.Now = realNow }()
	at := realNow()
	d.Now = func() time.Time { return at }
	staff := youth.Actor{Name: "青少年科技中心 周敏"}
	checker := youth.Actor{Name: "科普部 韩磊"}
	day := func(t time.Time) string { return t.In(calendar.Beijing).Format("2006-01-02") }
	// past keeps a step of a programme still to come from being dated after
	// now: it happened before ago instead.
	past := func(t time.Time, ago time.Duration) time.Time {
		if now := realNow(); t.After(now.Add(-ago)) {
			return now.Add(-ago)
		}
		return t
	}
	applicant := int64(1000)
	for ci, city := range all {
		short := short(city.Name)
		// 科技辅导员.
		for k := 0; k < 8; k++ {
			at = realNow().AddDate(0, -11, k)
			tid, err := ys.RegisterTeacher(ctx, youth.TeacherInput{OrgID: city.ID, Name: youthName(rng), School: short + youthSchools[rng.IntN(len(youthSchools))],
				Subject: youthSubjects[rng.IntN(len(youthSubjects))], RegionCode: regionOf(city), Contact: fmt.Sprintf("138%08d", rng.IntN(100000000))}, staff)
			if err != nil {
				return res, fmt.Errorf("demo: teacher: %w", err)
			}
			res.Teachers++
			at = realNow().AddDate(0, -2, -k)
			if err := ys.AddTraining(ctx, tid, day(at.AddDate(0, 0, -3)), "全国科技辅导员能力提升培训", fmt.Sprint(8+rng.IntN(24)), staff); err != nil {
				return res, fmt.Errorf("demo: training: %w", err)
			}
			if k%3 == 0 {
				if err := ys.Recognize(ctx, tid, at.In(calendar.Beijing).Year()-1, "优秀科技辅导员", staff); err != nil {
					return res, fmt.Errorf("demo: recognition: %w", err)
				}
			}
		}
		// Programmes, oldest first.
		var students []int64
		for pi, x := range youthProgrammes {
			if (pi+ci)%len(all) != 0 && pi%2 == ci%2 && len(all) > 1 {
				continue // spread the programmes over the cities
			}
			// Dates follow the status: held ones in the past year, a closed
			// one starting tomorrow, open ones in the coming weeks, a draft
			// later still, a cancelled one shortly before now.
			offset := -300 + pi*35
			switch x.status {
			case youth.Closed:
				offset = 1
			case youth.Open:
				offset = 12 + 14*(pi%2)
			case youth.Draft:
				offset = 45
			case youth.Cancelled:
				offset = -10
			}
			start := realNow().AddDate(0, 0, offset)
			at = start.AddDate(0, 0, -30)
			if now := realNow(); at.After(now) { // a draft far ahead was made already, not in the future
				at = now.Add(-time.Duration(1+rng.IntN(72)) * time.Hour)
			}
			places := 15 + rng.IntN(20)
			pid, err := ys.CreateProgramme(ctx, youth.ProgrammeInput{OrgID: city.ID, Title: fmt.Sprintf(x.title, short), Kind: x.kind,
				StartsOn: day(start), EndsOn: day(start.AddDate(0, 0, x.days-1)), Places: fmt.Sprint(places), GradeLo: fmt.Sprint(x.lo),
				GradeHi: fmt.Sprint(x.hi), Fee: x.fee, Description: "面向" + short + "中小学生，由科技辅导员带队，走进实验室和科研院所，动手做科学。"}, staff)
			if err != nil {
				return res, fmt.Errorf("demo: programme: %w", err)
			}
			res.Programmes++
			if x.status == youth.Draft {
				res.ByStatus[x.status]++
				continue
			}
			at = at.Add(time.Hour)
			if err := ys.Move(ctx, pid, "open", "", staff); err != nil {
				return res, err
			}
			// Applications: a few more than the places.
			var enrols []int64
			for k := 0; k < places+3+rng.IntN(6); k++ {
				at = past(start.AddDate(0, 0, -25+k%20).Add(time.Duration(rng.IntN(600))*time.Minute), 3*time.Hour+time.Duration(k)*time.Minute)
				applicant++
				g := x.lo + rng.IntN(x.hi-x.lo+1)
				gender := []string{"f", "m", ""}[rng.IntN(3)]
				name := youthName(rng)
				school := short + youthSchools[rng.IntN(len(youthSchools))]
				// The guardian is the student's parent, 潘宇琪家长 — and the
				// applicant the pages name (not 监护人, beside 监护人报名). The
				// two draws a made-up name took are kept, so the rest of the
				// demo stays as it was.
				_, _ = rng.IntN(len(youthSurnames)), rng.IntN(len(youthGiven))
				guardian := name + "家长"
				eid, err := ys.Apply(ctx, youth.ApplyInput{ProgrammeID: pid, Student: youth.StudentInput{Name: name, Gender: gender,
					BirthYear: fmt.Sprint(at.In(calendar.Beijing).Year() - g - 6), School: school,
					Grade: fmt.Sprint(g), GuardianName: guardian,
					GuardianContact: fmt.Sprintf("139%08d", rng.IntN(100000000)), Consent: true,
					ConsentHow: youth.ConsentWays[rng.IntN(len(youth.ConsentWays))]}}, youth.Actor{UserID: applicant, Name: guardian})
				if err != nil {
					continue // a duplicate name at the same school, or full
				}
				res.Students++
				enrols = append(enrols, eid)
			}
			if x.status == youth.Cancelled {
				at = start.AddDate(0, 0, -3)
				if err := ys.Move(ctx, pid, "cancel", "天气预报有持续降雨，观测条件不足，活动取消。", staff); err != nil {
					return res, err
				}
				res.ByStatus[x.status]++
				continue
			}
			at = past(start.AddDate(0, 0, -4), time.Hour)
			var accepted []int64
			for k, eid := range enrols {
				decision, reason := "accept", ""
				switch {
				case k >= places:
					decision = "waitlist"
				case k%11 == 10:
					decision, reason = "decline", "年级不在本期招收范围内的优先名单。"
				}
				if x.status == youth.Open && k%3 == 0 {
					continue // still waiting for a decision
				}
				if err := ys.Decide(ctx, eid, decision, reason, checker); err != nil {
					return res, fmt.Errorf("demo: decide: %w", err)
				}
				if decision == "accept" {
					accepted = append(accepted, eid)
				}
			}
			if x.status == youth.Open {
				res.ByStatus[x.status]++
				continue
			}
			at = start.AddDate(0, 0, -2)
			if err := ys.Move(ctx, pid, "close", "", staff); err != nil {
				return res, err
			}
			if x.status == youth.Closed {
				// Before the start a guardian withdraws an accepted student
				// (the first waitlisted moves up) and staff add the meeting
				// point to the description (kept in the timeline).
				if len(accepted) > 0 {
					e, err := ys.Enrolment(ctx, accepted[0])
					if err != nil {
						return res, err
					}
					if err := ys.Withdraw(ctx, e.ID, "孩子临时要参加学校比赛，无法参加。", youth.Actor{UserID: e.ApplicantUser, Name: e.ApplicantName}); err != nil {
						return res, fmt.Errorf("demo: withdraw: %w", err)
					}
				}
				p, err := ys.Programme(ctx, pid)
				if err != nil {
					return res, err
				}
				in := p.EditInput()
				in.Description += "集合地点：市青少年宫东门。"
				if err := ys.EditProgramme(ctx, pid, in, staff); err != nil {
					return res, fmt.Errorf("demo: edit programme: %w", err)
				}
				res.ByStatus[x.status]++
				continue
			}
			first, _ := time.ParseInLocation("2006-01-02", day(start), calendar.Beijing)
			for dd := 0; dd < x.days; dd++ {
				at = first.AddDate(0, 0, dd).Add(18 * time.Hour)
				present := map[int64]bool{}
				for _, eid := range accepted {
					present[eid] = rng.IntN(10) > 0
				}
				if err := ys.AttendDay(ctx, pid, day(at), present, checker); err != nil {
					return res, fmt.Errorf("demo: attend: %w", err)
				}
			}
			at = first.AddDate(0, 0, x.days).Add(9 * time.Hour)
			for _, eid := range accepted {
				if _, err := ys.Complete(ctx, eid, checker); err == nil {
					res.Completed++
				}
				if e, err := ys.Enrolment(ctx, eid); err == nil {
					students = append(students, e.StudentID)
				}
			}
			if err := ys.Move(ctx, pid, "end", "", staff); err != nil {
				return res, err
			}
			if x.status == youth.Summarized {
				at = at.AddDate(0, 0, 7)
				if err := ys.Move(ctx, pid, "summarize", "营员分组完成科学探究小课题，参观重点实验室和企业研发中心，学生和家长满意度高。", staff); err != nil {
					return res, err
				}
			}
			res.ByStatus[x.status]++
		}
		// 导师结对 with experts of the city's talent database.
		mentors, _, err := ppl.List(ctx, people.Filter{Scope: access.Subtrees(city.Path), Limit: 3})
		if err != nil {
			return res, err
		}
		for k, m := range mentors {
			for j := 0; j < 2 && 2*k+j < len(students); j++ {
				at = realNow().AddDate(0, -4, -k)
				pair, err := ys.CreatePair(ctx, students[2*k+j], m.ID, day(at), access.Subtrees(city.Path), staff)
				if err != nil {
					continue
				}
				res.Pairs++
				for w := 1; w <= 3; w++ {
					at = realNow().AddDate(0, -4+w, -k)
					if err := ys.LogMeeting(ctx, pair, day(at), fmt.Sprint(1+rng.IntN(3)), "在实验室讨论课题进展，指导查阅文献和设计实验。", staff); err != nil {
						return res, err
					}
				}
				if j == 1 {
					if err := ys.EndPair(ctx, pair, day(at), "award", staff); err != nil {
						return res, err
					}
				}
			}
		}
	}
	return res, nil
}

// regionOf is the city's region code, or the province's first city's.
func regionOf(o org.Org) string {
	if o.RegionCode != "" {
		return o.RegionCode
	}
	return "510400"
}
