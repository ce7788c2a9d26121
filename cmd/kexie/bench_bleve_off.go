//go:build !bleveref

package main

import (
	"context"
	"errors"
)

// The Bleve reference is compiled only with -tags bleveref (see
// bench_bleve.go), so the kexie binary does not carry Bleve.
const bleveBuilt = false

func benchBleve(context.Context, *env, func(context.Context, string, ...any) (rowsIter, error), []labelled,
	[]map[int64]bool, int, string) (*benchStats, error) {
	return nil, errors.New("bench search --bleve: build with -tags bleveref")
}
