package volunteer_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/valid"
	"kexie/internal/volunteer"
)

// Steps at once on one sign-up and one volunteer go through once: of 10
// check-outs, one credits the hours; of 10 teams joined at once, MaxTeams.
// On PostgreSQL each check-out read the volunteer as checked in and each
// credited the hours; each join counted the teams before any other had
// joined (race review 51).
func TestStepsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		v := f.volunteer(t, 1, "张三", 10)
		p, err := f.s.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: v.OrgID, Title: "科技馆讲解", StartsAt: *f.now, EndsAt: f.now.Add(4 * time.Hour), Slots: 3}, 1)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.SignUp(ctx, p.ID, v.ID); err != nil {
			t.Fatal(err)
		}
		in := 0
		for _, err := range dbtest.AtOnce(10, func(int) error { return f.s.CheckIn(ctx, p.ID, v.ID, access.Everywhere()) }) {
			if err == nil {
				in++
			} else if !valid.Has(err, "volunteer.err.checked_in") {
				t.Errorf("check in: %v", err)
			}
		}
		*f.now = f.now.Add(3 * time.Hour)
		out := 0
		for _, err := range dbtest.AtOnce(10, func(int) error {
			_, err := f.s.CheckOut(ctx, p.ID, v.ID, access.Everywhere(), 1)
			return err
		}) {
			if err == nil {
				out++
			} else if !valid.Has(err, "volunteer.err.not_checked_in") {
				t.Errorf("check out: %v", err)
			}
		}
		if k := f.count(t, "volunteer_hours"); in != 1 || out != 1 || k != 1 {
			t.Errorf("%d check-ins and %d check-outs at once went through, %d credits, want 1 each", in, out, k)
		}

		var teams []int64
		for i := 0; i < 10; i++ {
			tm, err := f.s.CreateTeam(ctx, f.city.ID, fmt.Sprint("服务队", i), 0, 1)
			if err != nil {
				t.Fatal(err)
			}
			teams = append(teams, tm.ID)
		}
		joined := 0
		for _, err := range dbtest.AtOnce(10, func(i int) error { return f.s.Join(ctx, teams[i], v.ID) }) {
			if err == nil {
				joined++
			} else if !valid.Has(err, "volunteer.err.max_teams") {
				t.Errorf("join: %v", err)
			}
		}
		if joined != volunteer.MaxTeams {
			t.Errorf("joined %d teams at once, want %d", joined, volunteer.MaxTeams)
		}
	})
}

// One account's registrations at once make one volunteer: on PostgreSQL
// each counted the account's volunteers before any other had written
// (race review 51).
func TestRegistrationsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		for _, err := range dbtest.AtOnce(10, func(i int) error {
			_, err := f.s.Register(ctx, volunteer.Input{OrgID: f.city.ID, UserID: 10, Name: "张三", IDNumber: idNumber(i + 1), Skills: []string{"天文、科普讲解"}}, 1)
			return err
		}) {
			if err != nil && !valid.Has(err, "volunteer.err.already") {
				t.Errorf("unexpected: %v", err)
			}
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM volunteers WHERE user_id = 10`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("%d volunteers for one account from 10 registrations at once, want 1", n)
		}
	})
}

// Filings a second click or a colleague sends again are recorded once:
// the same correction of an entry, the same claim of extra hours and the
// same training, each ten times at once and once later. Corrections of
// one entry at once are bounded together: ten of -100 minutes on an entry
// of 180 with 60 already in flight let one through (the pending sum was
// read before any other was written).
func TestFilingsOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		v := f.volunteer(t, 1, "张三", 10)
		city := access.Subtrees(f.city.Path)
		e := f.serve(t, v, 3*time.Hour)
		tally := func(what, want string, errs []error) {
			t.Helper()
			ok := 0
			for _, err := range errs {
				switch {
				case err == nil:
					ok++
				case !valid.Has(err, want):
					t.Errorf("%s: unexpected: %v", what, err)
				}
			}
			if ok != 1 {
				t.Errorf("%s: %d of %d went through; want 1", what, ok, len(errs))
			}
		}
		correct := func(minutes int, reason string) error {
			_, err := f.s.FileCorrection(ctx, volunteer.CorrectionInput{VolunteerID: v.ID, EntrySeq: e.Seq, Minutes: minutes, Reason: reason}, city, 1)
			return err
		}
		tally("same correction", "volunteer.err.correction_filed", dbtest.AtOnce(10, func(int) error { return correct(-60, "签退时间记错") }))
		wantCode(t, correct(-60, "签退时间记错"), "volunteer.err.correction_filed")
		tally("overdrawing corrections", "volunteer.err.correct_over", dbtest.AtOnce(10, func(i int) error {
			return correct(-100, fmt.Sprint("重复签到，第 ", i, " 次"))
		}))
		if n := f.count(t, "volunteer_corrections"); n != 2 {
			t.Errorf("%d corrections filed; want 2", n)
		}

		team, err := f.s.CreateTeam(ctx, f.city.ID, "天文服务队", 20, 1)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.Join(ctx, team.ID, v.ID); err != nil {
			t.Fatal(err)
		}
		claim := func() error {
			_, err := f.s.FileClaim(ctx, v.ID, team.ID, volunteer.Day(*f.now), 60, "社区讲座", 10)
			return err
		}
		tally("claim", "volunteer.err.claim_filed", dbtest.AtOnce(10, func(int) error { return claim() }))
		wantCode(t, claim(), "volunteer.err.claim_filed")
		if _, err := f.s.FileClaim(ctx, v.ID, team.ID, volunteer.Day(*f.now), 60, "晚间观星活动", 10); err != nil {
			t.Errorf("another service the same day: %v", err)
		}

		train := func(day string) error {
			return f.s.AddTraining(ctx, v.ID, volunteer.Training{Title: "科普讲解员培训", HeldOn: day, Minutes: 180}, 1)
		}
		tally("training", "volunteer.err.training_recorded", dbtest.AtOnce(10, func(int) error { return train("2026-02-10") }))
		wantCode(t, train("2026-02-10"), "volunteer.err.training_recorded")
		if err := train("2026-02-11"); err != nil {
			t.Errorf("the course's second day: %v", err)
		}
		// A training is one taken: tomorrow's is refused.
		wantCode(t, train(volunteer.Day(f.now.AddDate(0, 0, 1))), "volunteer.err.training_future")
		if n := f.count(t, "volunteer_trainings"); n != 2 {
			t.Errorf("%d trainings; want 2", n)
		}
	})
}
