package dbtest

import (
	"errors"
	"fmt"
	"testing"
)

// errorsTB records what Went reports instead of failing the test.
type errorsTB struct {
	testing.TB
	got []string
}

func (r *errorsTB) Helper() {}

func (r *errorsTB) Errorf(format string, args ...any) {
	r.got = append(r.got, fmt.Sprintf(format, args...))
}

// Went counts the nil errors, lets the step's own refusals pass and reports
// every other error, naming which call it came from.
func TestWent(t *testing.T) {
	refused := errors.New("already decided")
	raw := errors.New("duplicate key value violates unique constraint")
	r := &errorsTB{TB: t}
	n := Went(r, []error{nil, refused, raw, nil, refused}, func(err error) bool { return errors.Is(err, refused) })
	if n != 2 {
		t.Errorf("went %d, want 2", n)
	}
	if len(r.got) != 1 || r.got[0] != "call 2 at once: unexpected "+raw.Error() {
		t.Errorf("reported %q, want the raw error of call 2 only", r.got)
	}
	if errs := AtOnce(8, func(i int) error {
		if i%2 == 0 {
			return nil
		}
		return refused
	}); Went(r, errs, func(err error) bool { return err == refused }) != 4 || len(r.got) != 1 {
		t.Errorf("AtOnce and Went: %v, reported %q", errs, r.got)
	}
}
