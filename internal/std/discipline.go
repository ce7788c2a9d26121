package std

import (
	_ "embed"
	"encoding/csv"
	"strings"
	"sync"
)

//go:embed data/disciplines.csv
var disciplinesCSV string

// DisciplineEntry is one entry of GB/T 13745-2009 (学科分类与代码).
type DisciplineEntry struct {
	Code   string // 3, 5 or 7 digits
	Name   string
	Parent string // "" on the first level
	Level  int    // 1, 2 or 3
}

var (
	disciplinesOnce sync.Once
	disciplineList  []DisciplineEntry
)

// Disciplines returns the embedded discipline table in code order (see
// gen/disciplines/README.md for its origin). The slice is shared: callers
// must not change it.
func Disciplines() []DisciplineEntry {
	disciplinesOnce.Do(func() { disciplineList = parseDisciplines(disciplinesCSV) })
	return disciplineList
}

// disciplinesData is the embedded CSV (a test pins its SHA-256).
func disciplinesData() string { return disciplinesCSV }

func parseDisciplines(data string) []DisciplineEntry {
	recs, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		panic("std: embedded disciplines.csv is corrupt: " + err.Error()) // part of the binary; caught by tests
	}
	out := make([]DisciplineEntry, 0, len(recs))
	for _, r := range recs[1:] {
		e := DisciplineEntry{Code: r[0], Name: r[1], Level: (len(r[0]) - 1) / 2}
		if e.Level > 1 {
			e.Parent = r[0][:len(r[0])-2]
			if e.Level == 3 && strings.HasPrefix(e.Code, "19035") {
				e.Parent = "19030" // printed so in the standard: 发展心理学's children
			}
		}
		out = append(out, e)
	}
	return out
}
