package survey

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"

	"kexie/internal/access"
)

// AnalysisFilter chooses the responses an analysis counts: within the
// caller's scope, optionally one station, one region's subtree and one
// demographic category (role=code); excluded responses never count.
type AnalysisFilter struct {
	Scope     access.Scope
	StationID int64
	Within    string // org path
	Role      string // gender, age, edu, urban
	Category  string
	Weighted  bool
}

// Data is the responses an analysis reads, with their weights.
type Data struct {
	Def     Definition
	Rows    []Answers
	Weights []float64 // nil: unweighted
	Raking  *RakeInfo
	// Paths are the org path of each row's station (RegionTable groups
	// the rows by them).
	Paths []string

	rakedCells [][]string // the raking's categories, for standard errors
}

// RakeInfo reports the raking behind weighted figures.
type RakeInfo struct {
	Iterations int
	Converged  bool
	Min, Max   float64
	Deff       float64
}

// Load reads the included responses of a survey matching f, answered on any
// version, read against the current version's questions.
func (s *Store) Load(ctx context.Context, v Survey, f AnalysisFilter) (Data, error) {
	d := Data{Def: v.Draft}
	if v.Version > 0 {
		def, err := s.Definition(ctx, v.ID, v.Version)
		if err != nil {
			return d, err
		}
		d.Def = def
	}
	if f.Scope.None() {
		return d, nil
	}
	where, args := respWhere(s.db, v.ID, RespFilter{Scope: f.Scope, Within: f.Within, StationID: f.StationID, Flag: "included"})
	rows, err := s.db.Query(ctx, `SELECT r.answers, o.path FROM survey_responses r JOIN orgs o ON o.id = r.org_id WHERE `+where+` ORDER BY r.id`, args...)
	if err != nil {
		return d, fmt.Errorf("survey: load: %w", err)
	}
	defer rows.Close()
	roleQ, hasRole := d.Def.ByRole(f.Role)
	for rows.Next() {
		var raw, path string
		if err := rows.Scan(&raw, &path); err != nil {
			return d, fmt.Errorf("survey: load: %w", err)
		}
		var a Answers
		if err := json.Unmarshal([]byte(raw), &a); err != nil {
			return d, fmt.Errorf("survey: load: %w", err)
		}
		if f.Category != "" && hasRole && (len(a[roleQ.ID]) == 0 || a[roleQ.ID][0] != f.Category) {
			continue
		}
		d.Rows = append(d.Rows, a)
		d.Paths = append(d.Paths, path)
	}
	if err := rows.Err(); err != nil {
		return d, err
	}
	if f.Weighted {
		m, err := s.Margins(ctx, v.ID)
		if err != nil {
			return d, err
		}
		w, info, cells, err := rake(d.Def, d.Rows, m)
		if err != nil {
			return d, err
		}
		d.Weights, d.Raking, d.rakedCells = w, &info, cells
	}
	return d, nil
}

func (d Data) w(i int) float64 {
	if d.Weights == nil {
		return 1
	}
	return d.Weights[i]
}

// Cell is one category's count (weighted when the data are) and share.
type Cell struct {
	Code, Label string
	Count       float64
	Pct         float64
}

// Freq is the frequency table of one question.
type Freq struct {
	Q       Question
	Sub     string // a matrix row's label
	Key     string // the answer key (question ID or "<id>.<row>")
	Cells   []Cell
	N       float64 // respondents who answered
	Mean    float64 // numbers and ratings
	HasMean bool
}

// Frequencies tabulates every question (a matrix row by row; text
// questions only count answers).
func Frequencies(d Data, lang string) []Freq {
	var out []Freq
	for _, q := range d.Def.Questions() {
		switch q.Type {
		case Matrix:
			for _, r := range q.Rows {
				out = append(out, tabulate(d, q, q.ID+"."+r.Code, r.Text.In(lang), q.Options, lang))
			}
		case Rating:
			var scale []Option
			for _, p := range q.Scale() {
				scale = append(scale, Option{Code: strconv.Itoa(p), Text: Text{ZH: strconv.Itoa(p)}})
			}
			out = append(out, tabulate(d, q, q.ID, "", scale, lang))
		case Single, Multiple, Ranking:
			out = append(out, tabulate(d, q, q.ID, "", q.Options, lang))
		default:
			out = append(out, tabulate(d, q, q.ID, "", nil, lang))
		}
	}
	return out
}

func tabulate(d Data, q Question, key, sub string, options []Option, lang string) Freq {
	f := Freq{Q: q, Key: key, Sub: sub}
	idx := map[string]int{}
	for i, o := range options {
		f.Cells = append(f.Cells, Cell{Code: o.Code, Label: o.Text.In(lang)})
		idx[o.Code] = i
	}
	var sum, wsum float64
	for i, a := range d.Rows {
		v := a[key]
		if len(v) == 0 {
			continue
		}
		w := d.w(i)
		f.N += w
		switch q.Type {
		case Number, Rating:
			if x, err := strconv.ParseFloat(v[0], 64); err == nil {
				sum += w * x
				wsum += w
			}
		}
		if q.Type == Ranking {
			// The share ranking each option first.
			if j, ok := idx[v[0]]; ok {
				f.Cells[j].Count += w
			}
			continue
		}
		for _, c := range v {
			if j, ok := idx[c]; ok {
				f.Cells[j].Count += w
			}
		}
	}
	if wsum > 0 {
		f.Mean, f.HasMean = sum/wsum, true
	}
	for i := range f.Cells {
		if f.N > 0 {
			f.Cells[i].Pct = 100 * f.Cells[i].Count / f.N
		}
	}
	return f
}

// Cross is a cross-tabulation of two categorical questions: counts with
// column shares.
type Cross struct {
	Row, Col Question
	RowCells []Cell // labels
	ColCells []Cell // labels, Count = column total
	Counts   [][]float64
	Pcts     [][]float64 // share of the column, percent
	N        float64
}

// Categorical lists the questions a cross-tabulation may use.
func (d Definition) Categorical() []Question {
	var out []Question
	for _, q := range d.Questions() {
		if q.Type == Single || q.Type == Multiple || q.Type == Rating {
			out = append(out, q)
		}
	}
	return out
}

func categories(q Question, lang string) []Cell {
	var out []Cell
	if q.Type == Rating {
		for _, p := range q.Scale() {
			out = append(out, Cell{Code: strconv.Itoa(p), Label: strconv.Itoa(p)})
		}
		return out
	}
	for _, o := range q.Options {
		out = append(out, Cell{Code: o.Code, Label: o.Text.In(lang)})
	}
	return out
}

// CrossTab tabulates row against col (a multiple choice counts in every
// category chosen).
func CrossTab(d Data, row, col Question, lang string) Cross {
	c := Cross{Row: row, Col: col, RowCells: categories(row, lang), ColCells: categories(col, lang)}
	ri, ci := map[string]int{}, map[string]int{}
	for i, x := range c.RowCells {
		ri[x.Code] = i
	}
	for i, x := range c.ColCells {
		ci[x.Code] = i
	}
	c.Counts = make([][]float64, len(c.RowCells))
	c.Pcts = make([][]float64, len(c.RowCells))
	for i := range c.Counts {
		c.Counts[i] = make([]float64, len(c.ColCells))
		c.Pcts[i] = make([]float64, len(c.ColCells))
	}
	for k, a := range d.Rows {
		rv, cv := a[row.ID], a[col.ID]
		if len(rv) == 0 || len(cv) == 0 {
			continue
		}
		w := d.w(k)
		c.N += w
		for _, x := range rv {
			for _, y := range cv {
				i, ok1 := ri[x]
				j, ok2 := ci[y]
				if ok1 && ok2 {
					c.Counts[i][j] += w
				}
			}
		}
	}
	for j := range c.ColCells {
		for i := range c.RowCells {
			c.ColCells[j].Count += c.Counts[i][j]
		}
		for i := range c.RowCells {
			if t := c.ColCells[j].Count; t > 0 {
				c.Pcts[i][j] = 100 * c.Counts[i][j] / t
			}
		}
	}
	return c
}

// Num formats a count: whole when unweighted, one decimal when weighted.
func Num(x float64) string {
	if x == math.Trunc(x) {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}

// Pct formats a share in percent with one decimal.
func Pct(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// Margin is one population share to rake to.
type Margin struct {
	Variable, Category string
	Share              float64
}

// Margins reads a survey's population margins.
func (s *Store) Margins(ctx context.Context, surveyID int64) ([]Margin, error) {
	rows, err := s.db.Query(ctx, `SELECT variable, category, share FROM survey_margins WHERE survey_id = ? ORDER BY variable, category`, surveyID)
	if err != nil {
		return nil, fmt.Errorf("survey: margins: %w", err)
	}
	defer rows.Close()
	var out []Margin
	for rows.Next() {
		var m Margin
		if err := rows.Scan(&m.Variable, &m.Category, &m.Share); err != nil {
			return nil, fmt.Errorf("survey: margins: %w", err)
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Variable < out[j].Variable })
	return out, rows.Err()
}

// Shown forms of the figures, for templates.

// CountS is the count as shown.
func (c Cell) CountS() string { return Num(c.Count) }

// PctS is the share as shown.
func (c Cell) PctS() string { return Pct(c.Pct) }

// NS is the number answering as shown.
func (f Freq) NS() string { return Num(f.N) }

// MeanS is the mean as shown.
func (f Freq) MeanS() string { return strconv.FormatFloat(f.Mean, 'f', 2, 64) }

// At is the count of row i and column j as shown.
func (c Cross) At(i, j int) string { return Num(c.Counts[i][j]) }

// PctAt is the column share of row i and column j as shown.
func (c Cross) PctAt(i, j int) string { return Pct(c.Pcts[i][j]) }

// DeffS, MinS and MaxS show the raking's design effect and weight range.
func (r RakeInfo) DeffS() string { return strconv.FormatFloat(r.Deff, 'f', 2, 64) }

// MinS is the smallest weight as shown.
func (r RakeInfo) MinS() string { return strconv.FormatFloat(r.Min, 'f', 2, 64) }

// MaxS is the largest weight as shown.
func (r RakeInfo) MaxS() string { return strconv.FormatFloat(r.Max, 'f', 2, 64) }
