package plan

import "testing"

// Units without any score are not ranked: the page shows "—" and so does
// the export, never a rank with 0.0.
func TestUnscoredNotRanked(t *testing.T) {
	s := func(v float64) *float64 { return &v }
	e := Evaluation{Rows: []ScoreRow{
		{OrgID: 1, OrgName: "市教育局", Score: s(90)},
		{OrgID: 2, OrgName: "攀枝花学院"},
		{OrgID: 3, OrgName: "市科技局", Score: s(80)},
		{OrgID: 4, OrgName: "团市委"},
	}}
	totals := e.Totals()
	rows := RankRows(totals)
	want := [][]string{{"1", "市教育局"}, {"2", "市科技局"}, {"—", "攀枝花学院"}, {"—", "团市委"}}
	for i, w := range want {
		if rows[i][0] != w[0] || rows[i][1] != w[1] {
			t.Errorf("row %d: %v, want rank %s for %s", i, rows[i], w[0], w[1])
		}
	}
	for _, r := range rows[2:] {
		if r[5] != "—" {
			t.Errorf("unscored average %q, want —", r[5])
		}
	}
	for _, u := range totals[2:] {
		if u.Rank != 0 {
			t.Errorf("unscored %s ranked %d", u.OrgName, u.Rank)
		}
	}
}
