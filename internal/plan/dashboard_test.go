package plan

import "testing"

// The dashboard has one rule for what is due: a target without data and
// without a unit is due (to be assigned), never hidden behind "all filed";
// one filed and waiting for review is counted as waiting; a plan past its
// period is ended and has nothing due by quarter.
func TestDashboardOneSourceOfTruth(t *testing.T) {
	p := Plan{Status: "published", StartYear: 2016, EndYear: 2020, Indicators: []StoredIndicator{
		{ID: 1, OrgID: 5, OrgName: "市教育局", Assessment: Assessment{Status: None}},
		{ID: 2, Assessment: Assessment{Status: None}}, // no unit yet
		{ID: 3, OrgID: 5, OrgName: "市教育局", Assessment: Assessment{Status: OnTrack}},
	}}
	d := Dashboard(p, map[int64]bool{1: true, 3: true}, nil, 2019, 1)
	if len(d.Due) != 1 || d.Due[0].ID != 2 || d.Unassigned != 1 {
		t.Errorf("due %+v, unassigned %d: the unassigned target must be due", d.Due, d.Unassigned)
	}
	if d.Waiting != 1 || d.Overall.Counts[None] != len(d.Due)+d.Waiting {
		t.Errorf("waiting %d, due %d, none %d: the counts disagree", d.Waiting, len(d.Due), d.Overall.Counts[None])
	}
	if d.Ended {
		t.Error("a plan in its period shown as ended")
	}
	late := Dashboard(p, nil, nil, 2026, 4)
	if !late.Ended || len(late.Due) != 0 {
		t.Errorf("2026Q4 of a 2016–2020 plan: ended %v, due %d", late.Ended, len(late.Due))
	}
}
