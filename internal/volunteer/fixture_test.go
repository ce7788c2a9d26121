package volunteer_test

import (
	"context"
	"testing"
	"time"

	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
	"kexie/internal/volunteer"
	"kexie/internal/web/webtest"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations(), volunteer.Migrations()}

type fixture struct {
	s          *volunteer.Store
	d          *db.DB
	city, peer org.Org
	now        *time.Time
}

func newStore(t testing.TB, d *db.DB) *volunteer.Store {
	return volunteer.NewStore(d, volunteer.Config{Keys: webtest.Keyring(t), LedgerKey: webtest.Key("volunteer-ledger"),
		Calendar: calendar.Fixed{C: calendar.New(calendar.Shipped())}})
}

func setup(t testing.TB, d *db.DB) *fixture {
	ctx := context.Background()
	orgs := org.NewStore(d, std.Regions())
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Beijing) // a Monday
	f := &fixture{d: d, now: &now, s: newStore(t, d)}
	d.Now = func() time.Time { return *f.now }
	root, err := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince})
	if err != nil {
		t.Fatal(err)
	}
	f.city, _ = orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
	f.peer, _ = orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
	return f
}

// idNumber makes a valid citizen ID number from a serial.
func idNumber(serial int) string {
	first := "51040219900101" + string(rune('0'+serial/100%10)) + string(rune('0'+serial/10%10)) + string(rune('0'+serial%10))
	return first + string(std.CitizenIDCheckDigit(first))
}

func (f *fixture) volunteer(t *testing.T, serial int, name string, userID int64) volunteer.Volunteer {
	t.Helper()
	v, err := f.s.Register(context.Background(), volunteer.Input{OrgID: f.city.ID, UserID: userID, Name: name, IDNumber: idNumber(serial), Skills: []string{"天文、科普讲解"}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if !valid.Has(err, code) {
		t.Fatalf("err = %v, want %s", err, code)
	}
}
