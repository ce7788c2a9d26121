package society_test

import (
	"kexie/internal/pdfdoc"
	"kexie/internal/testenv"
)

// fontReady reports whether the fonts for PDFs are installed (package
// pdfdoc's SystemFont); scripts/test.sh installs them, so under CI=true
// their absence is a failure.
func fontReady() bool {
	_, err := pdfdoc.SystemFont()
	if err != nil && testenv.InCI() {
		panic("society tests: " + err.Error())
	}
	return err == nil
}
