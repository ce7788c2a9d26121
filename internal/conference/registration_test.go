package conference_test

import (
	"context"
	"fmt"
	"testing"

	"kexie/internal/conference"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/valid"
)

// One address registering the public for two conferences at once is held
// to MaxPerHour across both: each registration held only its own
// conference's lock, so those to the other conference did not wait and
// the address passed the bound (integrity review 52 left it).
func TestRegisterBoundAcrossConferences(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		var confs []int64
		for _, title := range []string{"2026年钒钛学术年会", "2026年稀土材料论坛"} {
			in := good(f.soc)
			in.Title, in.Capacity = title, "100"
			confs = append(confs, f.open(t, in))
		}
		ok := dbtest.Went(t, dbtest.AtOnce(2*conference.MaxPerHour, func(i int) error {
			_, err := f.s.Register(ctx, confs[i%2], conference.RegInput{Name: fmt.Sprint("公众", i), Contact: fmt.Sprintf("139000000%02d", i),
				Source: "one-address"})
			return err
		}), func(err error) bool { return valid.Has(err, "conference.err.rate") })
		n := count(t, d, `SELECT COUNT(*) FROM conference_regs WHERE source = 'one-address'`)
		if ok != conference.MaxPerHour || n != conference.MaxPerHour {
			t.Errorf("%d of %d went through, %d registered from one address to two conferences at once; want %d",
				ok, 2*conference.MaxPerHour, n, conference.MaxPerHour)
		}
		if _, err := f.s.Register(ctx, confs[1], conference.RegInput{Name: "公众甲", Contact: "13900000099", Source: "one-address"}); !valid.Has(err, "conference.err.rate") {
			t.Errorf("one more from the address: %v", err)
		}
		if _, err := f.s.Register(ctx, confs[1], conference.RegInput{Name: "公众乙", Contact: "13900000098", Source: "another-address"}); err != nil {
			t.Errorf("another address: %v", err)
		}
	})
}
