package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"kexie/internal/survey/estimate"
	"kexie/internal/web"
)

// cmdSurvey: kexie survey estimate --instrument I.json --responses R.csv
// [--margins M.csv] --json prints the science-literacy rate with its
// standard error, design effect and 95% interval, overall and by each
// variable, after raking the weights to the margins. The JSON keys are
// stable (other tools read them); the formats are in README.md.
func cmdSurvey(_ context.Context, e *env, args []string) error {
	sub, args := subcommand(args)
	if sub != "estimate" {
		return usageError("want: survey estimate --instrument I.json --responses R.csv [--margins M.csv] --json")
	}
	fs := e.flags("survey estimate")
	instrument := fs.String("instrument", "", "I.json: the instrument (rule and scored questions)")
	responses := fs.String("responses", "", "R.csv: id, [weight, stratum, psu,] demographic and question columns")
	margins := fs.String("margins", "", "M.csv: variable,category,share population margins to rake to")
	by := fs.String("by", "", "comma-separated columns to estimate by (default: the margins' variables)")
	maxIter := fs.Int("max-iter", estimate.DefaultMaxIter, "raking: most cycles over the margins")
	epsilon := fs.Float64("epsilon", estimate.DefaultEpsilon, "raking: largest gap allowed between a weighted and a population share")
	trimLow := fs.Float64("trim-low", 0, "raking: lowest weight as a multiple of the mean weight (0: none)")
	trimHigh := fs.Float64("trim-high", 0, "raking: highest weight as a multiple of the mean weight (0: none)")
	lang := fs.String("lang", "zh-CN", "language of error messages: zh-CN or en")
	fs.Bool("json", true, "print JSON (the only output)")
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if *lang != "zh-CN" && *lang != "en" {
		return usageError("survey estimate: --lang is zh-CN or en")
	}
	if *instrument == "" || *responses == "" {
		return usageError("survey estimate: --instrument and --responses are required")
	}
	in := estimate.Input{Rake: estimate.RakeOptions{MaxIter: *maxIter, Epsilon: *epsilon, TrimLow: *trimLow, TrimHigh: *trimHigh}}
	if *by != "" {
		for _, v := range strings.Split(*by, ",") {
			in.By = append(in.By, strings.TrimSpace(v))
		}
	}
	var err error
	if in.Instrument, err = readFile(*instrument, estimate.ReadInstrument); err != nil {
		return localize(*lang, *instrument, err)
	}
	if in.Responses, err = readFile(*responses, func(r io.Reader) (*estimate.Responses, error) {
		return estimate.ReadResponses(r, estimate.Limits{})
	}); err != nil {
		return localize(*lang, *responses, err)
	}
	if *margins != "" {
		if in.Margins, err = readFile(*margins, estimate.ReadMargins); err != nil {
			return localize(*lang, *margins, err)
		}
	}
	rep, err := estimate.Run(in)
	if err != nil {
		var ee *estimate.Error
		file := ""
		if errors.As(err, &ee) {
			file = map[string]string{"instrument": *instrument, "responses": *responses, "margins": *margins}[ee.Field]
		}
		return localize(*lang, file, err)
	}
	return json.NewEncoder(e.stdout).Encode(rep)
}

func readFile[T any](name string, read func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(name)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	return read(f)
}

// localize turns an estimate error into a message in lang, naming the
// file it is about when there is one.
func localize(lang, file string, err error) error {
	var ee *estimate.Error
	if !errors.As(err, &ee) {
		return err
	}
	cat, cerr := web.NewCatalogs(estimate.Locales())
	if cerr != nil {
		return errors.Join(err, cerr)
	}
	msg := cat.T(lang, ee.Key, ee.Args...)
	if file == "" {
		return errors.New(msg)
	}
	return fmt.Errorf("%s: %s", filepath.Base(file), msg)
}
