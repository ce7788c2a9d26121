package app

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kexie/internal/access"
	"kexie/internal/people"
	"kexie/internal/std"
)

// minCandidates is how many ID numbers must stay possible for a viewer
// without the reveal permission (D43): confirming a guess takes one exact
// ID search each, so 100,000 guesses is a scripted attack that the access
// log shows, not a look at a page.
const minCandidates = 100_000

// citizenID completes 17 characters with their GB 11643 check digit.
func citizenID(first17 string) string { return first17 + string(std.CitizenIDCheckDigit(first17)) }

// idCandidates counts the ID numbers consistent with what a viewer saw of
// one person: every masked form (known characters by position), the birth
// year, the full birth date when it appeared anywhere, and the gender.
func idCandidates(region string, masks []string, year int, date string, male bool) int {
	n := 0
	for d := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == year; d = d.AddDate(0, 0, 1) {
		ymd := d.Format("20060102")
		if date != "" && ymd != date {
			continue
		}
		for seq := 0; seq < 1000; seq++ {
			if (seq%2 == 1) != male {
				continue
			}
			first := fmt.Sprintf("%s%s%03d", region, ymd, seq)
			id := first + string(std.CitizenIDCheckDigit(first))
			ok := true
			for _, m := range masks {
				for i := 0; i < 18 && ok; i++ {
					ok = m[i] == '*' || m[i] == id[i]
				}
			}
			if ok {
				n++
			}
		}
	}
	return n
}

// Everything a staff member without the reveal permission sees of a person
// — the person page, the list, search results with their facets, and both
// XLSX exports — must not rebuild the ID number: the full birth date never
// appears, and at least minCandidates numbers fit what does.
func TestMaskedIDCannotBeRebuilt(t *testing.T) {
	onBothDBs(t, func(t *testing.T, dsn string) { testMaskedIDCannotBeRebuilt(t, newTestApp(t, dsn)) })
}

func testMaskedIDCannotBeRebuilt(t *testing.T, ta *testApp) {
	ctx := context.Background()
	id := citizenID("51040219850312201")
	p, err := ta.People.Create(ctx, people.Input{OrgID: ta.city.ID, Name: "张伟", IDNumber: id, Phone: "13812345678",
		Employer: "攀枝花学院", Expertise: "钒钛磁铁矿", RegionCode: "510402"})
	if err != nil {
		t.Fatal(err)
	}
	staff, _ := ta.user(t, "cityclerk", access.OrgStaff, ta.city)
	var seen strings.Builder
	for _, path := range []string{fmt.Sprintf("/people/%d", p.ID), "/people", "/people?q=" + url.QueryEscape("张伟"),
		"/people?q=" + url.QueryEscape("钒钛"), "/people?age_band=35to44"} {
		res, body := staff.get(path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		seen.WriteString(body)
	}
	for _, path := range []string{"/people?format=xlsx", "/people?format=xlsx&q=" + url.QueryEscape("张伟")} {
		res, body := staff.get(path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		f, err := excelize.OpenReader(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(f.GetSheetName(0))
		for _, r := range rows {
			seen.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	text := seen.String()
	if !strings.Contains(text, "张伟") || !strings.Contains(text, "1985") {
		t.Fatalf("the person or their birth year is not shown at all: %.400s", text)
	}
	date := ""
	for _, form := range []string{"1985-03-12", "19850312", "1985/03/12", "1985年3月12日", "1985年03月12日", "1985.03.12"} {
		if strings.Contains(text, form) {
			t.Errorf("the full birth date is shown as %q", form)
			date = "19850312"
		}
	}
	if strings.Contains(text, id) {
		t.Fatal("the full ID number is shown")
	}
	masks := regexp.MustCompile(`510402[0-9*]{11}[0-9X*]`).FindAllString(text, -1)
	if len(masks) == 0 {
		t.Fatal("no masked ID number shown")
	}
	if n := idCandidates("510402", masks, 1985, date, true); n < minCandidates {
		t.Errorf("what staff see (masks %q) leaves %d candidate ID numbers, want at least %d", masks, n, minCandidates)
	}

	// Nor does the row: a stolen database file rebuilds nothing either.
	rows, err := ta.DB.Query(ctx, `SELECT * FROM people WHERE id = ?`, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	for rows.Next() {
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
	}
	rows.Close()
	var row strings.Builder
	for i, v := range vals {
		if b, ok := v.([]byte); ok {
			v = string(b)
		}
		fmt.Fprintf(&row, "%s=%v ", cols[i], v)
	}
	if r := row.String(); strings.Contains(r, "1985-03-12") || strings.Contains(r, "19850312") {
		t.Errorf("the row holds the birth date: %s", r)
	}

	// Only a permitted user reveals the full date, and the reveal is audited.
	res, body := staff.post(fmt.Sprintf("/people/%d/reveal", p.ID), url.Values{"field": {people.FieldBirth}})
	if res.StatusCode != http.StatusForbidden || strings.Contains(body, "1985-03-12") {
		t.Errorf("staff reveal of the birth date: %d", res.StatusCode)
	}
	admin, _ := ta.user(t, "cityadmin", access.OrgAdmin, ta.city)
	res, body = admin.post(fmt.Sprintf("/people/%d/reveal", p.ID), url.Values{"field": {people.FieldBirth}})
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `<code id="revealed-birth">1985-03-12</code>`) {
		t.Errorf("admin reveal of the birth date: %d", res.StatusCode)
	}
	var n int
	if err := ta.DB.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'person.reveal' AND target = ? AND summary LIKE ?`,
		fmt.Sprintf("person:%d", p.ID), "%birth_date%").Scan(&n); err != nil || n != 1 {
		t.Errorf("audited birth-date reveals: %d (%v)", n, err)
	}
}

// The candidate count itself: before D43 the page showed the date and the
// mask the last four characters, which leave exactly one number.
func TestIDCandidatesBeforeTheFix(t *testing.T) {
	id := citizenID("51040219850312201")
	if n := idCandidates("510402", []string{id[:6] + "********" + id[14:]}, 1985, "19850312", true); n != 1 {
		t.Errorf("old mask and date: %d candidates, want 1", n)
	}
	if n := idCandidates("510402", []string{id[:6] + "************"}, 1985, "", true); n != 365*500 {
		t.Errorf("region-only mask and year: %d candidates, want %d", n, 365*500)
	}
}
