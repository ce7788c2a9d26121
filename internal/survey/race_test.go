package survey

import (
	"context"
	"testing"

	"kexie/internal/db/dbtest"
	"kexie/internal/survey/estimate"
)

// A survey's margins saved several times at once (a double click, two
// colleagues) are saved each time without a raw database error: each
// deleted nothing and inserted, and all but one failed on the key.
func TestMarginsAtOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		v := f.published(t, KindGeneral)
		for _, err := range dbtest.AtOnce(10, func(int) error {
			return f.s.SetMargins(ctx, v.ID, estimate.Margins{"gender": {"1": 0.7, "2": 0.3}})
		}) {
			if err != nil {
				t.Errorf("saved at once: %v", err)
			}
		}
		var n int
		if err := f.d.QueryRow(ctx, `SELECT COUNT(*) FROM survey_margins WHERE survey_id = ?`, v.ID).Scan(&n); err != nil || n != 2 {
			t.Errorf("%d margins (%v), want 2", n, err)
		}
	})
}

// A survey published several times at once (a double click, two
// colleagues) is published once: the others are told it is unchanged,
// never a raw database error on the version's key.
func TestPublishAtOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		d := small()
		v, err := f.s.Create(ctx, Input{OrgID: f.root.ID, Kind: KindGeneral, Title: "测试问卷", UserID: 1, Definition: &d})
		if err != nil {
			t.Fatal(err)
		}
		ok := 0
		for _, err := range dbtest.AtOnce(10, func(int) error {
			_, err := f.s.Publish(ctx, v.ID, 1)
			return err
		}) {
			switch {
			case err == nil:
				ok++
			case !isValid(err, "survey.err.unchanged"):
				t.Errorf("unexpected: %v", err)
			}
		}
		var n int
		if err := f.d.QueryRow(ctx, `SELECT COUNT(*) FROM survey_versions WHERE survey_id = ?`, v.ID).Scan(&n); err != nil || ok != 1 || n != 1 {
			t.Errorf("%d of 10 published, %d versions (%v); want 1", ok, n, err)
		}
	})
}
