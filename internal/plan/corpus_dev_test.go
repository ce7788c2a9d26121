package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// retired reports whether the held-out set heldout<n> is development data:
// 2–21 (D144, D155), 22, 25 and 27 (D161), 23, 24, 26 and 28 (D168),
// 30–33 (D173), 34–36 (D177), 42–44 (D195), 45–46 (D198), 47–48 (D201),
// 49–50 (D207), 51 (D210), 52 (D213), and 29, 37–39 and 53, wave 29's
// deciding set (D219), 54 (D227, blind in wave 30), 56 (D227: wave 31's
// development half of a new source), 55 (D230, wave 31's deciding set) and
// 58 (D230: wave 32's development half), 57 (D233, wave 32's deciding set)
// and 59 (D235, wave 33's deciding set), and 61 (D243: wave 35's
// development set, eight digital-economy texts) and 62 (D250: wave 36's,
// twelve national data/AI plans). heldout40–41 were never labelled
// (D183). Every other set labelled later is blind: no probe or trainer
// reads it (60, wave 34's deciding set, is).
func retired(n int) bool {
	return n >= 2 && n <= 39 || n >= 42 && n <= 59 || n == 61 || n == 62
}

// devCorpusDirs names the folders of the development data this machine
// has: the tune half of KEXIE_CORPUS ("tune"), KEXIE_EXTRA_CORPUS ("extra")
// and each retired held-out set KEXIE_HELDOUTn names; "" where unset.
func devCorpusDirs() map[string]string {
	dirs := map[string]string{"tune": os.Getenv("KEXIE_CORPUS"), "extra": os.Getenv("KEXIE_EXTRA_CORPUS")}
	for n := 2; n <= 62; n++ {
		if retired(n) {
			dirs["heldout"+strconv.Itoa(n)] = os.Getenv("KEXIE_HELDOUT" + strconv.Itoa(n))
		}
	}
	return dirs
}

// devText is a development document's text and its name.
type devText struct{ name, text string }

// devTexts are the texts of the development documents this machine holds
// (a page is no text: left out), in the order of their splits and files.
func devTexts(t *testing.T) []devText {
	dirs := devCorpusDirs()
	var out []devText
	for _, split := range slices.Sorted(func(yield func(string) bool) {
		for s, dir := range dirs {
			if dir != "" && !yield(s) {
				return
			}
		}
	}) {
		files, _ := filepath.Glob(filepath.Join("testdata", "corpus", split, "*.json"))
		for _, f := range files {
			ld := readLabels(t, f)
			src, err := os.ReadFile(filepath.Join(dirs[split], ld.File))
			if err != nil || isPage(ld.File) {
				continue
			}
			out = append(out, devText{split + "/" + ld.File, string(src)})
		}
	}
	return out
}

// probeReading is what a probe compares of a quantity, its place aside: its
// comparator, value or range, unit, deadline and period, and its standing.
func probeReading(in Indicator) string {
	v := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'g', -1, 64)
	}
	y, per := "-", "-"
	if in.DeadlineYear != nil {
		y = strconv.Itoa(*in.DeadlineYear)
	}
	if in.Per != nil {
		per = *in.Per
	}
	return fmt.Sprintf("%s %s %s %s %s %s/%s candidate=%v reported=%v",
		in.Comparator, v(in.Value), v(in.Low), v(in.High), in.Unit, y, per, in.Candidate, in.Reported)
}
