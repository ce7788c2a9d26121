package people

import (
	"encoding/json"
	"net/http"
	"strings"
)

// disciplines serves the discipline picker of forms: GET /std/disciplines?q=
// answers JSON [{code, name, path}], path the names from the top level down.
func (h *handler) disciplines(w http.ResponseWriter, r *http.Request) error {
	hits, err := h.store.SearchDisciplines(r.Context(), r.URL.Query().Get("q"), 15)
	if err != nil {
		return err
	}
	type hit struct {
		Code string `json:"code"`
		Name string `json:"name"`
		Path string `json:"path"`
	}
	out := []hit{}
	for _, d := range hits {
		out = append(out, hit{Code: d.Code, Name: d.Name, Path: strings.Join(d.Path, " › ")})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	return json.NewEncoder(w).Encode(out)
}
