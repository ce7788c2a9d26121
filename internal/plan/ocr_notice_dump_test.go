//go:build dump

package plan

import "testing"

// TestDumpOCR logs the OCR measure (D194) of each document named by
// KEXIE_DUMP_IN (as TestDumpIngest reads them): its numbers, the suspect
// ones, whether the notice fires, and every suspect with its line. It is
// how the threshold was checked against the development documents:
//
//	KEXIE_DUMP_IN='/work/shared/plans-dev/*.txt' go test -tags dump ./internal/plan -run TestDumpOCR -v
func TestDumpOCR(t *testing.T) {
	fired := 0
	dumpInputs(t, func(name, text string, err error) {
		if err != nil {
			return
		}
		n := ocrScan(lineEnds(text), 1<<30)
		fire := ocrFires(n.Suspects, n.Numbers)
		if fire {
			fired++
		}
		t.Logf("%s: %d numbers, %d suspect, fires %v", name, n.Numbers, n.Suspects, fire)
		for _, s := range n.Spots {
			t.Logf("    line %d: %s[%s]%s", s.Line, s.Before, s.Text, s.After)
		}
	})
	t.Logf("%d fire", fired)
}
