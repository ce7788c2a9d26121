package volunteer_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
)

// TestExportLayout: the export's columns are PlatformHeaders, every row as
// wide as the headers, hours and masked ID numbers in their columns, and a
// peer scope exports nobody.
func TestExportLayout(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		v := f.volunteer(t, 1, "张三", 10)
		f.volunteer(t, 2, "李四", 11)
		f.serve(t, v, 90*time.Minute)
		tab, err := f.s.Export(ctx, volunteer.Filter{Scope: access.Subtrees(f.city.Path), Sort: "name"})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(tab.Headers, volunteer.PlatformHeaders) || len(tab.Rows) != 2 {
			t.Fatalf("export = %v, %d rows", tab.Headers, len(tab.Rows))
		}
		col := func(name string) int { return slices.Index(volunteer.PlatformHeaders, name) }
		for _, r := range tab.Rows {
			if len(r) != len(volunteer.PlatformHeaders) {
				t.Fatalf("row %v is %d wide", r, len(r))
			}
			if r[col("姓名")] == "张三" && (r[col("累计服务时长（小时）")] != "1.5" || r[col("证件号码")] != v.IDMasked) {
				t.Errorf("张三's row: %v", r)
			}
		}
		if peer, _ := f.s.Export(ctx, volunteer.Filter{Scope: access.Subtrees(f.peer.Path)}); len(peer.Rows) != 0 {
			t.Fatalf("the peer exports %d rows", len(peer.Rows))
		}
	})
}
