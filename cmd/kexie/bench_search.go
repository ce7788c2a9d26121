package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/people"
)

// benchSearch measures the talent search on the data directory's database
// (load `kexie demo --size large` first): latency p50/p95 of each query of
// a labelled set, with and without two facet filters, and recall@20 against
// the exact answer computed by a substring scan.
func benchSearch(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench search")
	runs := fs.Int("runs", 5, "times each query runs")
	useDB := fs.Bool("database", false, "answer from the database's index, not the in-memory one")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the queries to this file")
	withBleve := fs.Bool("bleve", false, "also measure Bleve over the same text and queries (build with -tags bleveref)")
	bleveDir := fs.String("bleve-index", "", "Bleve index folder to build, or reuse when present (default: a temporary one)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *withBleve && !bleveBuilt {
		return usageError("bench search --bleve: build with -tags bleveref (go run -tags bleveref ./cmd/kexie bench search --bleve)")
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	index := "in-memory index"
	if *useDB {
		index = "database index"
	} else {
		start := time.Now()
		if err := a.People.BuildIndex(ctx); err != nil {
			return err
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Fprintf(e.stdout, "in-memory index built in %s; Go heap in use %.0f MB; process RSS %.0f MB (%.0f MB of it the mapped database file)\n",
			time.Since(start).Round(time.Millisecond), float64(ms.HeapInuse)/(1<<20), float64(readRSS(os.Getpid()))/1024,
			float64(readRssFile(os.Getpid()))/1024)
	}
	query := func(ctx context.Context, q string, args ...any) (rowsIter, error) { return a.DB.Query(ctx, q, args...) }
	queries, err := labelledQueries(ctx, query)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s; database: %s; %s; %d queries × %d runs\n", cpuModel(), runtime.NumCPU(),
		runtime.Version(), a.DB.Dialect(), index, len(queries), *runs)
	filters := map[string]string{"title_level": "senior", "age_band": "45to54"}
	truths := make([]map[int64]bool, len(queries))
	for i, q := range queries {
		if truths[i], err = exactMatches(ctx, query, q.text); err != nil {
			return err
		}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	st := &benchStats{byKind: map[string][]time.Duration{}}
	for qi, q := range queries {
		truth := truths[qi]
		for i := 0; i < *runs; i++ {
			start := time.Now()
			res, err := a.People.Search(ctx, people.SearchQuery{Q: q.text, Scope: access.Everywhere(), Limit: 20, UseDatabase: *useDB})
			took := time.Since(start)
			if err != nil {
				return err
			}
			st.add(q.kind, took)
			if i == 0 && len(truth) > 0 {
				found := 0
				for _, h := range res.Hits {
					if truth[h.ID] {
						found++
					}
				}
				st.recall(float64(found) / float64(min(20, len(truth))))
			}
			start = time.Now()
			if _, err := a.People.Search(ctx, people.SearchQuery{Q: q.text, Scope: access.Everywhere(), Limit: 20, Facets: filters, UseDatabase: *useDB}); err != nil {
				return err
			}
			st.faceted = append(st.faceted, time.Since(start))
		}
	}
	st.print(e.stdout, "Kexie, "+index)
	if *withBleve {
		bst, err := benchBleve(ctx, e, query, queries, truths, *runs, *bleveDir)
		if err != nil {
			return err
		}
		bst.print(e.stdout, "Bleve v2.6.3, cjk analyzer (reference)")
	}
	return nil
}

// benchStats collects latencies by query kind and recall@20.
type benchStats struct {
	plain, faceted []time.Duration
	byKind         map[string][]time.Duration
	kinds          []string
	recallSum      float64
	recallN        int
}

func (s *benchStats) add(kind string, d time.Duration) {
	s.plain = append(s.plain, d)
	if _, seen := s.byKind[kind]; !seen {
		s.kinds = append(s.kinds, kind)
	}
	s.byKind[kind] = append(s.byKind[kind], d)
}

func (s *benchStats) recall(r float64) { s.recallSum += r; s.recallN++ }

func (s *benchStats) print(w io.Writer, title string) {
	pct := func(d []time.Duration, p float64) float64 {
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		return float64(d[int(float64(len(d)-1)*p)].Microseconds()) / 1000
	}
	fmt.Fprintf(w, "\n%s\n\n", title)
	fmt.Fprintln(w, "| search | p50 | p95 | max |")
	fmt.Fprintln(w, "|---|---|---|---|")
	fmt.Fprintf(w, "| query, top 20 + 5 facets | %.1f ms | %.1f ms | %.1f ms |\n", pct(s.plain, 0.5), pct(s.plain, 0.95), pct(s.plain, 1))
	fmt.Fprintf(w, "| query + 2 facet filters | %.1f ms | %.1f ms | %.1f ms |\n", pct(s.faceted, 0.5), pct(s.faceted, 0.95), pct(s.faceted, 1))
	for _, k := range s.kinds {
		fmt.Fprintf(w, "| — %s queries only | %.1f ms | %.1f ms | %.1f ms |\n", k, pct(s.byKind[k], 0.5), pct(s.byKind[k], 0.95), pct(s.byKind[k], 1))
	}
	fmt.Fprintf(w, "recall@20 over %d labelled queries: %.3f\n", s.recallN, s.recallSum/float64(max(1, s.recallN)))
}

type labelled struct{ kind, text string }

// labelledQueries builds the query set from the data: expertise terms, two-
// word queries, employers, full names and single surnames, chosen with a
// fixed seed so every run asks the same questions.
func labelledQueries(ctx context.Context, query func(context.Context, string, ...any) (rowsIter, error)) ([]labelled, error) {
	var out []labelled
	for _, t := range []string{"钒钛磁铁矿综合利用", "稀土功能材料", "锂电池", "高速铁路桥梁", "隧道", "水稻育种", "果树栽培", "茶叶加工",
		"生猪遗传改良", "中药材", "心血管", "肿瘤免疫治疗", "近视防控", "人工智能", "大数据", "工业互联网", "集成电路设计", "新能源汽车",
		"氢能", "光伏发电", "水电站", "地质灾害", "生态修复", "大气污染", "智慧农业", "无人机遥感", "应急管理", "科普传播", "数学建模",
		"航空发动机", "卫星导航", "食品安全", "白酒酿造", "精密制造", "科技史"} {
		out = append(out, labelled{"expertise", t})
	}
	for _, t := range []string{"人工智能 评审专家", "水稻育种 高层次人才", "光伏发电 青年", "白酒酿造 企业创新"} {
		out = append(out, labelled{"two words", t})
	}
	rng := rand.New(rand.NewPCG(2026, 11))
	sample := func(col string, n int) error {
		rows, err := query(ctx, `SELECT `+col+` FROM people WHERE id % 997 = 0 ORDER BY id LIMIT 400`)
		if err != nil {
			return err
		}
		defer rows.Close()
		var vals []string
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				return err
			}
			vals = append(vals, v)
		}
		if len(vals) == 0 {
			return fmt.Errorf("no people: load `kexie demo --size large` first")
		}
		for i := 0; i < n; i++ {
			out = append(out, labelled{col, vals[rng.IntN(len(vals))]})
		}
		return rows.Err()
	}
	if err := sample("employer", 8); err != nil {
		return nil, err
	}
	if err := sample("name", 8); err != nil {
		return nil, err
	}
	for _, s := range []string{"王", "李", "欧"} {
		out = append(out, labelled{"one character", s})
	}
	return out, nil
}

type rowsIter interface {
	Next() bool
	Scan(...any) error
	Close() error
	Err() error
}

// exactMatches is the ground truth: people whose name, employer or expertise
// holds every word of q.
func exactMatches(ctx context.Context, query func(context.Context, string, ...any) (rowsIter, error), q string) (map[int64]bool, error) {
	var where []string
	var args []any
	for _, w := range strings.Fields(q) {
		if len([]rune(w)) == 1 {
			where, args = append(where, `name LIKE ?`), append(args, w+"%")
			continue
		}
		where = append(where, `(name LIKE ? OR employer LIKE ? OR expertise LIKE ? OR categories LIKE ?)`)
		args = append(args, "%"+w+"%", "%"+w+"%", "%"+w+"%", "%"+w+"%")
	}
	rows, err := query(ctx, `SELECT id FROM people WHERE `+strings.Join(where, " AND "), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// readRssFile returns RssFile (file-backed resident pages, such as the
// SQLite file mapped by mmap) in KiB.
func readRssFile(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "RssFile:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n
		}
	}
	return 0
}
