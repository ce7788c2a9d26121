package db

import (
	"slices"
	"strings"
)

// Marks is n copies of row, a statement's placeholder for one value ("?")
// or one row ("(?, ?, ?)"), apart by ", ": the list of an IN (…) or of a
// multi-row VALUES.
func Marks(n int, row string) string {
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// InChunks calls fn with the placeholders and arguments of each chunk of at
// most size of the set's values, in sorted order (so that statements over
// the same set lock in the same order): the IN (…) of a read that would
// otherwise bind more values than a statement may hold.
func InChunks(set map[string]bool, size int, fn func(marks string, args []any) error) error {
	vals := make([]string, 0, len(set))
	for v := range set {
		vals = append(vals, v)
	}
	slices.Sort(vals)
	for len(vals) > 0 {
		part := vals[:min(len(vals), size)]
		vals = vals[len(part):]
		args := make([]any, len(part))
		for i, v := range part {
			args[i] = v
		}
		if err := fn(Marks(len(part), "?"), args); err != nil {
			return err
		}
	}
	return nil
}
