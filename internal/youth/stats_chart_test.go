package youth_test

import (
	"encoding/json"
	"testing"

	"kexie/internal/youth"
)

// TestStatsChart: the kinds of programme and the 学段 count the same
// students two ways, so each has its own axis — 科学营 and 初中 are not
// bars of one list.
func TestStatsChart(t *testing.T) {
	st := youth.Stats{Enrolled: 60,
		ByKind: []youth.KindTally{{Kind: "camp", Enrolled: 40, Completed: 30}, {Kind: "survey", Enrolled: 20, Completed: 20}},
		ByBand: []youth.BandTally{{Band: "primary", Enrolled: 25, Completed: 20}, {Band: "junior", Enrolled: 35, Completed: 30}}}
	var opt struct {
		YAxis []struct {
			Data []string
		} `json:"yAxis"`
		Series []struct {
			Name       string
			YAxisIndex int `json:"yAxisIndex"`
			Data       []int
		}
	}
	key := func(k string, _ ...any) string { return k }
	if err := json.Unmarshal([]byte(youth.StatsChart(key, st)), &opt); err != nil {
		t.Fatal(err)
	}
	if len(opt.YAxis) != 2 || len(opt.YAxis[0].Data) != 2 || opt.YAxis[0].Data[0] != "youth.kind.camp" || opt.YAxis[1].Data[1] != "youth.band.junior" {
		t.Fatalf("axes %+v, want the kinds on one and the 学段 on another", opt.YAxis)
	}
	for _, s := range opt.Series {
		if want := len(opt.YAxis[s.YAxisIndex].Data); len(s.Data) != want {
			t.Errorf("series %s on axis %d has %d bars for %d categories", s.Name, s.YAxisIndex, len(s.Data), want)
		}
	}
	if len(opt.Series) != 4 {
		t.Errorf("%d series, want 参与 and 结业 on each axis", len(opt.Series))
	}
}
