package web

import (
	"net/http"
	"strconv"
)

// Step runs one step posted on the record named by the path's {id} (accept,
// answer, publish …): fn gets the record's id and the form (at most limit
// bytes); on success the user is told done (a message key) and sent to
// back+id; a refused step (a field or rule error fn returns) is shown again
// by again, with the form's errors, and nothing changed. Any other error is
// returned as it is.
func (s *Site) Step(w http.ResponseWriter, r *http.Request, limit int64, done, back string,
	fn func(id int64, f *Form) error, again func(f *Form) error) error {
	f, err := ParseForm(w, r, limit)
	if err != nil {
		return err
	}
	id, err := PathID(r, "id")
	if err != nil {
		return err
	}
	if err := fn(id, f); err != nil {
		if !f.Fail(s.T(r), err) {
			return err
		}
		return again(f)
	}
	s.AddFlash(w, r, "ok", done)
	return Redirect(w, r, back+strconv.FormatInt(id, 10))
}
