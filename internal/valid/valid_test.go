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

func TestText(t *testing.T) {
	for _, c := range []struct {
		in, want, key string
	}{
		{"  科普  ", "科普", ""},
		{"   ", "", "e.empty"},
		{"一二三四五", "一二三四五", ""}, // five characters, not fifteen bytes
		{"一二三四五六", "一二三四五六", "e.long"},
	} {
		got, err := Text("f", c.in, 5, "e.empty", "e.long")
		if got != c.want || (c.key == "") != (err == nil) || (c.key != "" && !Has(err, c.key)) {
			t.Errorf("Text(%q) = %q, %v", c.in, got, err)
		}
	}
	if _, err := Text("f", "一二三四五六", 5, "e.empty", "e.long"); err.(*Error).Args[0] != 5 || err.(*Error).Field != "f" {
		t.Errorf("the limit is the message's argument: %#v", err)
	}
}
