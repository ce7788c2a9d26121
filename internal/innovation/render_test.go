package innovation_test

import (
	"bytes"
	"testing"
	"time"

	"kexie/internal/db/dbtest"
	"kexie/internal/innovation"
	"kexie/internal/web"
)

// Every page renders in both languages, in every status a need has.
func TestRenderPages(t *testing.T) {
	s := serve(t, dbtest.OpenSQLite(t))
	evs := []innovation.Event{{Action: "file", At: time.Now()}, {Action: "result", Detail: "signed 10"}, {Action: "result", Detail: "intent"}, {Action: "close", Detail: "solved"}}
	type page struct {
		name string
		data any
	}
	pages := []page{
		{"innovation/form.html", innovation.FormPage{Form: web.NewForm(), Fields: innovation.Fields}},
		{"innovation/new.html", innovation.FormPage{Form: web.NewForm(), Fields: innovation.Fields, Staff: true}},
		{"innovation/needs.html", innovation.PublicListPage{List: &web.List{Path: "/innovation/needs"}, Needs: []innovation.Need{{ID: 1, Title: "x", Field: "other", Status: innovation.Published, BudgetLo: 100}}, Fields: innovation.Fields}},
		{"innovation/need.html", innovation.PublicNeedPage{Need: innovation.Need{ID: 1, Title: "x", Field: "energy", Status: innovation.Matching, RegionCode: "510402"}}},
		{"innovation/list.html", innovation.ListPage{List: &web.List{Path: "/innovation/admin"}, Needs: []innovation.Need{{ID: 1, Title: "x", Field: "other", Status: innovation.Matching, Result: "intent"}}, Statuses: innovation.Statuses, Fields: innovation.Fields}},
		{"innovation/stats.html", innovation.StatsPage{Year: 2026, Years: []int{2026}, Kinds: innovation.StationKinds, Grades: innovation.Grades}},
		{"innovation/stations.html", innovation.StationsPage{List: &web.List{Path: "/innovation/admin/stations"}, Stations: []innovation.Station{{ID: 1, Name: "x", Kind: "expert", Status: "active", Grade: "excellent"}}, Kinds: innovation.StationKinds}},
		{"innovation/station_new.html", innovation.StationFormPage{Form: web.NewForm(), Kinds: innovation.StationKinds, Hits: []innovation.Expert{{PersonID: 1, Name: "李"}}}},
		{"innovation/station.html", innovation.StationPage{Station: innovation.Station{ID: 1, Kind: "service", Status: "revoked"}, Form: web.NewForm(), Grades: innovation.Grades, Outcomes: innovation.Outcomes,
			Assessments: []innovation.Assessment{{Year: 2025, Grade: "unqualified", Outcome: "revoke", Current: true}, {Year: 2025, Grade: "qualified", Outcome: "keep"}}}},
	}
	for _, st := range innovation.Statuses {
		n := innovation.Need{ID: 1, Title: "x", Field: "chemical", Status: st, Contact: "139****0000", Result: "signed", Amount: 1050}
		pages = append(pages, page{"innovation/show.html", innovation.ShowPage{Need: n, Events: evs, Form: web.NewForm(), Forms: innovation.Forms, Results: innovation.Results,
			Experts: []innovation.Expert{{Name: "李"}}, Meetings: []innovation.Meeting{{Form: "online", Participants: "p"}}, ExpertQ: "李", Hits: []innovation.Expert{{PersonID: 1, Name: "李"}}}})
	}
	for _, lang := range web.Languages() {
		for _, p := range pages {
			var buf bytes.Buffer
			if err := s.Web.RenderPage(&buf, p.name, &web.View{Lang: lang, Data: p.data}); err != nil {
				t.Errorf("%s %s: %v", lang, p.name, err)
			}
		}
	}
}
