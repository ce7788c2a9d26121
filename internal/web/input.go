package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// MaxQueryValue is the most characters a query-string value — a search
// term above all — may hold. Search terms become LIKE patterns and search
// index lookups, which SQLite refuses past 50,000 bytes ("LIKE pattern too
// complex"); no real filter needs more than a few dozen characters.
const MaxQueryValue = 256

// Errors of input refused at decoding, before any handler or store sees it.
var (
	// ErrBadInput: invalid UTF-8 or a NUL character, which PostgreSQL
	// refuses ("invalid byte sequence") and no form field ever needs.
	ErrBadInput = &Error{Status: http.StatusBadRequest, Key: "error.bad_input"}
	// ErrInputTooLong: a query-string value over MaxQueryValue characters.
	ErrInputTooLong = &Error{Status: http.StatusUnprocessableEntity, Key: "error.input_too_long", Args: []any{MaxQueryValue}}
)

// checkInput refuses a request whose query string or form fields are not
// clean text, and one whose query-string values (or posted search term "q")
// are too long, with a 400 or 422 page. It runs after the CSRF check, which has capped (and for form
// posts already parsed) the body; a form it finds unparsed it parses here,
// so a handler reading r.PostFormValue never sees bad input either. File
// contents of multipart forms are not text and are not checked.
func (s *Site) checkInput(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := checkQuery(r.URL.RawQuery); err != nil {
			s.Fail(w, r, err)
			return
		}
		if !safeMethod(r.Method) {
			if r.Form == nil {
				var err error
				if isMultipart(r) {
					err = r.ParseMultipartForm(uploadMemory)
				} else {
					err = r.ParseForm()
				}
				var mbe *http.MaxBytesError
				if errors.As(err, &mbe) {
					s.Fail(w, r, tooLarge(r, mbe.Limit))
					return
				}
			}
			if err := checkValues(r.PostForm); err != nil {
				s.Fail(w, r, err)
				return
			}
			// A posted search term (a pool's "add from search") is capped
			// like one in the query string.
			if err := checkLength(r.PostForm["q"]); err != nil {
				s.Fail(w, r, err)
				return
			}
			if r.MultipartForm != nil {
				if err := checkValues(r.MultipartForm.Value); err != nil {
					s.Fail(w, r, err)
					return
				}
				for _, fs := range r.MultipartForm.File {
					for _, f := range fs {
						if !cleanText(f.Filename) {
							s.Fail(w, r, ErrBadInput)
							return
						}
					}
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

// checkQuery checks a raw query string: every key and value, decoded, must
// be clean text and each value at most MaxQueryValue characters.
func checkQuery(raw string) error {
	if raw == "" {
		return nil
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return ErrBadRequest
	}
	if err := checkValues(q); err != nil {
		return err
	}
	for _, vs := range q {
		if err := checkLength(vs); err != nil {
			return err
		}
	}
	return nil
}

// checkLength refuses a value over MaxQueryValue characters.
func checkLength(vs []string) error {
	for _, v := range vs {
		if len(v) > MaxQueryValue && utf8.RuneCountInString(v) > MaxQueryValue {
			return ErrInputTooLong
		}
	}
	return nil
}

// checkValues refuses invalid UTF-8 and NUL in keys and values.
func checkValues(vals map[string][]string) error {
	for k, vs := range vals {
		if !cleanText(k) {
			return ErrBadInput
		}
		for _, v := range vs {
			if !cleanText(v) {
				return ErrBadInput
			}
		}
	}
	return nil
}

func cleanText(s string) bool { return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 }

// CleanText reports whether s is valid UTF-8 without NUL characters: what
// a handler reading a request body itself (JSON, a file name) must check
// before storing it.
func CleanText(s string) bool { return cleanText(s) }
