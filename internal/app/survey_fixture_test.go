package app

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"kexie/internal/survey"
)

// surveyFixture is a published literacy survey in each city with a
// station and one response, for the route matrix.
type surveyFixture struct {
	survey, peerSurvey     int64
	station, peerStation   int64
	response, peerResponse int64
	token                  string
}

func newSurveyFixture(t *testing.T, ta *testApp) surveyFixture {
	t.Helper()
	ctx := context.Background()
	var f surveyFixture
	for i, o := range ta.cities() {
		v, err := ta.Surveys.Create(ctx, survey.Input{OrgID: o.ID, Kind: survey.KindLiteracy, Title: "科学素质调查", Year: 2026})
		must(t, err)
		_, err = ta.Surveys.Publish(ctx, v.ID, 0)
		must(t, err)
		st, err := ta.Surveys.AddStation(ctx, v.ID, o.ID, 0)
		must(t, err)
		rid, err := ta.Surveys.Submit(ctx, survey.Submission{SurveyID: v.ID, Version: 1, StationID: st.ID, Respondent: fmt.Sprint("b:", i),
			Answers: survey.Answers{"gender": {"1"}, "age": {"1"}, "edu": {"1"}, "urban": {"1"}}, StartedAt: time.Now().Add(-time.Hour)})
		if err == nil {
			t.Fatal("a literacy response without its scored answers was taken")
		}
		a := survey.Answers{"gender": {"1"}, "age": {"1"}, "edu": {"1"}, "urban": {"1"}}
		for _, q := range survey.LiteracyInstrument().Questions() {
			if len(q.Correct) > 0 {
				a[q.ID] = q.Correct
			}
		}
		rid, err = ta.Surveys.Submit(ctx, survey.Submission{SurveyID: v.ID, Version: 1, StationID: st.ID, Respondent: fmt.Sprint("b:", i),
			Answers: a, StartedAt: time.Now().Add(-time.Hour)})
		must(t, err)
		if i == 0 {
			f.survey, f.station, f.response, f.token = v.ID, st.ID, rid, st.Token
		} else {
			f.peerSurvey, f.peerStation, f.peerResponse = v.ID, st.ID, rid
		}
	}
	return f
}

// fill replaces the fixture's placeholders in a matrix URL.
func (f surveyFixture) fill(s string) string {
	return fillIDs(s, "{sv}", f.survey, "{peersv}", f.peerSurvey, "{svst}", f.station, "{peersvst}", f.peerStation,
		"{svr}", f.response, "{peersvr}", f.peerResponse, "{svtoken}", f.token)
}

func surveyMatrix() []matrixCase {
	sys := []string{"sysadmin"}
	return []matrixCase{
		{"GET /s/{token}", "/s/{svtoken}", nil, public},
		{"POST /s/{token}", "/s/{svtoken}", url.Values{"v": {"1"}}, public},
		{"GET /s/{token}/done", "/s/{svtoken}/done", nil, public},
		{"GET /s/{token}/qr.png", "/s/{svtoken}/qr.png", nil, public},
		{"GET /survey/answer.js", "/survey/answer.js", nil, public},
		{"GET /surveys", "/surveys", nil, staff},
		{"POST /surveys", "/surveys", url.Values{"org_id": {"{city}"}, "title": {""}}, staff},
		{"POST /surveys", "/surveys", url.Values{"org_id": {"{peer}"}, "title": {""}}, sys},
		{"GET /surveys/new", "/surveys/new", nil, staff},
		{"GET /surveys/literacy", "/surveys/literacy", nil, []string{"member", "org_staff", "org_admin", "sysadmin"}},
		{"GET /surveys/{id}", "/surveys/{sv}", nil, staff},
		{"GET /surveys/{id}", "/surveys/{peersv}", nil, sys},
		{"POST /surveys/{id}/settings", "/surveys/{sv}/settings", url.Values{"quota": {"x"}}, staff},
		{"POST /surveys/{id}/settings", "/surveys/{peersv}/settings", url.Values{"quota": {"x"}}, sys},
		{"GET /surveys/{id}/edit", "/surveys/{sv}/edit", nil, staff},
		{"GET /surveys/{id}/edit", "/surveys/{peersv}/edit", nil, sys},
		{"POST /surveys/{id}/questions", "/surveys/{sv}/questions", url.Values{"id": {""}}, staff},
		{"POST /surveys/{id}/questions/{qid}/delete", "/surveys/{peersv}/questions/nope/delete", nil, sys},
		{"POST /surveys/{id}/questions/{qid}/move", "/surveys/{sv}/questions/nope/move", nil, staff},
		{"POST /surveys/{id}/pages", "/surveys/{peersv}/pages", nil, sys},
		{"POST /surveys/{id}/import", "/surveys/{sv}/import", url.Values{"json": {"{"}}, staff},
		{"GET /surveys/{id}/export.json", "/surveys/{sv}/export.json", nil, staff},
		{"GET /surveys/{id}/export.json", "/surveys/{peersv}/export.json", nil, sys},
		{"POST /surveys/{id}/publish", "/surveys/{sv}/publish", nil, staff},
		{"POST /surveys/{id}/stations", "/surveys/{sv}/stations", url.Values{"station_org": {"nobody"}}, staff},
		{"POST /surveys/{id}/stations/{sid}/quota", "/surveys/{peersv}/stations/{peersvst}/quota", url.Values{"quota": {"5"}}, sys},
		{"POST /surveys/{id}/stations/{sid}/codes", "/surveys/{sv}/stations/{svst}/codes", url.Values{"n": {"0"}}, staff},
		{"GET /surveys/{id}/stations/{sid}/codes", "/surveys/{sv}/stations/{svst}/codes", nil, staff},
		{"GET /surveys/{id}/stations/{sid}/codes", "/surveys/{peersv}/stations/{peersvst}/codes", nil, sys},
		{"POST /surveys/{id}/cells", "/surveys/{sv}/cells", url.Values{"cells": {"bad"}}, staff},
		{"GET /surveys/{id}/responses", "/surveys/{sv}/responses", nil, staff},
		{"GET /surveys/{id}/responses", "/surveys/{peersv}/responses", nil, sys},
		{"POST /surveys/{id}/responses/{rid}/exclude", "/surveys/{sv}/responses/{svr}/exclude", url.Values{"reason": {""}}, staff},
		{"POST /surveys/{id}/responses/{rid}/exclude", "/surveys/{peersv}/responses/{peersvr}/exclude", url.Values{"reason": {""}}, sys},
		{"GET /surveys/{id}/export", "/surveys/{sv}/export", nil, staff},
		{"GET /surveys/{id}/export", "/surveys/{peersv}/export", nil, sys},
		{"GET /surveys/{id}/analysis", "/surveys/{sv}/analysis", nil, staff},
		{"GET /surveys/{id}/analysis", "/surveys/{peersv}/analysis", nil, sys},
		{"GET /surveys/{id}/report", "/surveys/{sv}/report", nil, staff},
		{"POST /surveys/{id}/margins", "/surveys/{sv}/margins", url.Values{"margins": {"x"}}, staff},
		{"POST /surveys/{id}/margins", "/surveys/{peersv}/margins", url.Values{"margins": {"x"}}, sys},
	}
}
