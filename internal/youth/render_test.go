package youth_test

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	"kexie/internal/db/dbtest"
	"kexie/internal/web"
	"kexie/internal/youth"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Every page renders in both languages, in every status.
func TestRenderPages(t *testing.T) {
	s := serve(t, dbtest.OpenSQLite(t))
	now := time.Now()
	evs := []youth.Event{{Action: "apply", Detail: "teacher", At: now}, {Action: "accept", At: now}, {Action: "complete", Detail: "QS2026-X"},
		{Action: "promote"}, {Action: "withdraw", Note: "生病"}, {Action: "edit", Lines: []youth.ChangeLine{{Label: "名额", Old: "2", New: "30"}, {Label: "介绍", Old: "a", New: "b", Long: true}}}}
	type page struct {
		name string
		data any
	}
	var pages []page
	for _, st := range youth.ProgrammeStatuses {
		p := youth.Programme{ID: 1, Title: "x", Kind: "camp", Status: st, Places: 3, GradeLo: 1, GradeHi: 12, StartsOn: now.AddDate(0, 0, -2), EndsOn: now, Summary: "s"}
		pages = append(pages,
			page{"youth/programme.html", youth.ProgrammePage{Programme: p, Form: web.NewForm(), Events: evs, Days: []string{"2026-07-10"}, Day: "2026-07-10", CanAttend: true,
				Roster: []youth.Enrolment{{ID: 1, StudentName: "x", Grade: 7, Status: "accepted"}}}},
			page{"youth/programme_public.html", youth.PublicProgrammePage{Programme: p}})
		for _, phase := range []string{youth.EditAll, youth.EditRunning, youth.EditOver, youth.EditNone} {
			f := web.NewForm()
			f.Values.Set("kind", "camp")
			f.Values.Set("grade_lo", "7")
			f.Errors["places"] = "x"
			pages = append(pages, page{"youth/programme_edit.html", youth.ProgrammeEditPage{Programme: p, Form: f, Kinds: youth.Kinds, Grades: []int{7, 8}, Phase: phase}})
		}
	}
	for _, st := range youth.EnrolStatuses {
		pages = append(pages, page{"youth/enrolment.html", youth.EnrolmentPage{Enrolment: youth.Enrolment{ID: 1, Status: st, Grade: 3, ProgrammeKind: "survey", ProgrammeStatus: "open", AppliedAs: "guardian", Certificate: "QS"},
			Events: evs, Form: web.NewForm(), Decisions: youth.Decisions, Twins: 1}})
	}
	prog := youth.Programme{ID: 1, Title: "x", Kind: "mentor", Status: "open", Places: 3, GradeLo: 7, GradeHi: 9}
	pages = append(pages,
		page{"youth/public.html", youth.PublicPage{List: &web.List{Path: "/youth"}, Programmes: []youth.Programme{prog}, Kinds: youth.Kinds}},
		page{"youth/apply.html", youth.ApplyPage{Programme: prog, Form: web.NewForm(), Grades: []int{7, 8}, Ways: youth.ConsentWays, Genders: youth.Genders, BirthYears: []int{2012}}},
		page{"youth/mine.html", youth.MinePage{Enrolments: []youth.Enrolment{{ID: 1, Status: "completed", Grade: 8, Certificate: "QS"}}}},
		page{"youth/mine.html", youth.MinePage{Now: now, Form: web.NewForm(), Failed: 2, Enrolments: []youth.Enrolment{{ID: 2, Status: "accepted", Grade: 8,
			ProgrammeStatus: "open", ProgrammeStarts: now.AddDate(0, 0, 3)}, {ID: 3, Status: "withdrawn", Reason: "r", Grade: 8}}}},
		page{"youth/list.html", youth.ListPage{List: &web.List{Path: "/youth/admin"}, Items: []youth.Enrolment{{ID: 1, Status: "pending", Grade: 12}}, Statuses: youth.EnrolStatuses, Kinds: youth.Kinds, Bands: youth.Bands}},
		page{"youth/programmes.html", youth.ProgrammesPage{List: &web.List{Path: "/youth/admin/programmes"}, Programmes: []youth.Programme{prog}, Kinds: youth.Kinds, Statuses: youth.ProgrammeStatuses}},
		page{"youth/programme_new.html", youth.ProgrammeFormPage{Form: web.NewForm(), Kinds: youth.Kinds, Grades: []int{1, 12}}},
		page{"youth/student.html", youth.StudentPage{Student: youth.Student{ID: 1, Grade: 5, Gender: "f", BirthYear: 2015, ConsentHow: "phone", IDNumber: "510402*"}, Form: web.NewForm(), MentorQ: "李",
			Hits: []youth.Mentor{{PersonID: 1, Name: "李"}}, Pairs: []youth.Pair{{ID: 1, MentorName: "李"}}, Max: 3}},
		page{"youth/pairs.html", youth.PairsPage{List: &web.List{Path: "/youth/admin/pairs"}, Pairs: []youth.Pair{{ID: 1}, {ID: 2, EndedOn: now, Outcome: "award"}}}},
		page{"youth/pair.html", youth.PairPage{Pair: youth.Pair{ID: 1}, Form: web.NewForm(), Outcomes: youth.Outcomes, Meetings: []youth.PairMeeting{{Minutes: 90, Note: "n"}}}},
		page{"youth/teachers.html", youth.TeachersPage{List: &web.List{Path: "/youth/admin/teachers"}, Teachers: []youth.Teacher{{ID: 1, Name: "x", Recognized: 2025, RegionCode: "510402"}}}},
		page{"youth/teacher_new.html", youth.TeacherFormPage{Form: web.NewForm()}},
		page{"youth/teacher.html", youth.TeacherPage{Teacher: youth.Teacher{ID: 1, Hours: 125}, Form: web.NewForm(), Trainings: []youth.Training{{Title: "t", Hours: 5}}, Recognitions: []youth.Recognition{{Year: 2025, Title: "r"}}}},
		page{"youth/stats.html", youth.StatsPage{Year: 2026, Years: []int{2026}, Stats: youth.Stats{ByKind: []youth.KindTally{{Kind: "camp", Enrolled: 3}}, ByBand: []youth.BandTally{{Band: "junior", Enrolled: 7}}}}},
	)
	for _, lang := range web.Languages() {
		for _, p := range pages {
			var buf bytes.Buffer
			if err := s.Web.RenderPage(&buf, p.name, &web.View{Lang: lang, Data: p.data}); err != nil {
				t.Errorf("%s %s: %v", lang, p.name, err)
			}
		}
	}
}
