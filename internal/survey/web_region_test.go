package survey_test

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kexie/internal/access"
	"kexie/internal/survey"
)

// The analysis page's by-region table shows, for each region one level
// below the survey's org, the weighted literacy rate and the weighted
// share of each option of the chosen column with standard error and 95%
// interval — the figures ByRegion gives — and the export carries it.
func TestAnalysisByRegion(t *testing.T) {
	eachSite(t, func(t *testing.T, ss surveySite) {
		ctx := context.Background()
		v := seedRegionSurvey(t, ss)
		staff, _ := ss.User(t, "prov", access.OrgStaff, ss.Root)
		base := "/surveys/" + itoa(v.ID)
		if _, body := post(staff, base+"/margins", url.Values{"margins": {"variable,category,share\ngender,1,0.7\ngender,2,0.3\n"}}); !strings.Contains(body, "边际分布已保存") {
			t.Fatalf("margins: %.300s", body)
		}
		_, body := staff.Get(base + "/analysis?weighted=1&level=1&col=gender")
		table := between(body, `id="region-table"`, `</section>`)
		// The same figures from the store and ByRegion.
		v, _ = ss.Surveys.Get(ctx, v.ID)
		data, err := ss.Surveys.Load(ctx, v, survey.AnalysisFilter{Scope: access.Everywhere(), Weighted: true})
		if err != nil {
			t.Fatal(err)
		}
		gender, _ := data.Def.Question("gender")
		want, err := survey.ByRegion(data, []survey.Region{{ID: ss.City.ID, Name: ss.City.Name, Path: ss.City.Path}, {ID: ss.Peer.ID, Name: ss.Peer.Name, Path: ss.Peer.Path}}, &gender, "zh")
		if err != nil || len(want.Rows) != 2 {
			t.Fatalf("ByRegion: %+v %v", want, err)
		}
		city := want.Rows[0].Rates[0]
		if city.SE == 0 || city.P == 4.0/6 {
			t.Errorf("the city's rate is not weighted: %+v", city)
		}
		for _, s := range []string{"分地区估计（科学技术协会 以下）", ss.City.Name, ss.Peer.Name, "具备科学素质的比例", ">男<", ">女<",
			"<strong>" + city.PS() + "%</strong>", "SE " + city.SES() + " · " + city.LoS() + "–" + city.HiS() + "%", "n=6",
			"<strong>" + want.Total.Rates[0].PS() + "%</strong>", "已考虑迭代加权"} {
			if !strings.Contains(table, s) {
				t.Errorf("the by-region table lacks %q: %s", s, table)
			}
		}
		// Without a level, no table; the export carries it as its own sheet.
		if _, body := staff.Get(base + "/analysis?weighted=1"); strings.Contains(body, `id="region-table"`) {
			t.Error("a by-region table without a level")
		}
		res, xlsx := staff.Get(base + "/analysis?weighted=1&level=1&col=gender&format=xlsx")
		if res.StatusCode != 200 {
			t.Fatalf("export: %d", res.StatusCode)
		}
		f, err := excelize.OpenReader(bytes.NewReader([]byte(xlsx)))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("分地区估计")
		if err != nil || len(rows) != 4 {
			t.Fatalf("by-region sheet: %v %v", rows, err)
		}
		if rows[0][1] != "具备科学素质的比例 %" || rows[0][2] != "具备科学素质的比例 标准误" || rows[1][0] != ss.City.Name ||
			rows[1][1] != city.PS() || rows[1][2] != city.SES() || rows[1][3] != city.LoS() || rows[1][5] != "6" || rows[3][0] != "合计" {
			t.Errorf("by-region sheet: %q", rows)
		}
	})
}

// seedRegionSurvey is a published 2025 literacy survey of the province
// answered through the city (six, three literate) and the peer city (four,
// one literate), genders alternating.
func seedRegionSurvey(t *testing.T, ss surveySite) survey.Survey {
	t.Helper()
	ctx := context.Background()
	v, err := ss.Surveys.Create(ctx, survey.Input{OrgID: ss.Root.ID, Kind: survey.KindLiteracy, Title: "2025年公民科学素质调查", Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ss.Surveys.Publish(ctx, v.ID, 0); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		orgID int64
		lit   []bool
	}{{ss.City.ID, []bool{true, false, false, true, true, false}}, {ss.Peer.ID, []bool{false, false, true, false}}} {
		st, err := ss.Surveys.AddStation(ctx, v.ID, c.orgID, 0)
		if err != nil {
			t.Fatal(err)
		}
		for i, lit := range c.lit {
			a := literacyAnswers(i, lit)
			if _, err := ss.Surveys.Submit(ctx, survey.Submission{SurveyID: v.ID, Version: 1, StationID: st.ID, Answers: a,
				Respondent: fmt.Sprintf("r:%d-%d", c.orgID, i), StartedAt: time.Now().Add(-time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return v
}
