package review

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"kexie/internal/audit"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Draft is what an applicant saves: answers are kept as typed, checked only
// on submit, so an unfinished form is never lost.
type Draft struct {
	CallID        int64
	UserID        int64
	Title         string
	RecommenderID int64        // the recommending unit chosen (calls with 推荐)
	UnitID        int64        // the applying unit (calls whose applicants are units)
	Scope         access.Scope // where the user acts for units ("review.unit"): UnitID must lie in it
	Conflicts     []int64      // experts the applicant declares a conflict with (回避)
	Answers       Answers
}

const appCols = `a.id, a.call_id, a.user_id, a.person_id, a.org_id, o.path, a.recommender_id, a.unit_id, a.title, a.name, a.employer, a.discipline, a.form_version,
	a.answers, a.conflicts, a.status, a.stage_seq, a.note, a.submitted_at, a.created_at, a.updated_at`

func scanApp(row db.Scanner, extra ...any) (Application, error) {
	var a Application
	var answers, conflicts string
	var sub, created, updated int64
	if err := row.Scan(append([]any{&a.ID, &a.CallID, &a.UserID, &a.PersonID, &a.OrgID, &a.OrgPath, &a.RecommenderID, &a.UnitID,
		&a.Title, &a.Name, &a.Employer, &a.Discipline, &a.FormVersion, &answers, &conflicts, &a.Status, &a.StageSeq, &a.Note, &sub, &created, &updated}, extra...)...); err != nil {
		return a, err
	}
	a.SubmittedAt, a.CreatedAt, a.UpdatedAt = tm(sub), tm(created), tm(updated)
	a.Conflicts = parseIDs(conflicts)
	return a, unmarshal(answers, &a.Answers)
}

func parseIDs(s string) []int64 {
	var out []int64
	for _, p := range strings.Split(s, "|") {
		if id, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64); err == nil && id > 0 {
			out = append(out, id)
		}
	}
	return out
}

func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, "|")
}

func getApp(ctx context.Context, q db.Q, id int64) (Application, error) {
	a, err := scanApp(q.QueryRow(ctx, `SELECT `+appCols+` FROM review_applications a JOIN orgs o ON o.id = a.org_id WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, &NotFoundError{"application", id}
	}
	if err != nil {
		return a, fmt.Errorf("review: application %d: %w", id, err)
	}
	return a, nil
}

// Application returns the application with id.
func (s *Store) Application(ctx context.Context, id int64) (Application, error) {
	return getApp(ctx, s.db, id)
}

// UnitApplication returns a unit's application to a call, for a user who
// acts for units in scope, or a NotFoundError.
func (s *Store) UnitApplication(ctx context.Context, callID, unitID int64, scope access.Scope) (Application, error) {
	a, err := scanApp(s.db.QueryRow(ctx, `SELECT `+appCols+` FROM review_applications a JOIN orgs o ON o.id = a.org_id
		WHERE a.call_id = ? AND a.unit_id = ?`, callID, unitID))
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !scope.Contains(a.OrgPath)) {
		return Application{}, &NotFoundError{"application", 0}
	}
	return a, err
}

// Mine returns the user's application to a call, or a NotFoundError.
func (s *Store) Mine(ctx context.Context, callID, userID int64) (Application, error) {
	a, err := scanApp(s.db.QueryRow(ctx, `SELECT `+appCols+` FROM review_applications a JOIN orgs o ON o.id = a.org_id
		WHERE a.call_id = ? AND a.user_id = ?`, callID, userID))
	if errors.Is(err, sql.ErrNoRows) {
		return a, &NotFoundError{"application", 0}
	}
	return a, err
}

// SaveDraft creates or updates the user's draft (or an application returned
// for changes). Only the shape is checked here; the form's rules are
// checked on submit, so a half-written form can be kept.
func (s *Store) SaveDraft(ctx context.Context, d Draft) (Application, error) {
	if utf8.RuneCountInString(d.Title) > 200 {
		return Application{}, valid.New("title", "review.err.title")
	}
	if len(toJSON(d.Answers)) > 1<<20 {
		return Application{}, valid.New("form", "review.err.too_big")
	}
	var out Application
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCall(ctx, tx, d.CallID); err != nil {
			return err
		}
		c, err := getCall(ctx, tx, d.CallID)
		if err != nil {
			return err
		}
		if !c.Accepting(tx.Now) {
			return valid.New("form", "review.err.closed")
		}
		who, err := s.applicant(ctx, tx, c, d.UserID, d.UnitID, d.Scope)
		if err != nil {
			return err
		}
		if c.Recommend && d.RecommenderID != 0 {
			if err := checkRecommender(ctx, tx, c, d.RecommenderID); err != nil {
				return err
			}
		}
		answers := d.Answers
		if answers == nil {
			answers = Answers{}
		}
		now := db.Millis(tx.Now)
		old, err := findApp(ctx, tx, c, d.UserID, d.UnitID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if c.ApplicantKind == Unit {
				var n int
				if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM review_applications WHERE call_id = ? AND user_id = ?`, c.ID, d.UserID).Scan(&n); err != nil {
					return fmt.Errorf("review: save draft: %w", err)
				}
				if n > 0 {
					return valid.New("unit_id", "review.err.one_unit")
				}
			}
			id := tx.NewID()
			_, err = tx.Exec(ctx, `INSERT INTO review_applications (id, call_id, user_id, person_id, org_id, recommender_id, unit_id, title,
				form_version, answers, conflicts, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, c.ID, d.UserID, who.PersonID, who.OrgID, d.RecommenderID, unitOf(c, d.UnitID), clean(d.Title), c.FormVersion, toJSON(answers),
				joinIDs(d.Conflicts), AppDraft, now, now)
			if err != nil {
				return fmt.Errorf("review: save draft: %w", err)
			}
			old.ID = id
		case err != nil:
			return fmt.Errorf("review: save draft: %w", err)
		case old.Status != AppDraft && old.Status != AppReturned:
			return valid.New("form", "review.err.already_submitted")
		default:
			_, err = tx.Exec(ctx, `UPDATE review_applications SET title = ?, recommender_id = ?, form_version = ?, answers = ?,
				conflicts = ?, person_id = ?, org_id = ?, updated_at = ? WHERE id = ?`, clean(d.Title), d.RecommenderID, c.FormVersion,
				toJSON(answers), joinIDs(d.Conflicts), who.PersonID, who.OrgID, now, old.ID)
			if err != nil {
				return fmt.Errorf("review: save draft %d: %w", old.ID, err)
			}
		}
		if out, err = getApp(ctx, tx, old.ID); err != nil {
			return err
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.draft_save", Target: target("application", out.ID)}, nil, map[string]any{"fields": len(answers)})
	})
	return out, err
}

func unitOf(c Call, unitID int64) int64 {
	if c.ApplicantKind == Unit {
		return unitID
	}
	return 0
}

// findApp reads the application a user works on in call c: their own, or,
// when the applicants are units, the unit's (whoever of its staff began it).
func findApp(ctx context.Context, q db.Q, c Call, userID, unitID int64) (Application, error) {
	if c.ApplicantKind == Unit {
		return scanApp(q.QueryRow(ctx, `SELECT `+appCols+` FROM review_applications a JOIN orgs o ON o.id = a.org_id
			WHERE a.call_id = ? AND a.unit_id = ?`, c.ID, unitID))
	}
	return scanApp(q.QueryRow(ctx, `SELECT `+appCols+` FROM review_applications a JOIN orgs o ON o.id = a.org_id
		WHERE a.call_id = ? AND a.user_id = ?`, c.ID, userID))
}

// applicant is who applies in call c: the user's person record, or, when
// the applicants are units, the unit the user acts for (it must lie in
// scope, where the user holds "review.unit"), as name, employer and org.
func (s *Store) applicant(ctx context.Context, q db.Q, c Call, userID, unitID int64, scope access.Scope) (Applicant, error) {
	if c.ApplicantKind == Unit {
		if unitID == 0 {
			return Applicant{}, valid.New("unit_id", "review.err.unit")
		}
		u, err := lookupOrg(ctx, q, "unit_id", unitID)
		if err != nil {
			return Applicant{}, err
		}
		if !scope.Contains(u.Path) {
			return Applicant{}, valid.New("unit_id", "review.err.unit_scope")
		}
		return Applicant{OrgID: u.ID, OrgPath: u.Path, Name: u.Name, Employer: u.Name, EmployerOrgID: u.ID}, nil
	}
	who, err := s.people.Applicant(ctx, userID)
	if errors.Is(err, db.ErrNotFound) {
		return who, valid.New("form", "review.err.no_profile")
	}
	if err != nil {
		return who, fmt.Errorf("review: applicant %d: %w", userID, err)
	}
	return who, nil
}

// RecommenderTypes are the kinds of org that recommend (推荐): 学会, county
// 科协, university 科协.
var RecommenderTypes = []string{"society", "kx_county", "university"}

// checkRecommender refuses a recommending unit that is not a 学会, county
// 科协 or university 科协 in the call's subtree (or is disabled).
func checkRecommender(ctx context.Context, q db.Q, c Call, id int64) error {
	u, err := lookupOrg(ctx, q, "recommender_id", id)
	if err != nil {
		return err
	}
	var typ string
	if err := q.QueryRow(ctx, `SELECT type FROM orgs WHERE id = ?`, id).Scan(&typ); err != nil {
		return fmt.Errorf("review: recommender %d: %w", id, err)
	}
	if u.Disabled || !strings.HasPrefix(u.Path, c.OrgPath) || !oneOf(typ, RecommenderTypes) {
		return valid.New("recommender_id", "review.err.recommender_unit")
	}
	return nil
}
