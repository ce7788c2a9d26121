package people_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// BenchmarkImport imports 5,000 new people per iteration, on SQLite and on
// PostgreSQL (rows/s is reported as a metric).
func BenchmarkImport(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchImport(b, dbtest.OpenSQLite(b, sets...)) })
	b.Run("postgres", func(b *testing.B) { benchImport(b, dbtest.OpenPostgres(b, sets...)) })
}

func benchImport(b *testing.B, d *db.DB) {
	ctx := context.Background()
	f := setup(b, d)
	iter := 0
	for b.Loop() {
		var sb strings.Builder
		sb.WriteString("姓名,身份证号,手机号,工作单位,地区代码,职称级别,研究方向,人才类别\n")
		for i := range 5000 {
			first := fmt.Sprintf("5104021%03d%02d%02d%03d", 960+iter%40, 1+i%12, 1+i%28, i%1000)
			fmt.Fprintf(&sb, "张伟%d,%s,138%08d,攀枝花钢铁研究院,510402,senior,钒钛磁铁矿综合利用与高炉渣提钛,高层次人才\n", i, idNumber(first), i)
		}
		iter++
		res, err := f.s.Import(ctx, strings.NewReader(sb.String()), "b.csv", f.city.ID, false)
		if err != nil || len(res.Errors) > 0 {
			b.Fatalf("%v %+v", err, res.Errors[:min(3, len(res.Errors))])
		}
		if res.Created != 5000 {
			b.Fatalf("created %d, want 5000", res.Created)
		}
	}
	b.ReportMetric(float64(5000*iter)/b.Elapsed().Seconds(), "rows/s")
}
