package sheet

import (
	"testing"
	"time"
)

// 2026-12-04 16:30 UTC is 00:30 on 12-05 in Shanghai: the export says 12-05.
func TestExportZone(t *testing.T) {
	at := time.Date(2026, 12, 4, 16, 30, 0, 0, time.UTC)
	if got := Date(at); got != "2026-12-05" {
		t.Errorf("Date = %q", got)
	}
	if got := DateTime(at); got != "2026-12-05 00:30:00" {
		t.Errorf("DateTime = %q", got)
	}
	if got := FileDate(at); got != "20261205" {
		t.Errorf("FileDate = %q", got)
	}
	if Date(time.Time{}) != "" || DateTime(time.Time{}) != "" {
		t.Error("zero time not blank")
	}
}
