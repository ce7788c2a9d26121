package org_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

// TestRegionFilter: a region filter takes the region and what lies in it,
// by GB/T 2260 levels, not by trailing zeros.
func TestRegionFilter(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		root, err := s.Create(ctx, org.Input{Code: "ROOT", Name: "河南省科协", Type: org.TypeProvince, RegionCode: "410000"})
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range []org.Input{
			{Code: "XC", Name: "许昌市科协", Type: org.TypeCity, RegionCode: "411000"},
			{Code: "XC-WD", Name: "魏都区科协", Type: org.TypeCounty, RegionCode: "411002"},
			{Code: "LH", Name: "漯河市科协", Type: org.TypeCity, RegionCode: "411100"},
			{Code: "LH-YH", Name: "源汇区科协", Type: org.TypeCounty, RegionCode: "411102"},
		} {
			in.ParentID = root.ID
			if _, err := s.Create(ctx, in); err != nil {
				t.Fatal(err)
			}
		}
		for _, tt := range []struct {
			region string
			want   int
		}{{"411000", 2}, {"411100", 2}, {"411002", 1}, {"410000", 5}, {"4110", 2}, {"500000", 0}} {
			if _, total, err := s.List(ctx, org.Filter{Scope: access.Everywhere(), RegionCode: tt.region}); err != nil || total != tt.want {
				t.Errorf("region %s: %d orgs, %v; want %d", tt.region, total, err, tt.want)
			}
		}
		if o, err := s.GetByCode(ctx, " xc-wd "); err != nil || o.Code != "XC-WD" {
			t.Errorf("GetByCode ignores case and spaces: %v", err)
		}
	})
}
