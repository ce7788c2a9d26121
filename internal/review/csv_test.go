package review_test

import (
	"strings"
	"testing"

	"kexie/internal/review"
)

func TestCSV(t *testing.T) {
	es, err := review.ReadCandidates(strings.NewReader("\ufeffid,name,employer,org_path,disciplines\n1,甲,攀枝花学院,/1/2/,52010|43010\n\n2,乙,攀钢,/1/3/\n"))
	if err != nil || len(es) != 2 || len(es[0].Disciplines) != 2 || es[1].OrgPath != "/1/3/" {
		t.Fatalf("experts %+v %v", es, err)
	}
	xs, err := review.ReadEntries(strings.NewReader("10,1,攀枝花学院,/1/2/,52010,3|4\n11,9,,,,\n"))
	if err != nil || len(xs) != 2 || len(xs[0].Conflicts) != 2 || xs[1].ApplicantID != 9 {
		t.Fatalf("applications %+v %v", xs, err)
	}
	if _, err := review.ReadEntries(strings.NewReader("10,1,a,/1/,x,张三\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("a bad conflict ID: %v", err)
	}
	if _, err := review.ReadScores(strings.NewReader("application,expert,score\n10,1,八十\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a bad score: %v", err)
	}
	ss, err := review.ReadScores(strings.NewReader("10,1,80\n10,2,82.5\n"))
	if err != nil || len(ss) != 2 || ss[1].Value != 82.5 {
		t.Errorf("scores %+v %v", ss, err)
	}
}
