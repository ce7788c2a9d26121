package youth_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/youth"
)

// benchEnrolments is how many enrolments the list benchmark holds.
const benchEnrolments = 100_000

// seedBench fills d with n enrolments (and their students) in 500
// programmes spread over two cities of ten counties each, in every status
// and grade, over a year; it returns the first city (half the enrolments
// are in its subtree).
func seedBench(b *testing.B, d *db.DB, n int) org.Org {
	b.Helper()
	f := setup(b, d)
	ctx := context.Background()
	orgs := org.NewStore(d, std.Regions())
	var ids []int64
	for ci, c := range []org.Org{f.city, f.peer} {
		ids = append(ids, c.ID)
		for k := 0; k < 10; k++ {
			o, err := orgs.Create(ctx, org.Input{ParentID: c.ID, Code: fmt.Sprintf("B%d%02d", ci, k), Name: fmt.Sprintf("县%d-%d科协", ci, k), Type: org.TypeCounty})
			if err != nil {
				b.Fatal(err)
			}
			ids = append(ids, o.ID)
		}
	}
	start := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	const progs = 500
	var pids []int64
	err := d.Tx(ctx, func(tx *db.Tx) error {
		for i := 0; i < progs; i++ {
			id := tx.NewID()
			pids = append(pids, id)
			s := start.AddDate(0, 0, i%300)
			if _, err := tx.Exec(ctx, `INSERT INTO youth_programmes (id, org_id, title, kind, starts_on, ends_on, places, grade_lo, grade_hi, status,
				created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 300, 1, 12, ?, ?, ?)`, id, ids[i%len(ids)], fmt.Sprintf("第%d期青少年科学营", i),
				youth.Kinds[i%len(youth.Kinds)], db.Millis(s), db.Millis(s.AddDate(0, 0, 3)), youth.ProgrammeStatuses[1+i%4], db.Millis(s), db.Millis(s)); err != nil {
				return err
			}
		}
		surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭")
		schools := []string{"第一中学", "第三中学", "实验学校", "外国语学校", "第二小学"}
		const batch = 400
		for i := 0; i < n; i += batch {
			var qs, qe strings.Builder
			qs.WriteString(`INSERT INTO youth_students (id, org_id, name, school, grade, guardian_name, guardian_contact, consent_by, consent_at, consent_how, created_at) VALUES `)
			qe.WriteString(`INSERT INTO youth_enrolments (id, programme_id, student_id, org_id, student_name, school, grade, gender, status, applied_as,
				applicant_user, applied_at) VALUES `)
			var as, ae []any
			for j := i; j < min(i+batch, n); j++ {
				if j > i {
					qs.WriteString(", ")
					qe.WriteString(", ")
				}
				qs.WriteString("(?, ?, ?, ?, ?, '家长', 'sealed', '家长', ?, 'written', ?)")
				qe.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, 'teacher', ?, ?)")
				p := j % progs
				org := ids[p%len(ids)]
				sid, eid := tx.NewID(), tx.NewID()
				name := fmt.Sprintf("%c同学%d", surnames[j%len(surnames)], j)
				school := schools[j%len(schools)]
				grade := 1 + j%12
				at := db.Millis(start.Add(time.Duration(j) * 5 * time.Minute))
				as = append(as, sid, org, name, school, grade, at, at)
				ae = append(ae, eid, pids[p], sid, org, name, school, grade, []string{"f", "m", ""}[j%3], youth.EnrolStatuses[j%len(youth.EnrolStatuses)], 1000+j%500, at)
			}
			if _, err := tx.Exec(ctx, qs.String(), as...); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, qe.String(), ae...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	dbtest.Analyze(b, d)
	*f.now = start.AddDate(1, 0, 0)
	return f.city
}

// BenchmarkYouthEnrolmentList is the staff list over 100,000 enrolments, a
// city's staff reading a page of their half: the first page, filtered by
// status, by kind and grade band, a search by name, the last page, one
// programme's roster, an applicant's own list, the home page's count and
// the year's figures.
func BenchmarkYouthEnrolmentList(b *testing.B) {
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		city := seedBench(b, d, benchEnrolments)
		s := youth.NewStore(d, youth.Config{})
		ctx := context.Background()
		scope := access.Subtrees(city.Path)
		first, _, err := s.List(ctx, youth.Filter{Scope: scope, Limit: 1})
		if err != nil || len(first) == 0 {
			b.Fatal(err)
		}
		for _, c := range []struct {
			name string
			f    youth.Filter
		}{
			{"page", youth.Filter{Scope: scope}},
			{"status", youth.Filter{Scope: scope, Status: youth.Pending}},
			{"kind_band", youth.Filter{Scope: scope, Kind: "camp", Band: "junior"}},
			{"search", youth.Filter{Scope: scope, Q: "同学4242"}},
			{"last_page", youth.Filter{Scope: scope, Offset: 49_950}},
			{"programme", youth.Filter{Scope: scope, ProgrammeID: first[0].ProgrammeID, Sort: "name"}},
			{"applicant", youth.Filter{Applicant: 1042}},
		} {
			b.Run(c.name, func(b *testing.B) {
				c.f.Limit = 50
				for i := 0; i < b.N; i++ {
					list, total, err := s.List(ctx, c.f)
					if err != nil || total == 0 || len(list) == 0 {
						b.Fatal(total, err)
					}
				}
			})
		}
		b.Run("todo_count", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.ToDecide(ctx, scope); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("year_stats", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.YearStats(ctx, scope, "", 2026); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
