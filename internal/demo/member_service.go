package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/event"
	"kexie/internal/org"
	"kexie/internal/survey"
	"kexie/internal/volunteer"
)

// memberVolunteer registers the account as a volunteer of the city's 讲解
// team with six services over the last three months, and has staff file a
// correction of one entry (a missed hour and a half) that waits for a
// second person. It returns the ledger entries and the correction.
func memberVolunteer(ctx context.Context, vs *volunteer.Store, city org.Org, userID int64, idNumber string, staff int64, rng *rand.Rand) (int, int64, error) {
	d := vs.DB()
	realNow := d.Now
	defer func() { d.Now = realNow }()
	now := realNow()
	at := now
	d.Now = func() time.Time { return at }
	v, err := vs.Register(ctx, volunteer.Input{OrgID: city.ID, UserID: userID, Name: "林晓雯", IDNumber: idNumber, Phone: "13981234567",
		Skills: []string{"智慧农业", "科普讲解"}}, 0)
	if err != nil {
		return 0, 0, fmt.Errorf("demo: member volunteer: %w", err)
	}
	teams, err := vs.Teams(ctx, access.Subtrees(city.Path))
	if err != nil {
		return 0, 0, err
	}
	var team volunteer.Team
	for _, t := range teams {
		if t.OrgID == city.ID && (team.ID == 0 || strings.Contains(t.Name, "讲解")) {
			team = t
		}
	}
	if team.ID != 0 {
		if err := vs.Join(ctx, team.ID, v.ID); err != nil {
			return 0, 0, err
		}
	}
	var entries []volunteer.Entry
	for w := 0; w < 6; w++ {
		start := time.Date(now.Year(), now.Month(), now.Day(), 9, 0, 0, 0, beijing).AddDate(0, 0, -90+14*w)
		at = start.AddDate(0, 0, -7)
		p, err := vs.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: city.ID, TeamID: team.ID,
			Title: []string{"科技馆周末讲解", "农业科技下乡讲解", "全国科普日现场服务"}[w%3], Place: city.Name,
			StartsAt: start, EndsAt: start.Add(8 * time.Hour), Slots: 20, Scope: access.Subtrees(city.Path)}, 0)
		if err != nil {
			return 0, 0, err
		}
		if err := vs.SignUp(ctx, p.ID, v.ID); err != nil {
			return 0, 0, err
		}
		at = start
		if err := vs.CheckIn(ctx, p.ID, v.ID, access.Everywhere()); err != nil {
			return 0, 0, err
		}
		at = start.Add(time.Duration(3+rng.IntN(3)) * time.Hour)
		e, err := vs.CheckOut(ctx, p.ID, v.ID, access.Everywhere(), 0)
		if err != nil {
			return 0, 0, err
		}
		entries = append(entries, e)
	}
	at = now.Add(-2 * time.Hour)
	last := entries[len(entries)-1]
	ctx = audit.WithMeta(ctx, audit.Meta{ActorID: staff, ActorName: StaffName})
	id, err := vs.FileCorrection(ctx, volunteer.CorrectionInput{VolunteerID: v.ID, EntrySeq: last.Seq, Minutes: 90,
		Reason: "活动结束后协助撤展一个半小时，签退时漏记，带队老师已核实"}, access.Everywhere(), staff)
	if err != nil {
		return 0, 0, fmt.Errorf("demo: member's hour correction: %w", err)
	}
	return len(entries), id, nil
}

var beijing = time.FixedZone("CST", 8*3600)

// memberTickets takes three tickets under the account, each at the time a
// person would have: the city's first 大篷车 stop (checked in at the door),
// its second (ended, never came) and the coming 院士 lecture.
func memberTickets(ctx context.Context, es *event.Store, place string, userID int64) (int, error) {
	d := es.DB()
	realNow := d.Now
	defer func() { d.Now = realNow }()
	find := func(q string) (event.Event, error) {
		list, _, err := es.List(ctx, event.Filter{Scope: access.Everywhere(), Q: q, Limit: 1})
		if err != nil || len(list) == 0 {
			return event.Event{}, fmt.Errorf("demo: the member's event %q (run Generate first): %v", q, err)
		}
		return list[0], nil
	}
	n := 0
	for i, q := range []string{"科普大篷车进乡村（" + place + "第1站）", "科普大篷车进乡村（" + place + "第2站）", "院士专家科普报告会"} {
		e, err := find(q)
		if err != nil {
			return n, err
		}
		if e.StartsAt.Before(realNow()) {
			at := e.StartsAt.AddDate(0, 0, -5)
			d.Now = func() time.Time { return at }
		} else {
			d.Now = realNow
		}
		t, err := es.RegisterAs(ctx, e.ID, event.Registrant{Name: "林晓雯", UserID: userID})
		if err != nil {
			return n, fmt.Errorf("demo: the member registers for %q: %w", e.Title, err)
		}
		n++
		if i == 0 {
			at := e.StartsAt.Add(time.Hour)
			d.Now = func() time.Time { return at }
			if _, err := es.Sync(ctx, e.ID, []event.Scan{{Ticket: t.Code, Device: fmt.Sprintf("demo-%d-member", e.ID), Nonce: "member",
				At: e.StartsAt.Add(-10 * time.Minute)}}); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// memberSurvey answers the sci-tech worker status survey as the account,
// at its city's station (the first station when the city has none).
func memberSurvey(ctx context.Context, s *survey.Store, cityID, userID int64, rng *rand.Rand) (int64, error) {
	list, _, err := s.List(ctx, survey.Filter{Scope: access.Everywhere(), Kind: survey.KindStatus, Limit: 1})
	if err != nil || len(list) == 0 {
		return 0, err
	}
	v := list[0]
	sts, err := s.Stations(ctx, v.ID, time.Now())
	if err != nil || len(sts) == 0 {
		return 0, err
	}
	st := sts[0]
	for _, x := range sts {
		if x.OrgID == cityID {
			st = x
		}
	}
	id, err := s.Submit(ctx, survey.Submission{SurveyID: v.ID, Version: 1, StationID: st.ID, UserID: userID,
		Answers: statusAnswers(survey.StatusTemplate(), rng), StartedAt: time.Now().Add(-12 * time.Minute)})
	if err != nil {
		return 0, fmt.Errorf("demo: the member's survey: %w", err)
	}
	return id, nil
}
