package plan

import (
	"os"
	"strings"
	"testing"
)

func TestWhy55(t *testing.T) {
	for _, s := range strings.Split(os.Getenv("WHY"), "\n") {
		if s != "" {
			t.Logf("%s => %s", s, whyNot(s))
		}
	}
}
