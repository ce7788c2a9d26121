package people

import (
	"html/template"
	"net/http"
	"strings"
)

// HitRow is one search hit as the results table shows it: the person, and
// their name, disciplines and research direction with the words the
// query matched marked.
type HitRow struct {
	Person
	NameHTML    template.HTML
	Disciplines template.HTML // names of the primary and secondary disciplines, "、"-joined
	Expertise   template.HTML // cut to about expertiseChars around the first mark
	LevelLabel  string
}

// expertiseChars is about how much of a research direction a row shows.
const expertiseChars = 60

// hitRows builds the rows of the hits, reading the names of all their
// disciplines in one query.
func (h *handler) hitRows(r *http.Request, q string, hits []Person) ([]HitRow, error) {
	var codes []string
	for _, p := range hits {
		codes = append(append(codes, p.Discipline), p.Disciplines2...)
	}
	names, err := h.store.DisciplineNames(r.Context(), codes)
	if err != nil {
		return nil, err
	}
	t := h.site.T(r)
	m := newMarker(q)
	rows := make([]HitRow, 0, len(hits))
	for _, p := range hits {
		var disc []string
		for _, c := range append([]string{p.Discipline}, p.Disciplines2...) {
			if c == "" {
				continue
			}
			if n, ok := names[c]; ok {
				c = n
			}
			disc = append(disc, c)
		}
		row := HitRow{Person: p, NameHTML: m.Mark(p.Name, 0), Disciplines: m.Mark(strings.Join(disc, "、"), 0),
			Expertise: m.Mark(p.Expertise, expertiseChars)}
		if p.TitleLevel != "" {
			row.LevelLabel = t("people.level." + p.TitleLevel)
		}
		rows = append(rows, row)
	}
	return rows, nil
}
