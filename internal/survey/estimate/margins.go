package estimate

import (
	"encoding/csv"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// ShareTolerance is how far a variable's shares may stray from summing to 1.
const ShareTolerance = 1e-3

// Margins are population shares: variable → category → share, the shares
// of each variable summing to 1 (census shares by region, gender, age
// band, education, urban/rural …).
type Margins map[string]map[string]float64

// Variables lists the variables in sorted order (the order raking visits them).
func (m Margins) Variables() []string {
	out := make([]string, 0, len(m))
	for v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// ReadMargins reads M.csv: a header "variable,category,share", then one
// row per category. Shares may be written as fractions or percentages
// ("12.5%"). A share must be a number in [0,1], a (variable, category)
// pair may appear once, and each variable's shares must sum to 1 within
// ShareTolerance; they are then rescaled to sum to 1 exactly.
func ReadMargins(r io.Reader) (Margins, error) {
	cr := csv.NewReader(io.LimitReader(r, 16<<20))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	m := Margins{}
	line := 0
	for {
		f, err := cr.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			return nil, csvLineErr("margins", err, line)
		}
		at, _ := cr.FieldPos(0)
		if line == 1 {
			if len(f) != 3 {
				return nil, errf("margins", "estimate.err.margins_header")
			}
			f[0] = strings.TrimPrefix(f[0], "\ufeff")
			if strings.TrimSpace(f[0]) != "variable" || strings.TrimSpace(f[1]) != "category" || strings.TrimSpace(f[2]) != "share" {
				return nil, errf("margins", "estimate.err.margins_header")
			}
			continue
		}
		if len(f) != 3 {
			return nil, errf("margins", "estimate.err.margins_fields", at)
		}
		v, c := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if v == "" || c == "" {
			return nil, errf("margins", "estimate.err.margins_blank", at)
		}
		s, ok := parseShare(f[2])
		if !ok {
			return nil, errf("margins", "estimate.err.share", at, f[2])
		}
		if m[v] == nil {
			m[v] = map[string]float64{}
		}
		if _, dup := m[v][c]; dup {
			return nil, errf("margins", "estimate.err.margins_dup", at, v, c)
		}
		m[v][c] = s
	}
	if len(m) == 0 {
		return nil, errf("margins", "estimate.err.margins_empty")
	}
	return m, m.Validate()
}

// Validate checks that every variable has categories with shares in
// [0,1] summing to 1 within ShareTolerance, and rescales them to sum to 1.
func (m Margins) Validate() error {
	for _, v := range m.Variables() {
		if len(m[v]) == 0 {
			return errf("margins", "estimate.err.margins_empty_var", v)
		}
		var sum float64
		for _, s := range m[v] {
			sum += s
		}
		if math.Abs(sum-1) > ShareTolerance || !finite(sum) {
			return errf("margins", "estimate.err.margins_sum", v, strconv.FormatFloat(sum, 'g', 6, 64))
		}
		for c, s := range m[v] {
			m[v][c] = s / sum
		}
	}
	return nil
}

func parseShare(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	scale := 1.0
	if strings.HasSuffix(s, "%") {
		s, scale = strings.TrimSpace(strings.TrimSuffix(s, "%")), 0.01
	}
	v, err := strconv.ParseFloat(s, 64)
	v *= scale
	if err != nil || !finite(v) || v < 0 || v > 1 {
		return 0, false
	}
	return v, true
}
