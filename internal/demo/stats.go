package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/stats"
	"kexie/internal/valid"
)

// StatsResult counts the demo's 统计年报 forms of the year being filed,
// by status, and those of the year before (all approved).
type StatsResult struct {
	Year     int
	Last     int
	ByStatus map[stats.Status]int
}

// statsFigures makes up a consistent form for an org of type t, about
// size times a county's figures: parts within their totals, income the
// sum of its sources. grow scales last year's (nil: a first year).
func statsFigures(rng *rand.Rand, t org.Type, last stats.Values, grow float64) map[string]string {
	size := map[org.Type]float64{org.TypeProvince: 40, org.TypeCity: 8, org.TypeCounty: 1, org.TypeSociety: 0.6}[t]
	if size == 0 {
		size = 1
	}
	vals := stats.Values{}
	pick := func(code string, lo, hi float64) int64 {
		in, _ := stats.Current.Indicator(code)
		if v, ok := last[code]; ok {
			return int64(float64(v) * (grow + rng.Float64()*0.1))
		}
		x := (lo + rng.Float64()*(hi-lo)) * size
		for i := 0; i < in.Scale; i++ {
			x *= 10
		}
		return int64(x)
	}
	part := func(code, of string, lo, hi float64) {
		v := int64(float64(vals[of]) * (lo + rng.Float64()*(hi-lo)))
		vals[code] = v
	}
	for code, r := range map[string][2]float64{"A01": {3, 6}, "A02": {40, 80}, "A06": {5, 15}, "A07": {2, 6}, "A08": {20, 60},
		"B01": {800, 1600}, "B05": {8, 16}, "B07": {10, 30}, "C01": {4, 10}, "C03": {400, 1200}, "C05": {40, 120}, "C06": {0, 2},
		"D01": {60, 140}, "D03": {9000, 20000}, "D04": {3, 8}, "D05": {200, 500}, "D06": {5, 20}, "E01": {20, 50}, "E04": {300, 900},
		"E05": {2, 6}, "E06": {15, 40}, "F02": {120, 300}, "F03": {10, 40}, "F04": {20, 80}, "F05": {5, 20}, "F06": {150, 400}} {
		vals[code] = pick(code, r[0], r[1])
	}
	part("A03", "A02", .2, .35)
	part("A04", "A02", .02, .08)
	part("A05", "A02", .3, .5)
	part("B02", "B01", .3, .45)
	part("B03", "B01", .15, .3)
	part("B04", "B01", .2, .4)
	part("B06", "B05", .2, .5)
	part("C02", "C01", 0, .2)
	part("C04", "C03", 0, .05)
	part("D02", "D01", .3, .5)
	part("E02", "E01", .3, .6)
	part("E03", "E02", .3, .7)
	part("F07", "F06", .3, .4)
	part("F08", "F06", .3, .4)
	part("F09", "F06", .1, .2)
	vals["F01"] = vals["F02"] + vals["F03"] + vals["F04"] + vals["F05"]
	raw := map[string]string{}
	for _, in := range stats.Current.Indicators() {
		raw[in.Code] = stats.Format(vals[in.Code], in.Scale)
	}
	return raw
}

// Stats files the demo's 统计年报 through the module's own steps: every org
// that files has last year's form approved, and this year's (the one being
// filed now) is spread over every status — not started, drafts, waiting
// for review, returned with a reason, approved.
func Stats(ctx context.Context, ss *stats.Store, seed uint64) (StatsResult, error) {
	res := StatsResult{Year: ss.CurrentYear(), ByStatus: map[stats.Status]int{}}
	rng := rand.New(rand.NewPCG(seed, seed^0x2545f4914f6cdd1d))
	rows, _, err := ss.List(ctx, stats.Filter{Scope: access.Everywhere(), Year: res.Year - 1, Limit: 10000})
	if err != nil {
		return res, err
	}
	clerk := stats.Actor{Name: "办公室 统计员"}
	head := stats.Actor{UserID: -1, Name: "上级科协 统计处"}
	submit := func(r stats.Row, year int, raw map[string]string) (stats.SaveResult, error) {
		in := stats.Input{Raw: raw, Notes: map[string]string{}}
		out, err := ss.Submit(ctx, r.OrgID, year, in, clerk)
		if valid.Has(err, "stats.err.blocked") {
			// Year-over-year warnings: the demo's filer explains them.
			for _, is := range out.Issues {
				if !is.Warning {
					return out, fmt.Errorf("demo: stats %s %d: %s", r.OrgName, year, is.Rule)
				}
				in.Notes[is.Code] = "已与台账核对无误，变化系本年工作安排和统计口径调整所致。"
			}
			out, err = ss.Submit(ctx, r.OrgID, year, in, clerk)
		}
		return out, err
	}
	for i, r := range rows {
		if r.Status != stats.None {
			continue // filed by an earlier run
		}
		if _, err := submit(r, res.Year-1, statsFigures(rng, r.OrgType, nil, 1)); err != nil {
			return res, err
		}
		if err := ss.Approve(ctx, r.OrgID, res.Year-1, head); err != nil {
			return res, err
		}
		res.Last++
		last, err := ss.LastYear(ctx, r.OrgID, res.Year)
		if err != nil {
			return res, err
		}
		raw := statsFigures(rng, r.OrgType, last, 0.95)
		switch k := (i + int(seed)) % 10; {
		case k < 2: // not started
			continue
		case k < 3:
			if _, err := ss.Save(ctx, r.OrgID, res.Year, stats.Input{Raw: raw}, clerk); err != nil {
				return res, err
			}
		case k < 5:
			if _, err := submit(r, res.Year, raw); err != nil {
				return res, err
			}
		case k < 6:
			if _, err := submit(r, res.Year, raw); err != nil {
				return res, err
			}
			if err := ss.Return(ctx, r.OrgID, res.Year, "科普活动参加人次与活动场次不匹配，请核实后重新上报。", head); err != nil {
				return res, err
			}
		default:
			if _, err := submit(r, res.Year, raw); err != nil {
				return res, err
			}
			if err := ss.Approve(ctx, r.OrgID, res.Year, head); err != nil {
				return res, err
			}
		}
	}
	shares, err := ss.Shares(ctx, stats.Filter{Scope: access.Everywhere(), Year: res.Year})
	if err != nil {
		return res, err
	}
	res.ByStatus = shares
	if len(rows) == 0 {
		return res, errors.New("demo: no org files a statistical report")
	}
	return res, nil
}
