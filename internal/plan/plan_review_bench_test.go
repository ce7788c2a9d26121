package plan_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/plan"
)

// BenchmarkShowPage serves a draft's review page (read, re-read, matched,
// rendered) to its signed-in staff over HTTP, on SQLite, for a plan of
// ordinary size and for the 1 MB plan of BenchmarkIngest (the project's
// plan documents repeated, cut to a whole character).
func BenchmarkShowPage(b *testing.B) {
	var all, first []byte
	for _, name := range []string{"shi_kexie_shiwuwu.txt", "kepu_xingdong.txt", "rencai_fangan.docx", "chanye_fangan.pdf",
		"keji_chuangxin.html", "kepu_gangyao_2016.txt", "kexie_zhibiao_lines.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "plans", name))
		if err != nil {
			b.Fatal(err)
		}
		text, err := plan.DocumentText(context.Background(), name, data)
		if err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		if first == nil {
			first = []byte(text)
		}
		all = append(append(all, text...), '\n')
	}
	big := strings.ToValidUTF8(string(bytes.Repeat(all, 1+(1<<20)/len(all))[:1<<20]), "")
	ps := servePlans(b, dbtest.OpenSQLite(b))
	staff, _ := ps.User(b, "planner", access.OrgStaff, ps.City)
	for _, c := range []struct{ name, text string }{{"shi_kexie_shiwuwu.txt", string(first)}, {"1MB", big}} {
		doc, err := plan.Ingest(strings.NewReader(c.text))
		if err != nil {
			b.Fatal(err)
		}
		id, err := ps.Plans.Save(context.Background(), ps.City.ID, doc, "plan.txt", c.text, []byte(c.text))
		if err != nil {
			b.Fatal(err)
		}
		page := "/plans/" + strconv.FormatInt(id, 10)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if res, body := staff.Get(page); res.StatusCode != 200 || !strings.Contains(body, `id="plan-tree"`) {
					b.Fatalf("%s: %d", page, res.StatusCode)
				}
			}
			b.ReportMetric(float64(len(doc.Targets())), "targets")
			b.ReportMetric(float64(len(doc.Indicators)-len(doc.Targets())), "candidates")
		})
	}
}
