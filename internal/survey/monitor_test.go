package survey_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/measure"
	"kexie/internal/sheet"
	"kexie/internal/survey"
)

// seedLiteracy stores a published literacy survey of year at a station in
// orgID with the given responses, literate or not.
func seedLiteracy(t *testing.T, ss surveySite, orgID int64, year int, literate ...bool) {
	t.Helper()
	ctx := context.Background()
	v, err := ss.Surveys.Create(ctx, survey.Input{OrgID: ss.Root.ID, Kind: survey.KindLiteracy, Title: fmt.Sprintf("%d年公民科学素质调查", year), Year: year})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ss.Surveys.Publish(ctx, v.ID, 0); err != nil {
		t.Fatal(err)
	}
	st, err := ss.Surveys.AddStation(ctx, v.ID, orgID, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, lit := range literate {
		a := literacyAnswers(i, lit)
		if _, err := ss.Surveys.Submit(ctx, survey.Submission{SurveyID: v.ID, Version: 1, StationID: st.ID, Answers: a,
			Respondent: fmt.Sprintf("b:%d-%d-%d", orgID, year, i), StartedAt: time.Now().Add(-time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLiteracyMonitor(t *testing.T) {
	eachSite(t, func(t *testing.T, ss surveySite) {
		seedLiteracy(t, ss, ss.City.ID, 2024, true, false, false, false)
		seedLiteracy(t, ss, ss.City.ID, 2025, true, false)
		seedLiteracy(t, ss, ss.Peer.ID, 2025, true, true, true)
		// The province sees both cities; a city sees only itself.
		admin, _ := ss.User(t, "prov", access.OrgStaff, ss.Root)
		_, body := admin.Get("/surveys/literacy")
		for _, want := range []string{"攀枝花", "滁州", "25.0%", "80.0%", "2024", "2025"} {
			if !strings.Contains(body, want) {
				t.Errorf("province dashboard lacks %q", want)
			}
		}
		city, _ := ss.User(t, "city", access.Member, ss.City)
		_, body = city.Get("/surveys/literacy")
		if !strings.Contains(body, `id="monitor-rate">50.0%`) || strings.Contains(body, "滁州") {
			t.Errorf("city dashboard: %.600s", body)
		}
		if res, _ := city.Get(fmt.Sprintf("/surveys/literacy?org=%d", ss.Peer.ID)); res.StatusCode != 404 {
			t.Errorf("a city opens the other's dashboard: %d", res.StatusCode)
		}
		// The measure source a plan target binds to.
		src := ss.Surveys.Sources()[0]
		y := func(year int) measure.Period {
			return measure.Period{From: time.Date(year, 1, 1, 0, 0, 0, 0, sheet.Zone), To: time.Date(year+1, 1, 1, 0, 0, 0, 0, sheet.Zone)}
		}
		for _, c := range []struct {
			scope access.Scope
			year  int
			want  float64
		}{{access.Subtrees(ss.City.Path), 2025, 50}, {access.Subtrees(ss.City.Path), 2024, 25}, {access.Everywhere(), 2025, 80},
			{access.Scope{}, 2025, 0}, {access.Subtrees(ss.Peer.Path), 2024, measure.NoBase},
			// A level as of the period's end: a year without a survey reads the last one's rate;
			// before any survey there is nothing to measure (not 0 %).
			{access.Subtrees(ss.City.Path), 2027, 50}, {access.Subtrees(ss.City.Path), 2023, measure.NoBase}} {
			got, err := src.Value(context.Background(), c.scope, y(c.year))
			if err != nil || (got != c.want && measure.Known(c.want)) || measure.Known(got) != measure.Known(c.want) {
				t.Errorf("%s in %v, %d = %v, %v; want %v", src.Key, c.scope, c.year, got, err, c.want)
			}
		}
		q := measure.Period{From: time.Date(2026, 4, 1, 0, 0, 0, 0, sheet.Zone), To: time.Date(2026, 7, 1, 0, 0, 0, 0, sheet.Zone)}
		if got, err := src.Value(context.Background(), access.Everywhere(), q); err != nil || got != 80 || !src.AsOf {
			t.Errorf("2026 Q2 everywhere = %v, %v (as of: %v); want the 2025 survey's 80", got, err, src.AsOf)
		}
	})
}

func TestWeightedAnalysis(t *testing.T) {
	eachSite(t, func(t *testing.T, ss surveySite) {
		seedLiteracy(t, ss, ss.City.ID, 2025, true, false, false, true)
		staff, _ := ss.User(t, "prov", access.OrgStaff, ss.Root)
		list, _, _ := ss.Surveys.List(context.Background(), survey.Filter{Scope: access.Everywhere()})
		base := "/surveys/" + itoa(list[0].ID)
		_, body := staff.Get(base + "/analysis?weighted=1")
		if !strings.Contains(body, "还没有人口结构数据") || !strings.Contains(body, `id="literacy-rate">50.0%`) {
			t.Errorf("weighted without margins: %.400s", body)
		}
		for _, bad := range []struct{ csv, want string }{
			{"variable,category,share\ngender,1,0.5\ngender,2,0.4\n", "gender"},
			{"variable,category,share\ngender,1,0.5\ngender,3,0.5\n", "不是该题的选项代码"},
			{"variable,category,share\nincome,1,1\n", "不是本问卷的人口学变量"},
		} {
			if _, body := post(staff, base+"/margins", url.Values{"margins": {bad.csv}}); !strings.Contains(body, bad.want) {
				t.Errorf("margins %q: no %q in the message", bad.csv, bad.want)
			}
		}
		if ms, _ := ss.Surveys.Margins(context.Background(), list[0].ID); len(ms) != 0 {
			t.Errorf("bad margins stored: %v", ms)
		}
		// Men (1, 3: one literate of two… here respondents alternate 1,2,1,2) weighted to 70% of the population.
		if _, body := post(staff, base+"/margins", url.Values{"margins": {"variable,category,share\ngender,1,0.7\ngender,2,0.3\n"}}); !strings.Contains(body, "边际分布已保存") {
			t.Fatalf("margins: %.300s", body)
		}
		_, body = staff.Get(base + "/analysis?weighted=1")
		if !strings.Contains(body, "已按人口结构加权") || !strings.Contains(body, `id="literacy-rate">`) {
			t.Errorf("weighted analysis: %.400s", body)
		}
	})
}

// literacyAnswers are the i-th respondent's answers to the literacy
// instrument: alternating gender, one age, education and place, every
// scored question right when lit and wrong otherwise.
func literacyAnswers(i int, lit bool) survey.Answers {
	a := survey.Answers{"gender": {fmt.Sprint(1 + i%2)}, "age": {"2"}, "edu": {"4"}, "urban": {"1"}}
	for _, q := range survey.LiteracyInstrument().Questions() {
		if len(q.Correct) > 0 {
			a[q.ID] = []string{q.Options[len(q.Options)-1].Code}
			if lit {
				a[q.ID] = q.Correct
			}
		}
	}
	return a
}
