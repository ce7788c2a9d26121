package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"kexie/internal/valid"
)

// Form is a submitted form: its values, to re-render with the user's input
// kept, and field-keyed errors (already translated).
type Form struct {
	Values url.Values
	Errors map[string]string
	// Message is a form-wide error (not tied to a field).
	Message string
}

// NewForm returns an empty form; Values may be pre-filled for edit pages.
func NewForm() *Form { return &Form{Values: url.Values{}, Errors: map[string]string{}} }

// uploadMemory is how much of a multipart form is held in memory; the
// rest of its files is written to temporary files.
const uploadMemory = 4 << 20

// ParseForm reads r's form (url-encoded or multipart, capped at maxBytes).
func ParseForm(w http.ResponseWriter, r *http.Request, maxBytes int64) (*Form, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBytes)
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		// Files beyond a few megabytes go to temporary files, not memory:
		// a 150 MB register upload never sits in the heap whole.
		err = r.ParseMultipartForm(min(maxBytes, uploadMemory))
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge(r, mbe.Limit)
		}
		return nil, ErrBadRequest
	}
	return &Form{Values: r.Form, Errors: map[string]string{}}, nil
}

// Get returns the trimmed value of field.
func (f *Form) Get(field string) string { return strings.TrimSpace(f.Values.Get(field)) }

// Value is Get for templates.
func (f *Form) Value(field string) string { return f.Values.Get(field) }

// Error returns the error text of field, or "".
func (f *Form) Error(field string) string { return f.Errors[field] }

// Valid reports whether no error was recorded.
func (f *Form) Valid() bool { return len(f.Errors) == 0 && f.Message == "" }

// Fail records the translated error of a store or validation failure on
// the form; it returns false when err is not user-facing (the caller then
// returns err to be logged as an internal error).
func (f *Form) Fail(v func(key string, args ...any) string, err error) bool {
	if list, ok := valid.As(err); ok {
		for _, fe := range list {
			if fe.Field == "" {
				f.Message = v(fe.Key, fe.Args...)
			} else if _, dup := f.Errors[fe.Field]; !dup {
				f.Errors[fe.Field] = v(fe.Key, fe.Args...)
			}
		}
		return true
	}
	var we *Error
	if errors.As(err, &we) && we.Status < 500 {
		f.Message = v(we.Key, we.Args...)
		return true
	}
	return false
}

// T returns the site's translator for r, for validating forms.
func (s *Site) T(r *http.Request) func(key string, args ...any) string {
	pref := ""
	if id := IdentityFrom(r.Context()); id != nil {
		pref = id.Locale
	}
	lang := NegotiateLanguage(r, pref)
	return func(key string, args ...any) string { return s.Catalogs.T(lang, key, args...) }
}
