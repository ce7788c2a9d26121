package web

import (
	"errors"
	"fmt"
	"net/http"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/valid"
)

func isValid(err error) bool { _, ok := valid.As(err); return ok }

// Error is a user-facing error: an HTTP status and an i18n key. Its text is
// shown to the user; any other error is logged and shown as a generic one.
type Error struct {
	Status int
	Key    string
	Args   []any
}

func (e *Error) Error() string { return fmt.Sprintf("web: %d %s", e.Status, e.Key) }

// Errorf returns a user-facing error.
func Errorf(status int, key string, args ...any) error {
	return &Error{Status: status, Key: key, Args: args}
}

// ErrBadRequest, ErrNotFound and ErrForbidden are the common user-facing errors.
var (
	ErrBadRequest = &Error{Status: http.StatusBadRequest, Key: "error.bad_request"}
	ErrNotFound   = &Error{Status: http.StatusNotFound, Key: "error.not_found"}
	ErrForbidden  = &Error{Status: http.StatusForbidden, Key: "error.forbidden"}
	ErrCSRF       = &Error{Status: http.StatusForbidden, Key: "error.csrf"}
	ErrTooMany    = &Error{Status: http.StatusTooManyRequests, Key: "error.too_many"}
)

// classify maps any error to what the user sees.
func classify(err error) *Error {
	var we *Error
	switch {
	case errors.As(err, &we):
		return we
	case isValid(err):
		list, _ := valid.As(err)
		return &Error{Status: http.StatusUnprocessableEntity, Key: list[0].Key, Args: list[0].Args}
	case errors.Is(err, db.ErrNotFound):
		return ErrNotFound
	case errors.Is(err, access.ErrDenied):
		return ErrForbidden
	default:
		return &Error{Status: http.StatusInternalServerError, Key: "error.internal"}
	}
}
