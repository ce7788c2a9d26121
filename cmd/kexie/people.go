package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/people"
)

// cmdPeople: kexie people import FILE [--org CODE] [--dry-run] [--json]
func cmdPeople(ctx context.Context, e *env, args []string) error {
	sub, args := subcommand(args)
	if sub == "search" {
		return peopleSearch(ctx, e, args)
	}
	if sub == "disciplines" {
		return peopleDisciplines(ctx, e, args)
	}
	if sub == "youth-age" {
		// kexie people youth-age [N]: show or set the age limit of 青年科技人才.
		a, err := e.open(ctx)
		if err != nil {
			return err
		}
		defer a.Close()
		if len(args) > 0 {
			n, err := strconv.Atoi(args[0])
			if err != nil {
				return usageError("want: people youth-age [25–50]")
			}
			if err := a.People.SetYouthAge(audit.WithMeta(ctx, audit.Meta{ActorName: "cli:people youth-age"}), n); err != nil {
				return explain(err)
			}
		}
		n, err := a.People.YouthAge(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "青年科技人才: under %d\n", n)
		return nil
	}
	if sub != "import" {
		return usageError("want: people import FILE [--org CODE] [--dry-run] [--json] | people search QUERY [--facet NAME=VALUE]... [--limit N] [--json]")
	}
	fs := e.flags("people import")
	orgCode := fs.String("org", "", "org code to import into (default: the root org)")
	dry := fs.Bool("dry-run", false, "validate only; write nothing")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	file, err := oneArg(fs, args, "people import: want one FILE")
	if err != nil {
		return err
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.BuildSite(); err != nil { // the message catalogs
		return err
	}
	o, err := targetOrg(ctx, a, *orgCode)
	if err != nil {
		return err
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	ctx = audit.WithMeta(ctx, audit.Meta{ActorName: "cli:people import"})
	t := func(key string, args ...any) string { return a.Site.Catalogs.T("zh-CN", key, args...) }
	res, err := a.People.Import(ctx, f, filepath.Base(file), o.ID, *dry)
	if err != nil {
		return explain(err)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		// Each error with its code, arguments and zh-CN message.
		type line struct {
			people.ImportError
			Message string `json:"message"`
		}
		out := struct {
			people.ImportResult
			Errors []line `json:"errors"`
		}{ImportResult: res, Errors: []line{}}
		for _, x := range res.Errors {
			out.Errors = append(out.Errors, line{x, x.Text(t)})
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		for _, x := range res.Errors {
			fmt.Fprintf(e.stdout, "row %d, %s: %s\n", x.Row, x.Column, x.Text(t))
		}
		fmt.Fprintf(e.stdout, "%d rows: %d created, %d updated, %d unchanged\n", res.Rows, res.Created, res.Updated, res.Unchanged)
	}
	if len(res.Errors) > 0 {
		return silentError(fmt.Sprintf("%d errors; nothing written", len(res.Errors)))
	}
	return nil
}

// silentError fails the command (exit 1) with a message on stderr only.
type silentError string

func (s silentError) Error() string { return string(s) }

// facetFlags collects repeated --facet NAME=VALUE flags.
type facetFlags map[string]string

func (f facetFlags) String() string { return fmt.Sprint(map[string]string(f)) }

func (f facetFlags) Set(v string) error {
	name, value, ok := strings.Cut(v, "=")
	if !ok || !slices.Contains(people.FacetNames, name) {
		return fmt.Errorf("want NAME=VALUE with NAME one of %s", strings.Join(people.FacetNames, ", "))
	}
	f[name] = value
	return nil
}

// searchHit is a hit as `people search --json` prints it (a stable shape).
type searchHit struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Employer string  `json:"employer"`
	Score    float64 `json:"score"`
}

// peopleSearch: kexie people search QUERY [--facet NAME=VALUE]... [--limit N] [--json]
func peopleSearch(ctx context.Context, e *env, args []string) error {
	fs := e.flags("people search")
	facets := facetFlags{}
	fs.Var(facets, "facet", "facet filter NAME=VALUE (discipline, title_level, region, category, age_band, membership); repeatable")
	limit := fs.Int("limit", 20, "hits to print")
	asJSON := fs.Bool("json", false, "print JSON")
	words, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	query := strings.Join(words, " ")
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.People.Search(ctx, people.SearchQuery{Q: query, Facets: facets, Scope: access.Everywhere(), Limit: *limit})
	if err != nil {
		return err
	}
	out := struct {
		Total  int                       `json:"total"`
		Hits   []searchHit               `json:"hits"`
		Facets map[string]map[string]int `json:"facets"`
	}{Total: res.Total, Hits: []searchHit{}, Facets: res.Facets}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, searchHit{ID: strconv.FormatInt(h.ID, 10), Name: h.Name, Employer: h.Employer, Score: h.Score})
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	fmt.Fprintf(e.stdout, "%d hits\n", out.Total)
	for _, h := range out.Hits {
		fmt.Fprintf(e.stdout, "%8.2f  %s  %s\n", h.Score, h.Name, h.Employer)
	}
	return nil
}
