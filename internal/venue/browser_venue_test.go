package venue_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/venue"
)

// TestBrowserVenue runs on a phone-sized screen: staff register a 科普e站
// with its coordinates and part of the “六有”, a wrong latitude is refused
// with the input kept; the venue then shows on the staff and public map,
// the administrator's warning review sets its status, and the coverage page
// counts it under its county.
func TestBrowserVenue(t *testing.T) {
	eachDB(t, func(t *testing.T, vs venueSite) {
		vs.CreateUser(t, "venuestaff", access.OrgStaff, vs.City)
		boss, _ := vs.User(t, "venueboss", access.OrgAdmin, vs.City)
		if _, err := vs.Venues.Create(context.Background(), venue.Input{OrgID: vs.City.ID, Kind: venue.KindMuseum, Name: "攀枝花市科技馆",
			RegionCode: "510402", Lng: fp(101.716), Lat: fp(26.585), Hours: "周二至周日 9:00–17:00"}); err != nil {
			t.Fatal(err)
		}
		b := vs.Tab(t, 30*time.Second)
		phone := chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2))
		b.Login("venuestaff")
		b.Run("phone", phone)
		b.Open("/venues", `#venue-create`)
		b.Run("fill", chromedp.SetValue(chromedp.CSS(`#new-venue input[name=name]`), "银江镇科普e站"),
			chromedp.SetValue(chromedp.CSS(`#new-venue input[name=region_code]`), "510411"),
			chromedp.SetValue(chromedp.CSS(`#new-venue input[name=township]`), "银江镇"),
			chromedp.SetValue(chromedp.CSS(`#new-venue input[name=lng]`), "101.82"),
			chromedp.SetValue(chromedp.CSS(`#new-venue input[name=lat]`), "99"),
			chromedp.Click(chromedp.CSS(`#new-venue input[name=six_place]`)),
			chromedp.Click(chromedp.CSS(`#new-venue input[name=six_terminal]`)),
			chromedp.Click(chromedp.CSS(`#venue-create`)))
		b.WaitText("latitude refused", `#new-venue`, "纬度应在 3 到 54 之间")
		if got := b.Value(`#new-venue input[name=name]`); got != "银江镇科普e站" {
			t.Errorf("the name was not kept: %q", got)
		}
		b.Run("fix", chromedp.SetValue(chromedp.CSS(`#new-venue input[name=lat]`), "26.66"), chromedp.Click(chromedp.CSS(`#venue-create`)),
			chromedp.WaitVisible(chromedp.CSS(`#six-list`)))
		if six := b.Text(`#six-list`); !strings.Contains(six, "✓ 有场所") || !strings.Contains(six, "✗ 有网络") {
			t.Errorf("the 六有 list: %q", six)
		}
		id := strings.TrimPrefix(b.Location(), vs.URL+"/venues/")
		if b.Text(`main`); strings.Contains(b.Text(`main`), "保存考评") {
			t.Error("staff who keep the venue may also review it")
		}
		// The administrator reviews (staff who keep a venue never review it).
		if res, _ := boss.Post("/venues/"+id+"/reviews", url.Values{"year": {"2025"}, "score": {"58"}, "outcome": {"warned"},
			"comment": {"无网络，限期整改"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("review: got %d", res.StatusCode)
		}
		b.Open("/venues/"+id, `#review-table`)
		b.WaitText("warned", `#venue-status`, "警告整改")
		b.Shot("venue-show")
		b.Run("phone", phone)
		b.Open("/venues", `#venue-map[data-chart-ready]`)
		b.Shot("venue-list")
		b.Run("phone", phone)
		b.Open("/venues/coverage?region=510400", `#coverage-table`)
		if cov := b.Text(`#coverage-table`); !strings.Contains(cov, "仁和区") {
			t.Errorf("coverage lacks 仁和区: %q", cov)
		}
		b.Shot("venue-coverage")
		b.Logout()
		b.Run("phone", phone)
		b.Open("/v", `#venue-map[data-chart-ready]`)
		if list := b.Text(`#public-venues`); !strings.Contains(list, "银江镇科普e站") || !strings.Contains(list, "攀枝花市科技馆") {
			t.Errorf("public list: %q", list)
		}
		b.Shot("venue-public-map")
		b.Open(fmt.Sprintf("/v/%s", id), `.kv`)
	})
}
