// Package estimate turns survey answers into numbers: it scores the
// science-literacy instrument (科学素质测评), rakes design weights to
// population margins (iterative proportional fitting), and estimates
// weighted proportions with standard errors by Taylor linearisation that
// honour strata and primary sampling units, the way R's survey package
// does (svydesign → rake → svymean).
//
// It takes plain values and returns numbers. It must never touch a
// database, a request or a clock, and never format text for people: its
// errors are typed (*Error, with an i18n key and arguments from the
// catalogs in Locales) and the caller localizes them.
package estimate

import (
	"embed"
	"fmt"
	"io/fs"

	"kexie/internal/valid"
)

// Error is bad input: a file that cannot be read as promised, margins that
// do not add up, a category the margins do not know, a raking that does not
// converge. Key is an i18n key of Locales; Args are its arguments in order.
// It unwraps to a *valid.Error on Field, so a web handler shows it as a
// field message.
type Error struct {
	Field string // "instrument", "responses", "margins" or "weights"
	Key   string
	Args  []any
}

func (e *Error) Error() string { return fmt.Sprintf("estimate: %s %v", e.Key, e.Args) }

// Unwrap gives the field error.
func (e *Error) Unwrap() error { return valid.New(e.Field, e.Key, e.Args...) }

func errf(field, key string, args ...any) *Error { return &Error{Field: field, Key: key, Args: args} }

//go:embed locales/*.json
var localeFS embed.FS

// Locales is the folder of this package's message catalogs (zh-CN.json,
// en.json) for web.NewCatalogs; every Error key is in it.
func Locales() fs.FS {
	sub, err := fs.Sub(localeFS, "locales")
	if err != nil {
		panic(err) // the folder is embedded above; cannot happen
	}
	return sub
}
