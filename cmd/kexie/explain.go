package main

import (
	"errors"
	"fmt"
	"strings"

	"kexie/internal/valid"
)

// explain turns field errors into a readable line for the terminal (keys,
// since the CLI speaks to administrators and scripts).
func explain(err error) error {
	if list, ok := valid.As(err); ok {
		parts := make([]string, len(list))
		for i, e := range list {
			parts[i] = fmt.Sprintf("%s: %s", e.Field, e.Key)
		}
		return errors.New(strings.Join(parts, "; "))
	}
	return err
}
