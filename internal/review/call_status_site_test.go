package review_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

// TestCallClosedAfterItsDate: an open call past its closing date reads
// 已截止 on the staff list, in its status filter and on its pages, though
// nothing ran at the closing time; a call still open is not listed as such.
func TestCallClosedAfterItsDate(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		rs := serveReview(t, d)
		bg := context.Background()
		staff, su := rs.User(t, "staff", access.OrgStaff, rs.City)
		mk := func(title string, closes time.Time) review.Call {
			c, err := rs.Store.CreateCall(bg, review.CallInput{OrgID: rs.City.ID, Title: title, Kind: "research", ApplicantKind: review.Individual,
				OpensAt: time.Now().Add(-48 * time.Hour), ClosesAt: time.Now().Add(time.Hour),
				Form: review.Schema{Fields: []review.Field{{Key: "report", Label: "研究报告", Type: review.LongText, Required: true}}},
				Stages: []review.StageInput{{Kind: review.StageReview, Name: "专家评审", PerApp: 1, PoolID: 3,
					Rubric: []review.Criterion{{Key: "quality", Label: "研究质量", Weight: 1, Max: 100}}}}}, su.ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := rs.Store.Publish(bg, c.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := d.Exec(bg, `UPDATE review_calls SET closes_at = ? WHERE id = ?`, db.Millis(closes), c.ID); err != nil {
				t.Fatal(err)
			}
			return c
		}
		past := mk("已过截止日期的课题征集", time.Now().Add(-time.Hour))
		mk("仍在征集的课题征集", time.Now().Add(24*time.Hour))

		res, body := staff.Get("/review/calls?status=closed")
		must(t, "closed filter", res, body, 200, "已过截止日期的课题征集", "已截止")
		if strings.Contains(body, "仍在征集的课题征集") {
			t.Error("the 已截止 filter lists a call still open")
		}
		res, body = staff.Get("/review/calls?status=open")
		must(t, "open filter", res, body, 200, "仍在征集的课题征集")
		if strings.Contains(body, "已过截止日期的课题征集") {
			t.Error("the 征集中 filter lists a call past its closing date")
		}
		id := strconv.FormatInt(past.ID, 10)
		res, body = staff.Get("/review/calls/" + id)
		must(t, "manage page", res, body, 200, "已截止")
		twice := `专家评审 <span class="muted small">专家评审</span>`
		if strings.Contains(body, twice) {
			t.Error("the manage page shows a stage named as its kind (专家评审) twice")
		}
		res, body = staff.Get("/calls/" + id)
		must(t, "call page", res, body, 200, "已截止")
		if strings.Contains(body, twice) {
			t.Error("the call page shows a stage named as its kind (专家评审) twice")
		}
	})
}
