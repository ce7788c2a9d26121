package review

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// The CSV shapes of `kexie review assign` and `kexie review rank` (stable:
// other tools write them). A first row whose first cell is not a number
// is a header. A file is read only within its bounds: at most
// MaxCSVBytes, MaxCSVRows rows and MaxCSVField characters a cell; IDs are
// positive and scores finite and not negative.
const (
	MaxCSVBytes = 64 << 20
	MaxCSVRows  = 1_000_000
	MaxCSVField = 4096
)

var errCSVTooBig = fmt.Errorf("the file is larger than %d MiB", MaxCSVBytes>>20)

// capped fails once more than MaxCSVBytes have been read, so that a file
// beyond the bound is refused rather than read in part.
type capped struct {
	r    io.Reader
	left int64 // MaxCSVBytes+1 at first
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errCSVTooBig
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	k, err := c.r.Read(p)
	if c.left -= int64(k); c.left <= 0 {
		return k, errCSVTooBig
	}
	return k, err
}

// ReadCandidates reads experts: id,name,employer,org_path,disciplines
// (disciplines '|'-separated GB/T 13745 codes).
func ReadCandidates(r io.Reader) ([]Candidate, error) {
	var out []Candidate
	err := readCSV(r, 5, func(line int, f []string) error {
		id, err := csvID(line, f[0])
		if err != nil {
			return err
		}
		out = append(out, Candidate{ID: id, Employer: f[2], OrgPath: f[3], Disciplines: splitBar(f[4])})
		return nil
	})
	return out, err
}

// ReadEntries reads applications: id,applicant_id,employer,org_path,discipline,conflicts
// (conflicts '|'-separated expert IDs).
func ReadEntries(r io.Reader) ([]Entry, error) {
	var out []Entry
	err := readCSV(r, 6, func(line int, f []string) error {
		id, err := csvID(line, f[0])
		if err != nil {
			return err
		}
		who, err := csvID(line, f[1])
		if err != nil {
			return err
		}
		x := Entry{ID: id, ApplicantID: who, Employer: f[2], OrgPath: f[3], Discipline: f[4]}
		for _, c := range splitBar(f[5]) {
			e, err := csvID(line, c)
			if err != nil {
				return err
			}
			x.Conflicts = append(x.Conflicts, e)
		}
		out = append(out, x)
		return nil
	})
	return out, err
}

// ReadScores reads scores: application,expert,score.
func ReadScores(r io.Reader) ([]Score, error) {
	var out []Score
	err := readCSV(r, 3, func(line int, f []string) error {
		app, err := csvID(line, f[0])
		if err != nil {
			return err
		}
		e, err := csvID(line, f[1])
		if err != nil {
			return err
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(f[2]), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("line %d: score %q is not a number", line, f[2])
		}
		if v < 0 {
			return fmt.Errorf("line %d: score %q is negative", line, f[2])
		}
		out = append(out, Score{App: app, Expert: e, Value: v})
		return nil
	})
	return out, err
}

func readCSV(r io.Reader, cols int, row func(line int, f []string) error) error {
	cr := csv.NewReader(&capped{r: r, left: MaxCSVBytes + 1})
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	for line := 1; ; line++ {
		f, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if errors.Is(err, errCSVTooBig) {
			return err
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		if line > MaxCSVRows {
			return fmt.Errorf("more than %d rows", MaxCSVRows)
		}
		for i, c := range f {
			if len([]rune(c)) > MaxCSVField {
				return fmt.Errorf("line %d: cell %d is longer than %d characters", line, i+1, MaxCSVField)
			}
		}
		if len(f) == 1 && strings.TrimSpace(f[0]) == "" {
			continue
		}
		if line == 1 {
			if _, err := strconv.ParseInt(strings.TrimSpace(strings.TrimPrefix(f[0], "\ufeff")), 10, 64); err != nil {
				continue // a header
			}
			f[0] = strings.TrimPrefix(f[0], "\ufeff")
		}
		for len(f) < cols {
			f = append(f, "")
		}
		if err := row(line, f); err != nil {
			return err
		}
	}
}

func csvID(line int, s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("line %d: %q is not an ID", line, s)
	}
	return id, nil
}

func splitBar(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
