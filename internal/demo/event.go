package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"kexie/internal/event"
	"kexie/internal/org"
)

// eventResult counts the demo events, tickets and check-ins.
type eventResult struct {
	Events, Tickets, CheckedIn int
}

// makeEvents holds a year of 科普 events: the province's 全国科普日 main
// event with 2,400 registrations (more than its 2,000 seats, so a waiting
// list) checked in from four phones with double scans and walk-ins; in
// each of the first cities a 科技活动周 opening, lectures and 科普大篷车
// stops; and upcoming lectures open for registration. Dates are fixed so
// the demo is the same on every run, except the upcoming lectures, which
// start one to four weeks (the province's: a month) after now.
func makeEvents(ctx context.Context, es *event.Store, root org.Org, province string, cities []org.Org, places []string, rng *rand.Rand) (eventResult, error) {
	var res eventResult
	cst := time.FixedZone("CST", 8*3600)
	day := func(m, d, h int) time.Time { return time.Date(2026, time.Month(m), d, h, 0, 0, 0, cst) }
	name := func() string {
		return surnames[rng.IntN(len(surnames))] + given[rng.IntN(len(given))] + given[rng.IntN(len(given))]
	}
	mk := func(o org.Org, title, kind, place, audience string, capacity int, at time.Time) (event.Event, error) {
		e, err := es.Create(ctx, event.Input{OrgID: o.ID, Title: title, Kind: kind, Place: place, Audience: audience,
			Capacity: capacity, StartsAt: at, EndsAt: at.Add(3 * time.Hour)})
		if err == nil {
			res.Events++
		}
		return e, err
	}
	// checkIn registers n people and checks share of the confirmed in from
	// devices phones, with double scans and walk-ins.
	checkIn := func(e event.Event, n int, share float64, devices, walkIns int) error {
		names := make([]string, n)
		for i := range names {
			names[i] = name()
		}
		ts, err := es.RegisterAll(ctx, e.ID, names)
		if err != nil {
			return err
		}
		res.Tickets += len(ts)
		var scans []event.Scan
		at := e.StartsAt.Add(-30 * time.Minute)
		nonce := 0
		add := func(code string, walkIn bool) {
			nonce++
			scans = append(scans, event.Scan{Ticket: code, Device: fmt.Sprintf("demo-%d-%d", e.ID, rng.IntN(devices)),
				Nonce: fmt.Sprint(nonce), At: at.Add(time.Duration(rng.IntN(5400)) * time.Second), WalkIn: walkIn})
		}
		for _, t := range ts {
			if t.Status != event.Confirmed || rng.Float64() >= share {
				continue
			}
			add(t.Code, false)
			if rng.IntN(30) == 0 {
				add(t.Code, false) // scanned twice: counted once
			}
		}
		for i := 0; i < walkIns; i++ {
			add("", true)
		}
		// The phones send their scans on the day (the door takes them from
		// the day before until SyncDays after the end, by the server's
		// clock too), so the demo's clock is the event's end while they do.
		d := es.DB()
		realNow := d.Now
		end := e.EndsAt
		d.Now = func() time.Time { return end }
		r, err := es.Sync(ctx, e.ID, scans)
		d.Now = realNow
		res.CheckedIn += r.Accepted
		return err
	}
	main, err := mk(root, province+"2026年全国科普日主场活动", event.KindKepuri, province+"科技馆", "社会公众", 2000, day(9, 19, 9))
	if err != nil {
		return res, err
	}
	if err := checkIn(main, 2400, 0.86, 4, 180); err != nil {
		return res, err
	}
	for i, c := range cities {
		if i >= 6 {
			break
		}
		p := places[i]
		week, err := mk(c, p+"2026年科技活动周启动仪式", event.KindWeek, p+"科技馆", "中小学生及家长", 300, day(5, 17+i%5, 9))
		if err != nil {
			return res, err
		}
		if err := checkIn(week, 240+rng.IntN(80), 0.8, 2, 20+rng.IntN(40)); err != nil {
			return res, err
		}
		for j, topic := range []string{"防灾减灾与应急避险", "健康生活方式", "人工智能与日常生活"} {
			l, err := mk(c, p+"科普大讲堂："+topic, event.KindLecture, p+"图书馆报告厅", "社区居民", 120, day(3+j*3, 10+i, 14))
			if err != nil {
				return res, err
			}
			if err := checkIn(l, 60+rng.IntN(70), 0.75, 1, rng.IntN(15)); err != nil {
				return res, err
			}
		}
		for j := 0; j < 4; j++ {
			s, err := mk(c, fmt.Sprintf("科普大篷车进乡村（%s第%d站）", p, j+1), event.KindCaravan, p+"乡镇中心学校", "乡村学生和村民", 400, day(4+j*2, 8+i, 9))
			if err != nil {
				return res, err
			}
			// Caravan stops are mostly walk-ins: villagers come as it arrives.
			if err := checkIn(s, 40+rng.IntN(40), 0.9, 1, 200+rng.IntN(300)); err != nil {
				return res, err
			}
		}
	}
	soon := time.Now().In(cst).AddDate(0, 1, 0).Truncate(time.Hour)
	if _, err := mk(root, "院士专家科普报告会：走近深空探测", event.KindLecture, province+"科技馆学术报告厅", "社会公众", 300, soon); err != nil {
		return res, err
	}
	// Each of the first cities also has a lecture in the coming weeks, so
	// the public calendar and a city's list show what is ahead, not only
	// the past year.
	next := time.Now().In(cst).Truncate(24 * time.Hour)
	for i, c := range cities {
		if i >= 6 {
			break
		}
		at := time.Date(next.Year(), next.Month(), next.Day()+7*(i%3+1)+i/3, 14, 30, 0, 0, cst)
		topic := []string{"冬季流感防护", "家庭用电安全", "青少年近视防控"}[i%3]
		if _, err := mk(c, places[i]+"科普大讲堂："+topic, event.KindLecture, places[i]+"图书馆报告厅", "社区居民", 120, at); err != nil {
			return res, err
		}
	}
	return res, nil
}
