package society_test

import (
	"os"

	"kexie/internal/society"
	"kexie/internal/testenv"
)

// fontReady reports whether the CJK font for PDFs is installed; scripts/
// test.sh installs it, so under CI=true its absence is a failure.
func fontReady() bool {
	_, err := os.Stat(society.DefaultFont)
	if err != nil && testenv.InCI() {
		panic("society tests: " + society.DefaultFont + " missing (fonts-droid-fallback)")
	}
	return err == nil
}
