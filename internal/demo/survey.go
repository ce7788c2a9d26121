package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"kexie/internal/org"
	"kexie/internal/survey"
)

// SurveyResult counts the demo surveys.
type SurveyResult struct {
	Surveys, Responses int
}

// makeSurveys adds the province's science-literacy surveys of five years,
// each distributed through every city as a station, with answers whose
// literacy rate rises over the years and differs by city and education,
// and one sci-tech worker status survey.
func makeSurveys(ctx context.Context, s *survey.Store, root org.Org, cities []org.Org, perCity int, rng *rand.Rand) (SurveyResult, error) {
	var res SurveyResult
	if len(cities) > 6 {
		cities = cities[:6]
	}
	instrument := survey.LiteracyInstrument()
	started := time.Now().Add(-20 * time.Minute)
	for y := 2021; y <= 2025; y++ {
		v, err := s.Create(ctx, survey.Input{OrgID: root.ID, Kind: survey.KindLiteracy, Title: fmt.Sprintf("%d年公民科学素质调查", y), Year: y})
		if err != nil {
			return res, err
		}
		if _, err := s.Publish(ctx, v.ID, 0); err != nil {
			return res, err
		}
		res.Surveys++
		for ci, c := range cities {
			st, err := s.AddStation(ctx, v.ID, c.ID, 0)
			if err != nil {
				return res, err
			}
			for i := 0; i < perCity; i++ {
				edu := 1 + rng.IntN(5)
				a := survey.Answers{"gender": {strconv.Itoa(1 + rng.IntN(2))}, "age": {strconv.Itoa(1 + rng.IntN(5))},
					"edu": {strconv.Itoa(edu)}, "urban": {strconv.Itoa(1 + rng.IntN(2))}}
				// The chance of a right answer grows with education, over
				// the years, and a little from city to city: the rate runs
				// near the plans' figures (13.9% in 2023, 18% by 2028),
				// some cities ahead of their plan's line and some behind.
				p := 0.38 + 0.045*float64(edu) + 0.004*float64(y-2021) + 0.01*float64(ci%3)
				for _, q := range instrument.Questions() {
					if len(q.Correct) == 0 {
						continue
					}
					if rng.Float64() < p {
						a[q.ID] = q.Correct
					} else {
						a[q.ID] = []string{q.Options[len(q.Options)-1].Code}
					}
				}
				if _, err := s.Submit(ctx, survey.Submission{SurveyID: v.ID, Version: 1, StationID: st.ID, Answers: a, StartedAt: started,
					Respondent: fmt.Sprintf("b:demo-%d-%d-%d", y, ci, i)}); err != nil {
					return res, fmt.Errorf("demo: literacy response: %w", err)
				}
				res.Responses++
			}
		}
	}
	v, err := s.Create(ctx, survey.Input{OrgID: root.ID, Kind: survey.KindStatus, Title: "2025年科技工作者状况调查", Year: 2025})
	if err != nil {
		return res, err
	}
	if _, err := s.Publish(ctx, v.ID, 0); err != nil {
		return res, err
	}
	res.Surveys++
	def := survey.StatusTemplate()
	for ci, c := range cities {
		st, err := s.AddStation(ctx, v.ID, c.ID, 0)
		if err != nil {
			return res, err
		}
		for i := 0; i < perCity/2; i++ {
			a := statusAnswers(def, rng)
			if _, err := s.Submit(ctx, survey.Submission{SurveyID: v.ID, Version: 1, StationID: st.ID, Answers: a, StartedAt: started,
				Respondent: fmt.Sprintf("b:status-%d-%d", ci, i)}); err != nil {
				return res, fmt.Errorf("demo: status response: %w", err)
			}
			res.Responses++
		}
	}
	return res, nil
}

// statusAnswers are one sci-tech worker's random answers to the status
// survey def.
func statusAnswers(def survey.Definition, rng *rand.Rand) survey.Answers {
	a := survey.Answers{}
	for _, q := range def.Questions() {
		switch q.Type {
		case survey.Single:
			a[q.ID] = []string{q.Options[rng.IntN(len(q.Options))].Code}
		case survey.Multiple:
			a[q.ID] = []string{q.Options[rng.IntN(len(q.Options))].Code}
		case survey.Rating:
			a[q.ID] = []string{strconv.Itoa(2 + rng.IntN(4))}
		case survey.Number:
			a[q.ID] = []string{strconv.Itoa(40 + rng.IntN(25))}
		case survey.Matrix:
			for _, r := range q.Rows {
				a[q.ID+"."+r.Code] = []string{strconv.Itoa(1 + rng.IntN(5))}
			}
		case survey.Ranking:
			for _, k := range rng.Perm(len(q.Options)) {
				a[q.ID] = append(a[q.ID], q.Options[k].Code)
			}
		}
	}
	return a
}
