// Package valid carries user-facing validation errors from stores and rules
// to the web edge, where they are localized: a field, a message key and its
// arguments. It must never format text for users itself.
package valid

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// Error says that one field of an input is wrong. Key is an i18n key.
type Error struct {
	Field string
	Key   string
	Args  []any
}

func (e *Error) Error() string { return "invalid " + e.Field + ": " + e.Key }

// New returns an *Error.
func New(field, key string, args ...any) *Error { return &Error{Field: field, Key: key, Args: args} }

// Errors is a list of field errors; it is nil-safe and an error itself when
// non-empty.
type Errors []*Error

// Add records an error.
func (es *Errors) Add(field, key string, args ...any) { *es = append(*es, New(field, key, args...)) }

// Err returns es as an error, or nil when empty.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// As collects the field errors in err (an *Error or Errors, possibly wrapped).
func As(err error) (Errors, bool) {
	var list Errors
	if errors.As(err, &list) {
		return list, true
	}
	var one *Error
	if errors.As(err, &one) {
		return Errors{one}, true
	}
	return nil, false
}

// Has reports whether err (an *Error or Errors, possibly wrapped) holds an
// error of key.
func Has(err error, key string) bool {
	list, _ := As(err)
	for _, e := range list {
		if e.Key == key {
			return true
		}
	}
	return false
}

// Text trims s and checks it: empty is emptyKey, more than max characters
// (runes) is longKey with max as its argument.
func Text(field, s string, max int, emptyKey, longKey string) (string, error) {
	s = strings.TrimSpace(s)
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		return s, New(field, emptyKey)
	case n > max:
		return s, New(field, longKey, max)
	}
	return s, nil
}
