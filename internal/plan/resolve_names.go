package plan

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"kexie/internal/web"
)

// Names resolves plan ids to their titles and pages, for the audit log.
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, title FROM plans WHERE id IN (%s)`, ids,
		func(id int64) string { return "/plans/" + strconv.FormatInt(id, 10) })
}

// IndicatorNames resolves target ids to their metrics, linked to the
// target's page, for the audit log.
func (s *Store) IndicatorNames(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	out := map[int64]web.Name{}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.Query(ctx, `SELECT id, plan_id, metric FROM plan_indicators WHERE id IN (`+
			strings.TrimSuffix(strings.Repeat("?,", len(chunk)), ",")+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("plan: indicator names: %w", err)
		}
		for rows.Next() {
			var id, planID int64
			var metric string
			if err := rows.Scan(&id, &planID, &metric); err != nil {
				rows.Close()
				return nil, fmt.Errorf("plan: indicator names: %w", err)
			}
			out[id] = web.Name{Text: metric, Href: "/plans/" + strconv.FormatInt(planID, 10) + "/indicators/" + strconv.FormatInt(id, 10)}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("plan: indicator names: %w", err)
		}
	}
	return out, nil
}
