package volunteer

import (
	"context"
	"fmt"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
)

// Star is a star level reached by a volunteer, in or after its 公示.
type Star struct {
	VolunteerID int64
	Name        string // the volunteer's
	OrgName     string
	OrgPath     string
	Level       int
	ReachedAt   time.Time
	PublicityTo time.Time // the star is awarded at this instant
	Withheld    bool
	// ReviewSince is when a correction took the hours below the level's
	// (zero: never); ReviewOutcome is "" while staff have not decided,
	// then StarKept or StarRevoked.
	ReviewSince   time.Time
	ReviewOutcome string
}

// Outcomes of a star's review after a correction.
const (
	StarKept    = "kept"
	StarRevoked = "revoked"
)

// Awarded reports whether the star stands at now: its 公示 has ended and
// staff neither withheld nor revoked it. A star under review still stands.
func (st Star) Awarded(now time.Time) bool {
	return !st.Withheld && st.ReviewOutcome != StarRevoked && !now.Before(st.PublicityTo)
}

// UnderReview reports whether a correction flagged the star and staff have
// not yet kept or revoked it.
func (st Star) UnderReview() bool { return !st.ReviewSince.IsZero() && st.ReviewOutcome == "" }

// reachStars starts the 公示 of every level the total now reaches that has
// none yet (or was revoked), and, when lowered (a correction took time off),
// flags for review every standing level the total no longer reaches: a star
// is never taken away silently. The 公示 lasts PublicityDays working days
// from the next one.
func (s *Store) reachStars(ctx context.Context, tx *db.Tx, volunteerID, minutes int64, lowered bool, orgID int64, orgPath string) error {
	type held struct {
		withheld, reviewSince int64
		outcome               string
	}
	have := map[int]held{}
	rows, err := tx.Query(ctx, `SELECT level, withheld_at, review_since, review_outcome FROM volunteer_stars WHERE volunteer_id = ?`, volunteerID)
	if err != nil {
		return fmt.Errorf("volunteer: stars: %w", err)
	}
	for rows.Next() {
		var l int
		var h held
		if err := rows.Scan(&l, &h.withheld, &h.reviewSince, &h.outcome); err != nil {
			rows.Close()
			return fmt.Errorf("volunteer: stars: %w", err)
		}
		have[l] = h
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("volunteer: stars: %w", err)
	}
	for i, h := range StarHours {
		level := i + 1
		st, found := have[level]
		if minutes < int64(h)*60 {
			flagged := st.reviewSince != 0 && st.outcome == ""
			if !lowered || !found || st.withheld != 0 || st.outcome == StarRevoked || flagged {
				continue
			}
			if _, err := tx.Exec(ctx, `UPDATE volunteer_stars SET review_since = ?, review_outcome = '', reviewed_by = 0, reviewed_at = 0 WHERE volunteer_id = ? AND level = ?`,
				db.Millis(tx.Now), volunteerID, level); err != nil {
				return fmt.Errorf("volunteer: flag star: %w", err)
			}
			if err := audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: orgPath, Action: "volunteer.star_flag",
				Target: fmt.Sprintf("volunteer:%d", volunteerID), After: map[string]any{"level": level, "hours": FormatHours(minutes)}}); err != nil {
				return err
			}
			continue
		}
		if found && st.outcome != StarRevoked {
			continue
		}
		if s.cal == nil {
			return fmt.Errorf("volunteer: no calendar for the 公示")
		}
		// The 公示 starts the next day, so that all of its working days are
		// whole, and ends at 24:00 Beijing time of the fifth.
		to, err := s.cal.AddWorkdays(ctx, tx.Now.In(beijing).AddDate(0, 0, 1), PublicityDays)
		if err != nil {
			return err
		}
		if found {
			// A revoked level reached again starts a new 公示; the revocation
			// stays in the audit log.
			_, err = tx.Exec(ctx, `UPDATE volunteer_stars SET reached_at = ?, publicity_to = ?, withheld_at = 0, withheld_by = 0,
				review_since = 0, review_outcome = '', reviewed_by = 0, reviewed_at = 0 WHERE volunteer_id = ? AND level = ?`,
				db.Millis(tx.Now), db.Millis(to), volunteerID, level)
		} else {
			_, err = tx.Exec(ctx, `INSERT INTO volunteer_stars (volunteer_id, level, reached_at, publicity_to) VALUES (?, ?, ?, ?)`,
				volunteerID, level, db.Millis(tx.Now), db.Millis(to))
		}
		if err != nil {
			return fmt.Errorf("volunteer: star: %w", err)
		}
		if err := audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: orgPath, Action: "volunteer.star_publicity",
			Target: fmt.Sprintf("volunteer:%d", volunteerID), After: map[string]any{"level": level, "publicity_to": Day(to.Add(-time.Minute))}}); err != nil {
			return err
		}
	}
	return nil
}

const starCols = `s.volunteer_id, v.name, o.name, o.path, s.level, s.reached_at, s.publicity_to, s.withheld_at, s.review_since, s.review_outcome`

// scanStar scans one row of starCols.
func scanStar(row db.Scanner) (Star, error) {
	var st Star
	var reached, to, withheld, review int64
	if err := row.Scan(&st.VolunteerID, &st.Name, &st.OrgName, &st.OrgPath, &st.Level, &reached, &to, &withheld, &review, &st.ReviewOutcome); err != nil {
		return st, err
	}
	st.ReachedAt, st.PublicityTo, st.Withheld = db.Time(reached), db.Time(to), withheld != 0
	if review != 0 {
		st.ReviewSince = db.Time(review)
	}
	return st, nil
}

func scanStars(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
}) ([]Star, error) {
	var out []Star
	for rows.Next() {
		st, err := scanStar(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Stars returns a volunteer's star levels, lowest first.
func (s *Store) Stars(ctx context.Context, volunteerID int64) ([]Star, error) {
	rows, err := s.db.Query(ctx, `SELECT `+starCols+` FROM volunteer_stars s JOIN volunteers v ON v.id = s.volunteer_id
		JOIN orgs o ON o.id = v.org_id WHERE s.volunteer_id = ? ORDER BY s.level`, volunteerID)
	if err != nil {
		return nil, fmt.Errorf("volunteer: stars: %w", err)
	}
	defer rows.Close()
	return scanStars(rows)
}

// StarCount is the number of stars a volunteer holds at now.
func StarCount(stars []Star, now time.Time) int {
	n := 0
	for _, st := range stars {
		if st.Awarded(now) {
			n = max(n, st.Level)
		}
	}
	return n
}

// InPublicity lists the stars whose 公示 runs at now (the public page).
func (s *Store) InPublicity(ctx context.Context, now time.Time) ([]Star, error) {
	rows, err := s.db.Query(ctx, `SELECT `+starCols+` FROM volunteer_stars s JOIN volunteers v ON v.id = s.volunteer_id
		JOIN orgs o ON o.id = v.org_id WHERE s.publicity_to > ? AND s.withheld_at = 0 AND s.review_outcome <> 'revoked' ORDER BY s.reached_at, s.volunteer_id LIMIT 500`, db.Millis(now))
	if err != nil {
		return nil, fmt.Errorf("volunteer: publicity: %w", err)
	}
	defer rows.Close()
	return scanStars(rows)
}

// Withhold stops a star during its 公示 (an objection upheld); scope is the
// caller's for volunteer.manage.
func (s *Store) Withhold(ctx context.Context, volunteerID int64, level int, scope access.Scope, by int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		v, err := s.getVolunteer(ctx, tx, "v.id = ?", volunteerID)
		if err != nil {
			return err
		}
		if !scope.Contains(v.OrgPath) {
			return fmt.Errorf("volunteer: withhold: %w", access.ErrDenied)
		}
		res, err := tx.Exec(ctx, `UPDATE volunteer_stars SET withheld_at = ?, withheld_by = ? WHERE volunteer_id = ? AND level = ? AND withheld_at = 0 AND publicity_to > ?`,
			db.Millis(tx.Now), by, volunteerID, level, db.Millis(tx.Now))
		if err != nil {
			return fmt.Errorf("volunteer: withhold: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("volunteer: no star %d in 公示: %w", level, ErrNotFound)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "volunteer.star_withhold",
			Target: fmt.Sprintf("volunteer:%d", volunteerID), After: map[string]any{"level": level}})
	})
}

// LastDay is the last day of the star's 公示, "YYYY-MM-DD".
func (st Star) LastDay() string { return Day(st.PublicityTo.Add(-time.Millisecond)) }
