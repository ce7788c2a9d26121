package people

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"kexie/internal/db"
)

// build loads every person; it runs once, in the background on a server.
func (x *memIndex) build(ctx context.Context, d *db.DB) error {
	var seq int64
	if err := d.QueryRow(ctx, `SELECT COALESCE(MAX(seq), 0) FROM people_changes`).Scan(&seq); err != nil {
		return fmt.Errorf("people: index: %w", err)
	}
	// Appending to the postings leaves their old arrays behind as garbage;
	// collecting it often keeps the build's peak memory near the index's
	// size (1M people: 378 → 2xx MB peak RSS) for a little more CPU time,
	// unless the operator chose GOGC.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(25))
	}
	// Sized up front: growing 1M-entry slices by appending would leave a
	// quarter of them unused and copies behind as garbage.
	var n int
	if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM people`).Scan(&n); err != nil {
		return fmt.Errorf("people: index: %w", err)
	}
	rows, err := d.Query(ctx, `SELECT `+memCols+`, COALESCE(pg.grade_n, 0) FROM people`+gradeJoin("people")+` ORDER BY people.id`)
	if err != nil {
		return fmt.Errorf("people: index: %w", err)
	}
	defer rows.Close()
	fresh := newMemIndex()
	fresh.docs, fresh.texts, fresh.names = make([]memDoc, 0, n), make([]memText, 0, n), make([]byte, 0, 9*n)
	for rows.Next() {
		var id, org int64
		var f [10]string
		var grade uint8
		if err := rows.Scan(&id, &org, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6], &f[7], &f[8], &f[9], &grade); err != nil {
			return fmt.Errorf("people: index: %w", err)
		}
		fresh.put(id, org, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], grade)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("people: index: %w", err)
	}
	// Trim the postings to their length: appending left up to half of
	// every slice unused.
	for t, l := range fresh.post {
		fresh.post[t] = append(make([]int32, 0, len(l)), l...)
	}
	fresh.names = append(make([]byte, 0, len(fresh.names)), fresh.names...)
	fresh.seq, fresh.ready = seq, true
	x.mu.Lock()
	x.ready, x.seq, x.sorted, x.later, x.docs, x.post, x.strs = true, fresh.seq, fresh.sorted, fresh.later, fresh.docs, fresh.post, fresh.strs
	x.texts, x.names, x.vals, x.orgs = fresh.texts, fresh.names, fresh.vals, fresh.orgs
	x.mu.Unlock()
	debug.FreeOSMemory() // return the build's garbage to the OS now, not later
	_, err = x.catchUp(ctx, d)
	return err
}

// gapGrace is how long a missing sequence number may still be an
// uncommitted transaction; after it, the gap is a rolled-back one.
const gapGrace = 30 * time.Second

// catchUp applies the changes committed since the last query. Sequence
// numbers can commit out of order on PostgreSQL, so a gap is re-read until
// it fills or is older than gapGrace. It also returns the youth age limit
// (see YouthAge), read in the same round trip, which every query needs.
func (x *memIndex) catchUp(ctx context.Context, d *db.DB) (youthAge int, err error) {
	x.mu.RLock()
	from := x.seq
	for s := range x.pending {
		if s-1 < from {
			from = s - 1
		}
	}
	x.mu.RUnlock()
	var last int64
	var age sql.NullString
	if err := d.QueryRow(ctx, `SELECT COALESCE((SELECT MAX(seq) FROM people_changes), 0), (SELECT value FROM settings WHERE key = ?)`,
		youthSetting).Scan(&last, &age); err != nil {
		return 0, fmt.Errorf("people: index catch-up: %w", err)
	}
	youthAge = DefaultYouthAge
	if n, err := strconv.Atoi(age.String); age.Valid && err == nil {
		youthAge = n
	}
	if last <= from {
		return youthAge, nil
	}
	rows, err := d.Query(ctx, `SELECT c.seq, c.person_id, COALESCE(p.org_id, 0), COALESCE(p.name, ''), COALESCE(p.employer, ''),
		COALESCE(p.expertise, ''), COALESCE(p.title_level, ''), COALESCE(p.region_code, ''), COALESCE(p.categories, ''),
		COALESCE(p.birth_year, 0), COALESCE(p.discipline, ''), COALESCE(p.disciplines2, ''), COALESCE(p.search_text, ''),
		`+gradeSQL("p.id")+`
		FROM people_changes c LEFT JOIN people p ON p.id = c.person_id WHERE c.seq > ? ORDER BY c.seq`, from)
	if err != nil {
		return 0, fmt.Errorf("people: index catch-up: %w", err)
	}
	defer rows.Close()
	type change struct {
		seq, id, org int64
		f            [10]string
		grade        uint8
	}
	var changes []change
	for rows.Next() {
		var c change
		if err := rows.Scan(&c.seq, &c.id, &c.org, &c.f[0], &c.f[1], &c.f[2], &c.f[3], &c.f[4], &c.f[5], &c.f[6], &c.f[7], &c.f[8],
			&c.f[9], &c.grade); err != nil {
			return 0, fmt.Errorf("people: index catch-up: %w", err)
		}
		changes = append(changes, c)
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("people: index catch-up: %w", err)
	}
	if len(changes) == 0 {
		return youthAge, nil
	}
	now := time.Now().UnixMilli()
	x.mu.Lock()
	defer x.mu.Unlock()
	next := x.seq
	for _, c := range changes {
		x.put(c.id, c.org, c.f[0], c.f[1], c.f[2], c.f[3], c.f[4], c.f[5], c.f[6], c.f[7], c.f[8], c.f[9], c.grade)
		delete(x.pending, c.seq)
		for s := next + 1; s < c.seq; s++ {
			if _, ok := x.pending[s]; !ok {
				x.pending[s] = now
			}
		}
		if c.seq > next {
			next = c.seq
		}
	}
	x.seq = next
	for s, seen := range x.pending {
		if now-seen > gapGrace.Milliseconds() {
			delete(x.pending, s)
		}
	}
	return youthAge, nil
}

// byIDs loads people in the order of ids.
func (s *Store) byIDs(ctx context.Context, ids []int64) ([]Person, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	ph := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		ph[i], args[i] = "?", id
	}
	rows, err := s.db.Query(ctx, `SELECT `+cols+` FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.id IN (`+strings.Join(ph, ",")+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("people: load page: %w", err)
	}
	defer rows.Close()
	byID := map[int64]Person{}
	for rows.Next() {
		p, err := scan(rows)
		if err != nil {
			return nil, err
		}
		byID[p.ID] = p
	}
	out := make([]Person, 0, len(ids))
	for _, id := range ids {
		if p, ok := byID[id]; ok {
			out = append(out, p)
		}
	}
	return out, rows.Err()
}
