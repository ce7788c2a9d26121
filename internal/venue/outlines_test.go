package venue_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/venue"
)

// testOutlines are two made-up rectangles around the test venues (not real
// boundaries): enough for the map to draw outlines.
const testOutlines = `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"示例甲区"},"geometry":{"type":"Polygon","coordinates":[[[101.55,26.45],[101.75,26.45],[101.75,26.75],[101.55,26.75],[101.55,26.45]]]}},
{"type":"Feature","properties":{"name":"示例乙区"},"geometry":{"type":"MultiPolygon","coordinates":[[[[101.75,26.45],[101.95,26.45],[101.95,26.75],[101.75,26.75],[101.75,26.45]]]]}}]}`

func TestParseOutlines(t *testing.T) {
	o, err := venue.ParseOutlines([]byte(testOutlines))
	if err != nil || o.Features != 2 || o.ETag == "" {
		t.Fatalf("outlines = %+v, %v", o, err)
	}
	for name, bad := range map[string]string{
		"not JSON":  `{"type":`,
		"not a FC":  `{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,1],[0,0]]]}}`,
		"empty":     `{"type":"FeatureCollection","features":[]}`,
		"a point":   `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Point","coordinates":[1,2]}}]}`,
		"no name":   `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,1],[0,0]]]}}]}`,
		"no coords": `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon"}}]}`,
	} {
		if _, err := venue.ParseOutlines([]byte(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := venue.ParseOutlines(make([]byte, venue.MaxOutlines+1)); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("too big: %v", err)
	}
}

func writeOutlines(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "regions.geojson")
	if err := os.WriteFile(p, []byte(testOutlines), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOutlinesServed: without outlines the map is the plain grid and the
// file is not found; once loaded, the file is served by the platform itself
// (cacheable) and the public and staff maps name it.
func TestOutlinesServed(t *testing.T) {
	eachDB(t, func(t *testing.T, vs venueSite) {
		staff, _ := vs.User(t, "venuestaff", access.OrgStaff, vs.City)
		if _, err := vs.Venues.Create(context.Background(), venue.Input{OrgID: vs.City.ID, Kind: venue.KindMuseum, Name: "攀枝花市科技馆",
			RegionCode: "510402", Lng: fp(101.716), Lat: fp(26.585)}); err != nil {
			t.Fatal(err)
		}
		anon := vs.Client(t)
		if res, _ := anon.Get(venue.OutlinesPath); res.StatusCode != http.StatusNotFound {
			t.Fatalf("no outlines: %d", res.StatusCode)
		}
		if _, body := anon.Get("/v"); strings.Contains(body, "kexieMap") || !strings.Contains(body, "data-chart") {
			t.Fatal("the map without outlines names them, or is missing")
		}
		if err := vs.Venues.LoadOutlines(filepath.Join(t.TempDir(), "missing.geojson")); err == nil || vs.Venues.HasOutlines() {
			t.Fatal("a missing file loaded")
		}
		if err := vs.Venues.LoadOutlines(writeOutlines(t)); err != nil {
			t.Fatal(err)
		}
		res, body := anon.Get(venue.OutlinesPath)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/geo+json" || !strings.Contains(body, "示例甲区") {
			t.Fatalf("outlines: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		if tag := res.Header.Get("ETag"); tag == "" {
			t.Fatal("no ETag")
		}
		_, body = anon.Get("/v")
		if !strings.Contains(body, "kexieMap") || !strings.Contains(body, "boundingCoords") {
			t.Fatal("the public map does not name the outlines")
		}
		if _, body = staff.Get("/venues"); !strings.Contains(body, "kexieMap") {
			t.Fatal("the staff map does not name the outlines")
		}
	})
}

// TestBrowserOutlines: with outlines loaded, the public map draws them
// (fetched from the platform, no outside service) under the venues, at
// 1,280 px and at 390 px, nothing wider than the screen.
func TestBrowserOutlines(t *testing.T) {
	eachDB(t, func(t *testing.T, vs venueSite) {
		for _, v := range []venue.Input{{Kind: venue.KindMuseum, Name: "攀枝花市科技馆", Lng: fp(101.716), Lat: fp(26.585)},
			{Kind: venue.KindEStation, Name: "银江镇科普e站", Lng: fp(101.82), Lat: fp(26.66), Township: "银江镇"}} {
			v.OrgID, v.RegionCode = vs.City.ID, "510402"
			if _, err := vs.Venues.Create(context.Background(), v); err != nil {
				t.Fatal(err)
			}
		}
		if err := vs.Venues.LoadOutlines(writeOutlines(t)); err != nil {
			t.Fatal(err)
		}
		b := vs.Tab(t, 30*time.Second)
		for _, w := range []int64{1280, 390} {
			b.Run("viewport", chromedp.EmulateViewport(w, 844))
			b.Open("/v", `#venue-map[data-outlines][data-chart-ready]`)
			paths, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll("#venue-map svg path").length`))
			if err != nil {
				b.Fail("paths", err)
			}
			if paths < 4 { // two outlines and two markers at least
				t.Errorf("at %d px the map has %d paths", w, paths)
			}
			width, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if int64(width) > w {
				t.Errorf("at %d px the page is %d px wide", w, width)
			}
		}
		b.Shot("venue-public-map-outlines")
	})
}
