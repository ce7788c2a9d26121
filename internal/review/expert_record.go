package review

import (
	"context"
	"fmt"
	"math"
	"strings"
)

// Record is an expert's review record (评审专家信用评价) over every stage
// they reviewed in: what staff look at when building the next pool.
type Record struct {
	PersonID  int64
	Assigned  int
	Done      int
	OnTime    int // scored by the stage's deadline (or with none)
	Declined  int
	Deviation float64 // mean absolute distance from the other reviewers' mean on the same applications
}

// OnTimeRate is the share of scored assignments handed in on time.
func (r Record) OnTimeRate() float64 {
	if r.Done == 0 {
		return 0
	}
	return float64(r.OnTime) / float64(r.Done)
}

// Records returns the review records of the given experts (person IDs).
func (s *Store) Records(ctx context.Context, personIDs []int64) (map[int64]Record, error) {
	out := map[int64]Record{}
	if len(personIDs) == 0 {
		return out, nil
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(personIDs)), ",")
	args := make([]any, len(personIDs))
	for i, id := range personIDs {
		args[i] = id
		out[id] = Record{PersonID: id}
	}
	rows, err := s.db.Query(ctx, `SELECT g.person_id, g.application_id, g.stage_id, g.status, g.total, g.due_at, g.done_at
		FROM review_assignments g WHERE g.person_id IN (`+marks+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("review: records: %w", err)
	}
	type key struct{ stage, app int64 }
	mine := map[int64][]struct {
		k key
		v float64
	}{}
	var pairs []key
	for rows.Next() {
		var person, app, stage, due, done int64
		var status string
		var total float64
		if err := rows.Scan(&person, &app, &stage, &status, &total, &due, &done); err != nil {
			rows.Close()
			return nil, fmt.Errorf("review: records: %w", err)
		}
		r := out[person]
		r.Assigned++
		switch status {
		case AssignDeclined:
			r.Declined++
		case AssignDone:
			r.Done++
			if due == 0 || done <= due {
				r.OnTime++
			}
			k := key{stage, app}
			mine[person] = append(mine[person], struct {
				k key
				v float64
			}{k, total})
			pairs = append(pairs, k)
		}
		out[person] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// The consensus of each (stage, application) the experts scored, in
	// one query over their stages.
	sum := map[key][2]float64{}
	stageSet := map[int64]bool{}
	var stageArgs []any
	for _, k := range pairs {
		if !stageSet[k.stage] {
			stageSet[k.stage] = true
			stageArgs = append(stageArgs, k.stage)
		}
	}
	if len(stageArgs) > 0 {
		q, err := s.db.Query(ctx, `SELECT stage_id, application_id, COUNT(*), SUM(total) FROM review_assignments
			WHERE status = 'done' AND stage_id IN (`+strings.TrimSuffix(strings.Repeat("?,", len(stageArgs)), ",")+`)
			GROUP BY stage_id, application_id`, stageArgs...)
		if err != nil {
			return nil, fmt.Errorf("review: records: %w", err)
		}
		for q.Next() {
			var k key
			var n, t float64
			if err := q.Scan(&k.stage, &k.app, &n, &t); err != nil {
				q.Close()
				return nil, fmt.Errorf("review: records: %w", err)
			}
			sum[k] = [2]float64{n, t}
		}
		q.Close()
		if err := q.Err(); err != nil {
			return nil, err
		}
	}
	for person, list := range mine {
		var dev float64
		var n int
		for _, m := range list {
			c := sum[m.k]
			if c[0] < 2 {
				continue
			}
			others := (c[1] - m.v) / (c[0] - 1)
			dev += math.Abs(m.v - others)
			n++
		}
		if n > 0 {
			r := out[person]
			r.Deviation = round(dev / float64(n))
			out[person] = r
		}
	}
	return out, nil
}
