package volunteer_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/measure"
	"kexie/internal/volunteer"
)

// serve signs a volunteer up on a post, checks them in and, d later, out.
func (f *fixture) serve(t *testing.T, v volunteer.Volunteer, d time.Duration) volunteer.Entry {
	t.Helper()
	ctx := context.Background()
	p, err := f.s.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: f.city.ID, Title: "科技馆讲解", StartsAt: *f.now, EndsAt: f.now.Add(d + time.Hour), Slots: 3}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.SignUp(ctx, p.ID, v.ID); err != nil {
		t.Fatal(err)
	}
	city := access.Subtrees(f.city.Path)
	if err := f.s.CheckIn(ctx, p.ID, v.ID, city); err != nil {
		t.Fatal(err)
	}
	*f.now = f.now.Add(d)
	e, err := f.s.CheckOut(ctx, p.ID, v.ID, city, 1)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestHoursLedger(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		v := f.volunteer(t, 1, "张三", 10)
		other := f.volunteer(t, 2, "李四", 11)
		city := access.Subtrees(f.city.Path)

		// Check-out credits the time since check-in.
		if e := f.serve(t, v, 3*time.Hour+30*time.Minute); e.Minutes != 210 || e.Source != volunteer.SourceCheckout || e.Seq != 1 {
			t.Fatalf("entry = %+v", e)
		}
		// A full post, a second sign-up, a check-out of another org's staff.
		p, _ := f.s.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: f.city.ID, Title: "科普日", StartsAt: *f.now, EndsAt: f.now.Add(time.Hour), Slots: 1}, 1)
		if err := f.s.SignUp(ctx, p.ID, v.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, f.s.SignUp(ctx, p.ID, other.ID), "volunteer.err.full")
		if err := f.s.CheckIn(ctx, p.ID, v.ID, access.Subtrees(f.peer.Path)); !errors.Is(err, access.ErrDenied) {
			t.Fatalf("peer checked in: %v", err)
		}

		// Extra hours: filed by the volunteer, approved by the team admin only.
		team, _ := f.s.CreateTeam(ctx, f.city.ID, "天文服务队", 20, 1)
		_, err := f.s.FileClaim(ctx, v.ID, team.ID, volunteer.Day(*f.now), 60, "社区讲座", 10)
		wantCode(t, err, "volunteer.err.not_member")
		if err := f.s.Join(ctx, team.ID, v.ID); err != nil {
			t.Fatal(err)
		}
		_, err = f.s.FileClaim(ctx, v.ID, team.ID, volunteer.Day(f.now.AddDate(0, 0, 1)), 60, "明天的", 10)
		wantCode(t, err, "volunteer.err.future")
		_, err = f.s.FileClaim(ctx, v.ID, team.ID, volunteer.Day(*f.now), 25*60, "太多", 10)
		wantCode(t, err, "volunteer.err.day_over")
		claim, err := f.s.FileClaim(ctx, v.ID, team.ID, volunteer.Day(*f.now), 21*60, "社区讲座", 10)
		if err != nil {
			t.Fatal(err)
		}
		wantCode(t, f.s.DecideClaim(ctx, claim, true, 10), "volunteer.err.own_claim")
		wantCode(t, f.s.DecideClaim(ctx, claim, true, 99), "volunteer.err.not_team_admin")
		// 3.5 h already credited today: 21 h more passes 24 h, refused.
		wantCode(t, f.s.DecideClaim(ctx, claim, true, 20), "volunteer.err.day_over")
		small, _ := f.s.FileClaim(ctx, v.ID, team.ID, volunteer.Day(*f.now), 90, "社区讲座", 10)
		if err := f.s.DecideClaim(ctx, small, true, 20); err != nil {
			t.Fatal(err)
		}
		wantCode(t, f.s.DecideClaim(ctx, small, true, 20), "volunteer.err.decided")
		got, _ := f.s.Volunteer(ctx, v.ID)
		if got.Minutes != 300 {
			t.Fatalf("minutes = %d, want 300", got.Minutes)
		}
		if pend, _ := f.s.PendingClaims(ctx, 20); len(pend) != 1 || pend[0].ID != claim {
			t.Fatalf("pending = %+v", pend)
		}

		// Measures: registered and hours in the city, nothing in the peer.
		src := f.s.Sources()
		n, _ := src[0].Value(ctx, city, measure.AsOf(f.now.Add(time.Second)))
		h, _ := src[1].Value(ctx, city, measure.Period{})
		hp, _ := src[1].Value(ctx, access.Subtrees(f.peer.Path), measure.Period{})
		if n != 2 || h != 5 || hp != 0 {
			t.Fatalf("measures = %v %v %v", n, h, hp)
		}

		rep, err := f.s.VerifyLedger(ctx)
		if err != nil || !rep.OK() || rep.Checked != 2 {
			t.Fatalf("verify = %+v, %v", rep, err)
		}
		// An edit in the database is named by its entry.
		if _, err := d.Exec(ctx, `UPDATE volunteer_hours SET minutes = 600 WHERE seq = 1`); err != nil {
			t.Fatal(err)
		}
		rep, _ = f.s.VerifyLedger(ctx)
		if rep.OK() || rep.First.Seq != 1 || rep.First.Kind != "edited" {
			t.Fatalf("after edit: %+v", rep.First)
		}
		// Appends stop over a head that was moved.
		d.Exec(ctx, `UPDATE volunteer_hours SET minutes = 210 WHERE seq = 1`)
		d.Exec(ctx, `DELETE FROM volunteer_hours WHERE seq = 2`)
		d.Exec(ctx, `UPDATE volunteer_hours_head SET seq = 1, hash = (SELECT hash FROM volunteer_hours WHERE seq = 1)`)
		rep, _ = f.s.VerifyLedger(ctx)
		if rep.OK() || rep.First.Seq != 2 || rep.First.Kind != "head" {
			t.Fatalf("after truncation: %+v", rep.First)
		}
		third, _ := f.s.FileClaim(ctx, v.ID, team.ID, volunteer.Day(*f.now), 30, "补录", 10)
		if err := f.s.DecideClaim(ctx, third, true, 20); !errors.Is(err, volunteer.ErrLedgerTampered) {
			t.Fatalf("append over a moved head: %v", err)
		}
	})
}

func TestStarsAfterPublicity(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		v := f.volunteer(t, 1, "张三", 10)
		// 100 hours over five days of 20 hours (Mon 2 March 2026 onwards).
		for i := 0; i < 5; i++ {
			f.serve(t, v, 20*time.Hour)
			*f.now = f.now.Add(4 * time.Hour)
		}
		stars, _ := f.s.Stars(ctx, v.ID)
		if len(stars) != 1 || stars[0].Level != 1 {
			t.Fatalf("stars = %+v", stars)
		}
		st := stars[0]
		// Reached on Sat 7 March; the 公示 runs Mon 9 – Fri 13 March and the
		// star stands from 00:00 Sat 14 March, Beijing time.
		wantTo := time.Date(2026, 3, 14, 0, 0, 0, 0, volunteerZone)
		if !st.PublicityTo.Equal(wantTo) {
			t.Fatalf("publicity ends %v, want %v (reached %v)", st.PublicityTo, wantTo, st.ReachedAt)
		}
		if st.Awarded(wantTo.Add(-time.Second)) || volunteer.StarCount(stars, wantTo.Add(-time.Second)) != 0 {
			t.Fatal("star awarded during the 公示")
		}
		if pub, _ := f.s.InPublicity(ctx, wantTo.Add(-time.Second)); len(pub) != 1 {
			t.Fatalf("publicity list = %+v", pub)
		}
		if !st.Awarded(wantTo) || volunteer.StarCount(stars, wantTo) != 1 {
			t.Fatal("star not awarded after the 公示")
		}
		if pub, _ := f.s.InPublicity(ctx, wantTo); len(pub) != 0 {
			t.Fatalf("still in publicity: %+v", pub)
		}
		// An objection upheld during the 公示 withholds the star; the peer
		// city's staff cannot, and after the 公示 nobody can.
		if err := f.s.Withhold(ctx, v.ID, 1, access.Subtrees(f.peer.Path), 2); !errors.Is(err, access.ErrDenied) {
			t.Fatalf("peer withheld: %v", err)
		}
		if err := f.s.Withhold(ctx, v.ID, 1, access.Subtrees(f.city.Path), 2); err != nil {
			t.Fatal(err)
		}
		stars, _ = f.s.Stars(ctx, v.ID)
		if stars[0].Awarded(wantTo) {
			t.Fatal("a withheld star is awarded")
		}
		*f.now = wantTo
		if err := f.s.Withhold(ctx, v.ID, 1, access.Subtrees(f.city.Path), 2); !errors.Is(err, volunteer.ErrNotFound) {
			t.Fatalf("withheld twice / after the 公示: %v", err)
		}
	})
}

var volunteerZone = time.FixedZone("CST", 8*3600)

func TestCertificate(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		v := f.volunteer(t, 1, "张三", 10)
		f.serve(t, v, 150*time.Minute)
		c, err := f.s.IssueCertificate(ctx, v.ID, 1)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.s.VerifyCertificate(ctx, strings.ToLower(strings.ReplaceAll(c.Code, "-", "")))
		if err != nil || got.Name != "张三" || got.Minutes != 150 {
			t.Fatalf("verify = %+v, %v", got, err)
		}
		// A forged code: one character changed fails its tag.
		forged := []byte(c.Code)
		forged[0] = map[byte]byte{'2': '3'}[forged[0]]
		if forged[0] == 0 {
			forged[0] = '2'
		}
		if _, err := f.s.VerifyCertificate(ctx, string(forged)); !errors.Is(err, volunteer.ErrForged) {
			t.Fatalf("forged code: %v", err)
		}
		if _, err := f.s.VerifyCertificate(ctx, "ABCD-EFGH-JKMN"); !errors.Is(err, volunteer.ErrForged) {
			t.Fatalf("made-up code: %v", err)
		}
		pdf, err := f.s.CertificatePDF(got, "https://kexie.example/cert/"+c.Code)
		if err != nil {
			t.Skip(err) // no CJK font on this machine (pdfdoc's tests fail under CI)
		}
		bin, err := exec.LookPath("pdftotext")
		if err != nil {
			t.Skip("no pdftotext")
		}
		p := filepath.Join(t.TempDir(), "c.pdf")
		os.WriteFile(p, pdf, 0o600)
		out, err := exec.Command(bin, p, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"科普志愿服务证明", "张三", "2.5 小时", c.Code} {
			if !bytes.Contains(out, []byte(w)) {
				t.Errorf("certificate lacks %q:\n%s", w, out)
			}
		}
	})
}
