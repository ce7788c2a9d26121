package sheet

import "time"

// Zone is the time zone every export stamps its dates and times in:
// Asia/Shanghai, the zone the pages show, whatever the server's zone — a
// record made at 00:30 on the screen's 12-05 must not read 12-04 in the
// file.
var Zone = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

// Date formats t as a day in Zone ("" for a zero time).
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Zone).Format("2006-01-02")
}

// DateTime formats t as a time to the second in Zone ("" for a zero time).
func DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Zone).Format("2006-01-02 15:04:05")
}

// FileDate is the day stamp of an export's file name ("20261205").
func FileDate(t time.Time) string { return t.In(Zone).Format("20060102") }
