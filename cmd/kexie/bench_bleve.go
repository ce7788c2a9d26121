//go:build bleveref

package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Bleve is measured only as a reference for the talent search (built with
// -tags bleveref, so the kexie binary does not carry it): the same people's
// texts indexed with Bleve's cjk analyzer (bigrams, as ours), the same
// labelled queries, top 20 and five facets, recall@20 against the same
// answers.
const bleveBuilt = true

func benchBleve(ctx context.Context, e *env, query func(context.Context, string, ...any) (rowsIter, error), queries []labelled,
	truths []map[int64]bool, runs int, dir string) (*benchStats, error) {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "kexie-bleve-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp + "/index"
	}
	idx, err := bleve.Open(dir)
	if err != nil {
		start := time.Now()
		if idx, err = bleveBuild(ctx, query, dir); err != nil {
			return nil, err
		}
		n, _ := idx.DocCount()
		fmt.Fprintf(e.stdout, "Bleve %s index of %d people built in %s (%s)\n", "v2.6.3 scorch", n, time.Since(start).Round(time.Second), dir)
	}
	defer idx.Close()
	runtime.GC()
	now := time.Now()
	st := &benchStats{byKind: map[string][]time.Duration{}}
	for qi, q := range queries {
		for i := 0; i < runs; i++ {
			req := bleve.NewSearchRequestOptions(bleveQuery(q.text), 20, 0, false)
			bleveFacets(req, now)
			start := time.Now()
			res, err := idx.SearchInContext(ctx, req)
			took := time.Since(start)
			if err != nil {
				return nil, err
			}
			st.add(q.kind, took)
			if i == 0 && len(truths[qi]) > 0 {
				found := 0
				for _, h := range res.Hits {
					if id, _ := strconv.ParseInt(h.ID, 10, 64); truths[qi][id] {
						found++
					}
				}
				st.recall(float64(found) / float64(min(20, len(truths[qi]))))
			}
			// The same two facet filters: senior title, aged 45 to 54.
			t, f := true, false
			level := bleve.NewTermQuery("senior")
			level.SetField("level")
			age := bleve.NewDateRangeInclusiveQuery(now.AddDate(-55, 0, 0), now.AddDate(-45, 0, 0), &t, &f)
			age.SetField("birth")
			req = bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleveQuery(q.text), level, age), 20, 0, false)
			bleveFacets(req, now)
			start = time.Now()
			if _, err := idx.SearchInContext(ctx, req); err != nil {
				return nil, err
			}
			st.faceted = append(st.faceted, time.Since(start))
		}
	}
	return st, nil
}

// bleveQuery asks what ours asks: every word's bigrams (a lone character:
// names starting with it).
func bleveQuery(text string) query.Query {
	var parts []query.Query
	for _, w := range strings.Fields(text) {
		if r, _ := utf8.DecodeRuneInString(w); utf8.RuneCountInString(w) == 1 && unicode.Is(unicode.Han, r) {
			p := bleve.NewPrefixQuery(w)
			p.SetField("name")
			parts = append(parts, p)
			continue
		}
		m := bleve.NewMatchQuery(w)
		m.SetField("text")
		m.Analyzer = cjk.AnalyzerName
		m.SetOperator(query.MatchQueryOperatorAnd)
		parts = append(parts, m)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return bleve.NewConjunctionQuery(parts...)
}

func bleveFacets(req *bleve.SearchRequest, now time.Time) {
	req.AddFacet("title_level", bleve.NewFacetRequest("level", 10))
	req.AddFacet("region", bleve.NewFacetRequest("city", 500))
	req.AddFacet("discipline", bleve.NewFacetRequest("disc", 100))
	req.AddFacet("category", bleve.NewFacetRequest("cats", 20))
	age := bleve.NewFacetRequest("birth", 4)
	for _, b := range []struct {
		name     string
		from, to int
	}{{"under35", 35, -100}, {"35to44", 45, 35}, {"45to54", 55, 45}, {"55plus", 200, 55}} {
		age.AddDateTimeRange(b.name, now.AddDate(-b.from, 0, 0), now.AddDate(-b.to, 0, 0))
	}
	req.AddFacet("age_band", age)
}

// bleveBuild indexes every person's searchable text (what search_text is
// made of) and facet values.
func bleveBuild(ctx context.Context, query func(context.Context, string, ...any) (rowsIter, error), dir string) (bleve.Index, error) {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = cjk.AnalyzerName
	text.Store, text.IncludeTermVectors, text.IncludeInAll = false, false, false
	kw := func() *mapping.FieldMapping { // keyword fields for filters and facets
		m := bleve.NewKeywordFieldMapping()
		m.Store, m.IncludeTermVectors, m.IncludeInAll, m.DocValues = false, false, false, true
		return m
	}
	birth := bleve.NewDateTimeFieldMapping()
	birth.Store, birth.IncludeInAll, birth.DocValues = false, false, true
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("text", text)
	for _, f := range []string{"name", "level", "city", "disc", "cats"} {
		doc.AddFieldMappingsAt(f, kw())
	}
	doc.AddFieldMappingsAt("birth", birth)
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.StoreDynamic, m.IndexDynamic, m.DocValuesDynamic = false, false, false
	idx, err := bleve.New(dir, m)
	if err != nil {
		return nil, err
	}
	rows, err := query(ctx, `SELECT id, name, employer, expertise, title, categories, discipline, title_level, region_code, birth_year FROM people ORDER BY id`)
	if err != nil {
		idx.Close()
		return nil, err
	}
	defer rows.Close()
	b := idx.NewBatch()
	for rows.Next() {
		var id int64
		var name, employer, expertise, title, cats, disc, level, region string
		var born int
		if err := rows.Scan(&id, &name, &employer, &expertise, &title, &cats, &disc, &level, &region, &born); err != nil {
			idx.Close()
			return nil, err
		}
		d := map[string]any{"text": strings.Join([]string{name, employer, expertise, title, cats, disc}, " "), "name": name,
			"level": level, "city": cityCode(region), "disc": discTop(disc), "cats": strings.Split(cats, "、")}
		if born > 0 {
			d["birth"] = time.Date(born, 1, 1, 0, 0, 0, 0, time.UTC) // only the year is kept (D43)
		}
		if err := b.Index(strconv.FormatInt(id, 10), d); err != nil {
			idx.Close()
			return nil, err
		}
		if b.Size() == 5000 {
			if err := idx.Batch(b); err != nil {
				idx.Close()
				return nil, err
			}
			b.Reset()
		}
	}
	if err := rows.Err(); err != nil {
		idx.Close()
		return nil, err
	}
	if err := idx.Batch(b); err != nil {
		idx.Close()
		return nil, err
	}
	return idx, nil
}

func cityCode(region string) string {
	if len(region) == 6 {
		return region[:4] + "00"
	}
	return region
}

func discTop(d string) string {
	if len(d) >= 3 && strings.Trim(d[:3], "0123456789") == "" {
		return d[:3]
	}
	return d
}
