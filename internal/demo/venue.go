package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"kexie/internal/org"
	"kexie/internal/venue"
)

// place is an org of the demo with its region and place name.
type place struct {
	Org    org.Org
	Region string
	Name   string
}

// makeVenues registers the 科普 venues of the first cities: a 科技馆 and two
// 科普教育基地 per city, a 科普画廊 and a 大篷车, and in each of their
// first four counties 科普e站 in three townships with most of the “六有”; a few were
// warned or removed at the 2025 review; each has its visitors for 2024 and
// 2025. Coordinates are drawn around each city's point, for the map.
func makeVenues(ctx context.Context, vs *venue.Store, cities, counties []place, rng *rand.Rand) (int, error) {
	n := 0
	f := func(x float64) *float64 { return &x }
	add := func(o org.Org, kind, name, level, region, township string, lng, lat float64, six int) (venue.Venue, error) {
		in := venue.Input{OrgID: o.ID, Kind: kind, Name: name, Level: level, RegionCode: region, Township: township,
			Address: township + "人民路" + fmt.Sprint(1+rng.IntN(200)) + "号", Lng: f(lng), Lat: f(lat),
			Hours: "周二至周日 9:00–17:00（周一闭馆）", Capacity: 50 + rng.IntN(20)*50, Contact: "办公室 0" + fmt.Sprint(800+rng.IntN(99)) + "-" + fmt.Sprint(2000000+rng.IntN(7000000)),
			Six: map[string]bool{}}
		for i, it := range venue.SixItems() {
			in.Six[it] = i < six
		}
		v, err := vs.Create(ctx, in)
		if err != nil {
			return v, err
		}
		n++
		years := []int{2024, 2025}
		if kind == venue.KindEStation {
			years = years[1:]
		}
		for _, y := range years {
			if err := vs.SetVisitors(ctx, v.ID, y, int64(500+rng.IntN(20000))); err != nil {
				return v, err
			}
		}
		return v, nil
	}
	for i, c := range cities {
		if i >= 6 {
			break
		}
		// A point per city, spread over the province's middle.
		lng, lat := 102.0+float64(i%3)*1.6+rng.Float64()*0.3, 27.5+float64(i/3)*2.2+rng.Float64()*0.3
		jit := func() float64 { return (rng.Float64() - 0.5) * 0.4 }
		if _, err := add(c.Org, venue.KindMuseum, c.Name+"科技馆", "city", c.Region, "", lng, lat, 0); err != nil {
			return n, err
		}
		for j, b := range []string{"青少年科技教育基地", "现代农业科普教育基地"} {
			level := []string{"provincial", "city"}[j]
			if _, err := add(c.Org, venue.KindBase, c.Name+b, level, c.Region, "", lng+jit(), lat+jit(), 0); err != nil {
				return n, err
			}
		}
		if _, err := add(c.Org, venue.KindGallery, c.Name+"人民公园科普画廊", "", c.Region, "", lng+jit(), lat+jit(), 0); err != nil {
			return n, err
		}
		if _, err := add(c.Org, venue.KindMobile, c.Name+"科普大篷车", "", c.Region, "", lng, lat, 0); err != nil {
			return n, err
		}
		seen := 0
		for _, k := range counties {
			if len(k.Region) < 4 || len(c.Region) < 4 || k.Region[:4] != c.Region[:4] || seen == 4 {
				continue
			}
			seen++
			for t, town := range []string{"城关镇", "新华街道", "河西乡"} {
				six := 6
				if rng.IntN(4) == 0 {
					six = 3 + rng.IntN(3)
				}
				v, err := add(k.Org, venue.KindEStation, k.Name+town+"科普e站", "", k.Region, town, lng+jit(), lat+jit(), six)
				if err != nil {
					return n, err
				}
				if six < 6 && t == 2 {
					outcome, comment := venue.Warned, "“六有”不全，限期整改"
					if rng.IntN(3) == 0 {
						outcome, comment = venue.Removed, "整改后仍不达标，予以摘牌"
					}
					if err := vs.AddReview(ctx, v.ID, venue.ReviewInput{Year: 2025, Score: 50 + float64(rng.IntN(10)), Outcome: outcome, Comment: comment}); err != nil {
						return n, err
					}
				} else if t == 0 {
					if err := vs.AddReview(ctx, v.ID, venue.ReviewInput{Year: 2025, Score: 80 + float64(rng.IntN(20)), Outcome: venue.Kept}); err != nil {
						return n, err
					}
				}
			}
		}
	}
	return n, nil
}
