package innovation_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/innovation"
)

// Steps at once on one need see each other: of 40 publications and
// rejections of one pending need, one goes through and one is on the
// timeline; of 10 proposals of one expert, one. On PostgreSQL without the
// need's row lock several went through, each on the timeline (race review
// 51).
func TestStepsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		n := f.file(t, f.city, "钒钛尾矿综合利用")
		errs := dbtest.AtOnce(40, func(i int) error {
			by := innovation.Actor{UserID: int64(300 + i), Name: fmt.Sprint("审核", i)}
			if i%2 == 0 {
				return f.s.Publish(ctx, n.ID, by)
			}
			return f.s.Reject(ctx, n.ID, "不属于技术需求", by)
		})
		ok := dbtest.Went(t, errs, func(err error) bool { return strings.Contains(fmt.Sprint(err), "innovation.err.status") })
		k := count(t, d, `SELECT COUNT(*) FROM innovation_events WHERE need_id = ? AND action IN ('publish', 'reject')`, n.ID)
		if ok != 1 || k != 1 {
			t.Errorf("%d steps went through, %d on the timeline, want 1", ok, k)
		}
	})
}

// Public filings at once from one address are held to MaxPerHour: 20 at
// once all went through on PostgreSQL without the address's lock.
func TestFilingsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		errs := dbtest.AtOnce(20, func(int) error {
			_, err := f.s.File(ctx, goodNeed(f.city))
			return err
		})
		for _, err := range errs {
			if err != nil && !strings.Contains(fmt.Sprint(err), "innovation.err.rate") {
				t.Errorf("unexpected: %v", err)
			}
		}
		if k := count(t, d, `SELECT COUNT(*) FROM innovation_needs WHERE source = ?`, goodNeed(f.city).Source); k != innovation.MaxPerHour {
			t.Errorf("%d filed at once from one address, want %d", k, innovation.MaxPerHour)
		}
	})
}

// Assessments at once of one station: the station's status is the outcome
// of the newest row (the current assessment). On PostgreSQL the status was
// whichever transaction committed last, the current row whichever got the
// larger ID, and they could disagree: a station shown active whose current
// assessment revoked it (race review 51).
func TestAssessmentsAtOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		scope := access.Subtrees(f.city.Path)
		id, err := f.s.Register(ctx, innovation.StationInput{OrgID: f.county.ID, Kind: "academician", Name: "攀钢钒钛院士专家工作站", Host: "攀钢集团有限公司",
			HostUSCC: "91440300708461136T", RegionCode: "510402", PersonID: 1, Founded: "2021-06-01"}, scope, clerk)
		must(t, err)
		for round := 0; round < 5; round++ {
			for _, err := range dbtest.AtOnce(10, func(i int) error {
				outcome := "keep"
				if i%2 == 1 {
					outcome = "revoke"
				}
				return f.s.Assess(ctx, id, 2025, "qualified", outcome, "复核", clerk)
			}) {
				must(t, err)
			}
			as, err := f.s.Assessments(ctx, id)
			must(t, err)
			st, err := f.s.Station(ctx, id)
			must(t, err)
			if (as[0].Outcome == "revoke") != (st.Status == innovation.Revoked) {
				t.Fatalf("round %d: station %s, current assessment %s", round, st.Status, as[0].Outcome)
			}
		}
	})
}

// A 对接 of a need (one day, form and participants) is recorded once:
// ten at once and one later give one meeting, counted once in the year's
// figures; there was no check, and each click added one.
func TestMeetingOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		n := f.file(t, f.city, "钒钛尾矿综合利用")
		must(t, f.s.Publish(ctx, n.ID, clerk))
		in := innovation.MeetingInput{HeldOn: "2026-03-02", Form: "onsite", Participants: "李钒钛、企业技术部", Note: "现场考察尾矿库"}
		ok := dbtest.Went(t, dbtest.AtOnce(10, func(int) error { return f.s.Meet(ctx, n.ID, in, wang) }), func(err error) bool { return strings.Contains(fmt.Sprint(err), "innovation.err.met") })
		wantCode(t, f.s.Meet(ctx, n.ID, in, wang), "innovation.err.met")
		in.Form = "online" // a second 对接 the same day, online
		must(t, f.s.Meet(ctx, n.ID, in, wang))
		if k := count(t, d, `SELECT COUNT(*) FROM innovation_meetings WHERE need_id = ?`, n.ID); ok != 1 || k != 2 {
			t.Errorf("%d of 10 went through, %d meetings; want 1 and 2", ok, k)
		}
	})
}

// A station of one kind at one host enterprise is registered once while
// active: ten registrations at once and one later give one station; there
// was no check, and each click added one to the figures. Another kind is
// another station.
func TestStationOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		scope := access.Subtrees(f.city.Path)
		in := innovation.StationInput{OrgID: f.county.ID, Kind: "academician", Name: "攀钢钒钛院士专家工作站", Host: "攀钢集团有限公司",
			HostUSCC: "91440300708461136T", RegionCode: "510402", PersonID: 1, Founded: "2021-06-01"}
		ok := dbtest.Went(t, dbtest.AtOnce(10, func(int) error {
			_, err := f.s.Register(ctx, in, scope, clerk)
			return err
		}), func(err error) bool { return strings.Contains(fmt.Sprint(err), "innovation.err.station_exists") })
		_, err := f.s.Register(ctx, in, scope, clerk)
		wantCode(t, err, "innovation.err.station_exists")
		in.Kind, in.Name = "expert", "攀钢钒钛专家服务站"
		_, err = f.s.Register(ctx, in, scope, clerk)
		must(t, err)
		if k := count(t, d, `SELECT COUNT(*) FROM innovation_stations`); ok != 1 || k != 2 {
			t.Errorf("%d of 10 went through, %d stations; want 1 and 2", ok, k)
		}
	})
}
