package valid

import (
	"errors"
	"fmt"
	"testing"
)

func TestHas(t *testing.T) {
	one := New("title", "err.required")
	var list Errors
	list.Add("title", "err.too_long", 100)
	list.Add("org", "err.unknown_org")
	for _, c := range []struct {
		err  error
		key  string
		want bool
	}{
		{one, "err.required", true},
		{fmt.Errorf("saving: %w", one), "err.required", true},
		{list.Err(), "err.unknown_org", true},
		{fmt.Errorf("saving: %w", list.Err()), "err.too_long", true},
		{list.Err(), "err.required", false},
		{errors.New("err.required"), "err.required", false},
		{nil, "err.required", false},
	} {
		if got := Has(c.err, c.key); got != c.want {
			t.Errorf("Has(%v, %s) = %v, want %v", c.err, c.key, got, c.want)
		}
	}
}
