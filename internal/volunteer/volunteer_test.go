package volunteer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
)

func TestRegisterAndImport(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		v := f.volunteer(t, 1, "张三", 10)
		if v.Gender != "m" || v.BirthYear != 1990 || v.IDMasked != "510402************" || strings.Join(v.Skills, "|") != "天文|科普讲解" {
			t.Fatalf("volunteer = %+v", v)
		}
		var sealed string
		d.QueryRow(ctx, `SELECT id_sealed FROM volunteers WHERE id = ?`, v.ID).Scan(&sealed)
		if strings.Contains(sealed, idNumber(1)) || sealed == "" {
			t.Fatalf("ID number stored in clear: %q", sealed)
		}
		// The same number again, even in lower case x or another org: refused.
		_, err := f.s.Register(ctx, volunteer.Input{OrgID: f.peer.ID, Name: "张三三", IDNumber: " " + idNumber(1) + " "}, 1)
		wantCode(t, err, volunteer.ErrDuplicate)
		_, err = f.s.Register(ctx, volunteer.Input{OrgID: f.city.ID, Name: "李四", IDNumber: "51040219900101123"}, 1)
		wantCode(t, err, "volunteer.err.id_number")

		// An import with one bad row changes nothing and names the row.
		bad := "姓名,身份证号码,手机号码,技能\n王五," + idNumber(2) + ",13800000000,机器人\n赵六," + idNumber(1) + ",,\n钱七," + idNumber(2) + ",,\n孙八,123,,\n"
		res, err := f.s.Import(ctx, strings.NewReader(bad), f.city.ID, 1, false)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"3:volunteer.err.duplicate", "4:volunteer.err.duplicate_in_file", "5:volunteer.err.id_number"}
		var got []string
		for _, e := range res.Errors {
			got = append(got, strings.Join([]string{itoa(e.Row), e.Code}, ":"))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") || res.Created != 0 {
			t.Fatalf("import errors = %v (created %d), want %v", got, res.Created, want)
		}
		if _, n, _ := f.s.Volunteers(ctx, volunteer.Filter{Scope: access.Everywhere()}); n != 1 {
			t.Fatalf("a failed import wrote: %d volunteers", n)
		}
		good := "姓名,身份证号码,手机号码,技能\n王五," + idNumber(2) + ",13800000000,机器人\n钱七," + idNumber(3) + ",,\n"
		res, _ = f.s.Import(ctx, strings.NewReader(good), f.city.ID, 1, false)
		if res.Created != 2 || len(res.Errors) != 0 {
			t.Fatalf("import = %+v", res)
		}
		// A row the reader cannot parse (an unmatched quote) is named, not
		// an internal error, and the good row before it is not written.
		quote := "姓名,身份证号码,手机号码,技能\n吴九," + idNumber(4) + ",,\n郑十,\"" + idNumber(5) + ",,\n"
		res, err = f.s.Import(ctx, strings.NewReader(quote), f.city.ID, 1, false)
		if err != nil || len(res.Errors) != 1 || res.Errors[0].Code != "volunteer.err.bad_row" || res.Errors[0].Row != 3 || res.Created != 0 {
			t.Fatalf("unmatched quote: %+v, %v", res, err)
		}
		if _, n, _ := f.s.Volunteers(ctx, volunteer.Filter{Scope: access.Everywhere()}); n != 3 {
			t.Fatalf("an import with a malformed row wrote: %d volunteers, want 3", n)
		}
		res, _ = f.s.Import(ctx, strings.NewReader("名字\nx\n"), f.city.ID, 1, false)
		if len(res.Errors) != 2 || res.Errors[0].Code != "volunteer.err.column_missing" {
			t.Fatalf("missing columns = %+v", res.Errors)
		}
		// Scope: the peer city sees none of them.
		if vs, n, _ := f.s.Volunteers(ctx, volunteer.Filter{Scope: access.Subtrees(f.peer.Path)}); n != 0 || len(vs) != 0 {
			t.Fatalf("peer sees %d", n)
		}
		if _, n, _ := f.s.Volunteers(ctx, volunteer.Filter{Scope: access.Subtrees(f.city.Path), Query: "机器人"}); n != 1 {
			t.Fatalf("skill search found %d", n)
		}
		if _, n, _ := f.s.Volunteers(ctx, volunteer.Filter{}); n != 0 {
			t.Fatalf("zero scope shows %d", n)
		}
	})
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + string(rune('0'+n))) }

func TestTeamsAtMostFive(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		v := f.volunteer(t, 1, "张三", 0)
		for i := 0; i < 6; i++ {
			tm, err := f.s.CreateTeam(ctx, f.city.ID, "服务队"+string(rune('A'+i)), 0, 1)
			if err != nil {
				t.Fatal(err)
			}
			err = f.s.Join(ctx, tm.ID, v.ID)
			if i < 5 && err != nil {
				t.Fatal(err)
			}
			if i == 5 {
				wantCode(t, err, "volunteer.err.max_teams")
			}
			if i == 0 {
				wantCode(t, f.s.Join(ctx, tm.ID, v.ID), "volunteer.err.in_team")
			}
		}
		if err := f.s.AddTraining(ctx, v.ID, volunteer.Training{Title: "科普讲解员培训", HeldOn: "2026-02-10", Minutes: 180}, 1); err != nil {
			t.Fatal(err)
		}
		if tr, _ := f.s.Trainings(ctx, v.ID); len(tr) != 1 {
			t.Fatalf("trainings = %v", tr)
		}
		_ = time.Now
	})
}
