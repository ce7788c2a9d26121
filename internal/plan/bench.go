package plan

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/db"
)

// BenchDoc builds a plan document's structure of the size the dashboard
// benchmark needs: tops top-level sections of subs tasks each, indicators
// spread over the tasks, and one lead unit per task from units.
func BenchDoc(title string, start, end, tops, subs, indicators int, units []string) *Doc {
	cn := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"}
	doc := &Doc{Title: title, Period: Period{Start: &start, End: &end}}
	var tasks [][]string
	for i := 0; i < tops && i < len(cn); i++ {
		top := &Section{Number: cn[i], Title: fmt.Sprintf("第%s部分重点任务", cn[i]), Level: 1}
		for j := 0; j < subs && j < len(cn); j++ {
			num := "(" + cn[j] + ")"
			top.Children = append(top.Children, &Section{Number: num, Title: fmt.Sprintf("任务%d-%d", i+1, j+1), Level: 2})
			tasks = append(tasks, []string{cn[i], num})
			doc.Responsibilities = append(doc.Responsibilities, Responsibility{Section: []string{cn[i], num},
				Lead: []string{units[len(tasks)%len(units)]}, Cooperate: []string{units[(len(tasks)+1)%len(units)]}})
		}
		doc.Sections = append(doc.Sections, top)
	}
	for k := 0; k < indicators; k++ {
		v := float64(10 + k%90)
		dl := end
		ind := Indicator{Text: fmt.Sprintf("到%d年指标%d达到%g项", end, k+1, v), Section: tasks[k%len(tasks)],
			Metric: fmt.Sprintf("指标%d", k+1), Comparator: ">=", Value: &v, Unit: "项", DeadlineYear: &dl}
		if k%5 == 0 {
			per := "year"
			ind.Per = &per
		}
		doc.Indicators = append(doc.Indicators, ind)
	}
	return doc
}

// BenchEntry is an accepted ledger row written by SeedLedger.
type BenchEntry struct {
	IndicatorID, OrgID int64
	Year, Quarter      int
	Value              float64
}

// SeedLedger writes accepted progress entries in bulk, without the checks
// and audit records of File and Review, then stores each indicator's latest
// reading. It exists for benchmark fixtures (hundreds of thousands of rows)
// and must not be used for real data.
func (s *Store) SeedLedger(ctx context.Context, planID int64, entries []BenchEntry) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		const per = 200
		for i := 0; i < len(entries); i += per {
			batch := entries[i:min(i+per, len(entries))]
			var b strings.Builder
			args := make([]any, 0, len(batch)*9)
			b.WriteString(`INSERT INTO plan_progress (id, plan_id, indicator_id, org_id, year, quarter, value, narrative, state, submitted_by,
				submitted_at, reviewed_at) VALUES `)
			for j, e := range batch {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString("(?, ?, ?, ?, ?, ?, ?, '', 'accepted', 0, ?, ?)")
				now := db.Millis(tx.Now)
				args = append(args, tx.NewID(), planID, e.IndicatorID, e.OrgID, e.Year, e.Quarter, e.Value, now, now)
			}
			if _, err := tx.Exec(ctx, b.String(), args...); err != nil {
				return fmt.Errorf("plan: seed ledger: %w", err)
			}
		}
		seen := map[int64]bool{}
		for _, e := range entries {
			if !seen[e.IndicatorID] {
				seen[e.IndicatorID] = true
				if err := refreshLatest(ctx, tx, e.IndicatorID); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
