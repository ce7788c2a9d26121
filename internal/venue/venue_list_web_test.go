package venue_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/venue"
)

// The staff list's 行政区划 filter reads a region typed by name (as the
// people list's does): one region becomes its code in the address and
// lists its venues; a name of no region, or of several, is said and
// lists nothing — never every venue as if no filter were set.
func TestListRegionByName(t *testing.T) {
	eachDB(t, func(t *testing.T, vs venueSite) {
		newStation(t, vs, "东区炳草岗科普e站", "炳草岗街道")
		if _, err := vs.Venues.Create(context.Background(), venue.Input{OrgID: vs.City.ID, Kind: venue.KindEStation, Name: "仁和区大河科普e站",
			RegionCode: "510411", Township: "大河中路街道", Address: "大河中路", Lng: fp(101.74), Lat: fp(26.5), Six: map[string]bool{}}); err != nil {
			t.Fatal(err)
		}
		staff, _ := vs.User(t, "staff", access.OrgStaff, vs.City)
		res, _ := staff.Get("/venues?region=" + url.QueryEscape("仁和区"))
		if loc := res.Header.Get("Location"); loc != "/venues?region=510411" {
			t.Errorf("仁和区 went to %d %q, want /venues?region=510411", res.StatusCode, loc)
		}
		_, body := staff.Get("/venues?region=510411")
		if !strings.Contains(body, "仁和区大河科普e站") || strings.Contains(body, "东区炳草岗科普e站") {
			t.Error("by 仁和区: want only its venue")
		}
		if !strings.Contains(body, `placeholder="名称、代码或拼音缩写"`) {
			t.Error("the region filter does not say what it takes")
		}
		for _, tc := range []struct{ typed, want string }{{"无此地区", "未找到地区“无此地区”"}, {"朝阳区", "“朝阳区”对应多个地区"}} {
			_, body = staff.Get("/venues?region=" + url.QueryEscape(tc.typed))
			if !strings.Contains(body, tc.want) {
				t.Errorf("region=%s: the page does not say %s", tc.typed, tc.want)
			}
			if strings.Contains(body, "科普e站</a>") {
				t.Errorf("region=%s lists venues", tc.typed)
			}
		}
	})
}
