package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"kexie/internal/review"
)

// cmdReview: kexie review assign --experts E.csv --applications A.csv
// --per N [--max-load M] [--seed S] [--same-org] --json, and kexie review
// rank --scores S.csv --method mean|trimmed|median [--normalize zscore]
// --json: the engine's own assignment and ranking rules on CSV files.
func cmdReview(ctx context.Context, e *env, args []string) error {
	sub, args := subcommand(args)
	switch sub {
	case "assign":
		fs := e.flags("review assign")
		experts := fs.String("experts", "", "CSV: id,name,employer,org_path,disciplines")
		apps := fs.String("applications", "", "CSV: id,applicant_id,employer,org_path,discipline,conflicts")
		per := fs.Int("per", 5, "reviewers per application")
		maxLoad := fs.Int("max-load", 0, "applications per reviewer (0: no cap)")
		seed := fs.Int64("seed", 1, "the draw's seed")
		sameOrg := fs.Bool("same-org", false, "also avoid experts of the applicant's org")
		fs.Bool("json", true, "print JSON (the only output)")
		if err := fs.Parse(args); err != nil {
			return usageError(err.Error())
		}
		es, err := readWith(*experts, review.ReadCandidates)
		if err != nil {
			return err
		}
		xs, err := readWith(*apps, review.ReadEntries)
		if err != nil {
			return err
		}
		if *per < 1 {
			return usageError("review assign: --per must be at least 1")
		}
		plan := review.Assign(es, xs, review.AssignRules{Per: *per, MaxLoad: *maxLoad, Seed: *seed, SameOrg: *sameOrg})
		type row struct {
			Application int64   `json:"application"`
			Experts     []int64 `json:"experts"`
		}
		out := struct {
			Assignments []row          `json:"assignments"`
			Unfilled    []int64        `json:"unfilled"`
			Load        map[string]int `json:"load"`
		}{Assignments: []row{}, Unfilled: append([]int64{}, plan.Unfilled...), Load: map[string]int{"min": plan.MinLoad, "max": plan.MaxLoad}}
		for _, x := range xs {
			out.Assignments = append(out.Assignments, row{Application: x.ID, Experts: append([]int64{}, plan.Experts[x.ID]...)})
		}
		return json.NewEncoder(e.stdout).Encode(out)
	case "rank":
		fs := e.flags("review rank")
		scores := fs.String("scores", "", "CSV: application,expert,score")
		method := fs.String("method", "mean", "mean, trimmed or median")
		norm := fs.String("normalize", "", "zscore to normalise each reviewer's scores")
		fs.Bool("json", true, "print JSON (the only output)")
		if err := fs.Parse(args); err != nil {
			return usageError(err.Error())
		}
		if *method != review.Mean && *method != review.Trimmed && *method != review.Median {
			return usageError("review rank: --method is mean, trimmed or median")
		}
		if *norm != "" && *norm != "zscore" {
			return usageError("review rank: --normalize is zscore")
		}
		ss, err := readWith(*scores, review.ReadScores)
		if err != nil {
			return err
		}
		ranked, outliers := review.Rank(ss, *method, *norm == "zscore")
		type rrow struct {
			Application int64   `json:"application"`
			Score       float64 `json:"score"`
			Rank        int     `json:"rank"`
			N           int     `json:"n"`
		}
		type orow struct {
			Application int64 `json:"application"`
			Expert      int64 `json:"expert"`
		}
		out := struct {
			Ranking  []rrow `json:"ranking"`
			Outliers []orow `json:"outliers"`
		}{Ranking: []rrow{}, Outliers: []orow{}}
		for _, r := range ranked {
			out.Ranking = append(out.Ranking, rrow{r.App, r.Score, r.Rank, r.N})
		}
		for _, o := range outliers {
			out.Outliers = append(out.Outliers, orow{o.App, o.Expert})
		}
		return json.NewEncoder(e.stdout).Encode(out)
	}
	return usageError("want: review assign … | review rank …")
}

func readWith[T any](file string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	if file == "" {
		return zero, usageError("a CSV file is required")
	}
	f, err := os.Open(file)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", file, err)
	}
	return v, nil
}
