package survey

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"kexie/internal/db"
	"kexie/internal/org"
)

// LiteracyFixture is what SeedLiteracy made.
type LiteracyFixture struct {
	Root, City    Region
	Surveys       int
	AggregateRows int
}

// SeedLiteracy stores n literacy responses for a benchmark: a province of
// 16 cities with 4 county stations each, one literacy survey a year over
// five years, responses spread over stations and demographic cells, written
// in batches straight into the tables, with the aggregates the answering
// path would have kept. Only for a scratch database.
func SeedLiteracy(ctx context.Context, s *Store, orgs *org.Store, n int, progress func(done int)) (LiteracyFixture, error) {
	var fx LiteracyFixture
	root, _, err := orgs.EnsureRoot(ctx, "科学技术协会", "ROOT", org.TypeProvince)
	if err != nil {
		return fx, err
	}
	fx.Root = Region{ID: root.ID, Name: root.Name, Path: root.Path}
	var stations []org.Org
	for c := 0; c < 16; c++ {
		city, err := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: fmt.Sprintf("BC%02d", c), Name: fmt.Sprintf("第%d市科协", c+1), Type: org.TypeCity})
		if err != nil {
			return fx, err
		}
		if c == 0 {
			fx.City = Region{ID: city.ID, Name: city.Name, Path: city.Path}
		}
		for k := 0; k < 4; k++ {
			county, err := orgs.Create(ctx, org.Input{ParentID: city.ID, Code: fmt.Sprintf("BC%02dK%d", c, k), Name: fmt.Sprintf("第%d市第%d县科协", c+1, k+1), Type: org.TypeCounty})
			if err != nil {
				return fx, err
			}
			stations = append(stations, county)
		}
	}
	type cellKey struct {
		survey, org    int64
		year           int
		role, category string
	}
	agg := map[cellKey][2]int64{}
	rng := rand.New(rand.NewPCG(7, 11))
	years := []int{2021, 2022, 2023, 2024, 2025}
	ids := make([]int64, len(years))
	for i, y := range years {
		v, err := s.Create(ctx, Input{OrgID: root.ID, Kind: KindLiteracy, Title: fmt.Sprintf("%d年公民科学素质调查", y), Year: y})
		if err != nil {
			return fx, err
		}
		if _, err := s.Publish(ctx, v.ID, 0); err != nil {
			return fx, err
		}
		ids[i] = v.ID
	}
	fx.Surveys = len(years)
	const batch = 1000
	cols := 12
	for done := 0; done < n; {
		m := min(batch, n-done)
		var sb strings.Builder
		args := make([]any, 0, m*cols)
		sb.WriteString(`INSERT INTO survey_responses (id, survey_id, version, station_id, org_id, respondent, answers, cell, score, literate, started_at, submitted_at) VALUES `)
		for i := 0; i < m; i++ {
			yi := rng.IntN(len(years))
			st := stations[rng.IntN(len(stations))]
			g, a, e, u := strconv.Itoa(1+rng.IntN(2)), strconv.Itoa(1+rng.IntN(5)), strconv.Itoa(1+rng.IntN(5)), strconv.Itoa(1+rng.IntN(2))
			score := float64(5 * rng.IntN(21))
			lit := 0
			if score >= 70 {
				lit = 1
			}
			if i > 0 {
				sb.WriteString(",")
			}
			sb.WriteString("(?,?,1,0,?,?,?,?,?,?,?,?)")
			at := int64(1_700_000_000_000 + done + i)
			args = append(args, s.db.NewID(), ids[yi], st.ID, "b:"+strconv.Itoa(done+i),
				`{"gender":["`+g+`"],"age":["`+a+`"],"edu":["`+e+`"],"urban":["`+u+`"]}`, "gender="+g+";age="+a+";edu="+e+";urban="+u, score, lit, at, at)
			for _, rc := range [][2]string{{"", ""}, {"gender", g}, {"age", a}, {"edu", e}, {"urban", u}} {
				k := cellKey{ids[yi], st.ID, years[yi], rc[0], rc[1]}
				c := agg[k]
				agg[k] = [2]int64{c[0] + 1, c[1] + int64(lit)}
			}
		}
		if err := s.db.Tx(ctx, func(tx *db.Tx) error {
			_, err := tx.Exec(ctx, sb.String(), args...)
			return err
		}); err != nil {
			return fx, fmt.Errorf("survey: seed responses: %w", err)
		}
		done += m
		if progress != nil && done%(100*batch) == 0 {
			progress(done)
		}
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		for k, c := range agg {
			if _, err := tx.Exec(ctx, `INSERT INTO survey_literacy (survey_id, org_id, year, role, category, n, literate) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				k.survey, k.org, k.year, k.role, k.category, c[0], c[1]); err != nil {
				return fmt.Errorf("survey: seed aggregates: %w", err)
			}
		}
		return nil
	})
	fx.AggregateRows = len(agg)
	return fx, err
}
