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

func TestCSVBounds(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"an infinite score", "10,1,Inf\n", "not a number"},
		{"a NaN score", "10,1,NaN\n", "not a number"},
		{"a negative score", "10,1,-3\n", "negative"},
		{"a zero expert ID", "10,0,80\n", "not an ID"},
		{"a negative application ID", "-10,1,80\n", "not an ID"},
		{"a cell beyond its bound", "10,1," + strings.Repeat("9", review.MaxCSVField+1) + "\n", "longer than"},
	} {
		if _, err := review.ReadScores(strings.NewReader(c.in)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error saying %q", c.name, err, c.want)
		}
	}
	// A file beyond MaxCSVBytes is refused, not read in part; one exactly at
	// the bound is read whole (rows of 128 bytes, fewer than MaxCSVRows).
	row := "10,1,80" + strings.Repeat(" ", 120) + "\n"
	if _, err := review.ReadScores(strings.NewReader(strings.Repeat(row, review.MaxCSVBytes/128) + "1")); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a file over the bound: %v", err)
	}
	if ss, err := review.ReadScores(strings.NewReader(strings.Repeat(row, review.MaxCSVBytes/128))); err != nil || len(ss) != review.MaxCSVBytes/128 {
		t.Errorf("a file at the bound: %d rows, %v", len(ss), err)
	}
	// So is one of more rows than MaxCSVRows.
	if _, err := review.ReadScores(strings.NewReader(strings.Repeat("1,1,1\n", review.MaxCSVRows+1))); err == nil || !strings.Contains(err.Error(), "rows") {
		t.Errorf("too many rows: %v", err)
	}
}

// FuzzReadCSV: no input makes a reader panic, and what a reader returns
// holds its bounds: positive IDs, finite scores that are not negative.
func FuzzReadCSV(f *testing.F) {
	f.Add("\ufeffid,name,employer,org_path,disciplines\n1,甲,攀枝花学院,/1/2/,52010|43010\n")
	f.Add("10,1,攀枝花学院,/1/2/,52010,3|4\n11,9,,,,\n")
	f.Add("application,expert,score\n10,1,80\n10,2,\"82.5\"\n")
	f.Add("\"unterminated\n1,2,3")
	f.Fuzz(func(t *testing.T, in string) {
		if es, err := review.ReadCandidates(strings.NewReader(in)); err == nil {
			for _, e := range es {
				if e.ID <= 0 {
					t.Fatalf("candidate ID %d from %q", e.ID, in)
				}
			}
		}
		if xs, err := review.ReadEntries(strings.NewReader(in)); err == nil {
			for _, x := range xs {
				if x.ID <= 0 || x.ApplicantID <= 0 {
					t.Fatalf("entry %+v from %q", x, in)
				}
				for _, c := range x.Conflicts {
					if c <= 0 {
						t.Fatalf("conflict %d from %q", c, in)
					}
				}
			}
		}
		if ss, err := review.ReadScores(strings.NewReader(in)); err == nil {
			for _, s := range ss {
				if s.App <= 0 || s.Expert <= 0 || s.Value < 0 || s.Value != s.Value || s.Value > 1e308 {
					t.Fatalf("score %+v from %q", s, in)
				}
			}
		}
	})
}
