package review

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/pii"
	"kexie/internal/valid"
)

// Workdays counts working days (calendar.Source satisfies it): the end of
// a 公示 of n working days starting at from.
type Workdays interface {
	AddWorkdays(ctx context.Context, from time.Time, n int) (time.Time, error)
}

// Store reads and writes calls, applications, assignments, decisions and
// objections. Its exported methods are transaction boundaries; every change
// appends an audit record in the same transaction.
type Store struct {
	db     *db.DB
	people People
	days   Workdays
	jobs   bool // reminders are enqueued (UseJobs)

	delivery bool // the outbox is delivered by jobs (UseSender)

	keys *pii.Keyring // seals objectors' contacts (UseKeys)
}

// UseKeys seals the contacts objectors leave with k. Without it an
// objection that leaves a contact is refused: a contact is never stored in
// clear.
func (s *Store) UseKeys(k *pii.Keyring) { s.keys = k }

// contactField is the field name sealed objection contacts are bound to.
const contactField = "review_objection.contact"

// NewStore returns a store on d reading people through p and counting
// publicity windows in working days with w.
func NewStore(d *db.DB, p People, w Workdays) *Store { return &Store{db: d, people: p, days: w} }

// NotFoundError says a review row does not exist; it unwraps to db.ErrNotFound.
type NotFoundError struct {
	What string
	ID   int64
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("review: %s %d: not found", e.What, e.ID) }

// Unwrap makes errors.Is(err, db.ErrNotFound) hold.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }

func target(kind string, id int64) string { return kind + ":" + strconv.FormatInt(id, 10) }

func toJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own plain types are marshalled
	}
	return string(b)
}

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return db.Millis(t)
}

func tm(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return db.Time(v)
}

const callCols = `c.id, c.org_id, o.name, o.path, c.parent_app_id, c.title, c.kind, c.status, c.applicant_kind,
	c.eligible_path, c.recommend, c.quota, c.rules, c.opens_at, c.closes_at, c.review_from, c.review_to,
	c.publicity_days, c.publicity_from, c.publicity_to, c.form_version, c.created_by, c.created_at, c.updated_at`

func scanCall(row db.Scanner, extra ...any) (Call, error) {
	var c Call
	var rec int
	var rules string
	var t [9]int64
	err := row.Scan(append([]any{&c.ID, &c.OrgID, &c.OrgName, &c.OrgPath, &c.ParentAppID, &c.Title, &c.Kind, &c.Status,
		&c.ApplicantKind, &c.EligiblePath, &rec, &c.Quota, &rules, &t[0], &t[1], &t[2], &t[3], &c.PublicityDays,
		&t[4], &t[5], &c.FormVersion, &c.CreatedBy, &t[6], &t[7]}, extra...)...)
	if err != nil {
		return c, err
	}
	c.Recommend = rec == 1
	if err := json.Unmarshal([]byte(rules), &c.Rules); err != nil {
		return c, fmt.Errorf("review: call %d rules: %w", c.ID, err)
	}
	c.OpensAt, c.ClosesAt, c.ReviewFrom, c.ReviewTo = tm(t[0]), tm(t[1]), tm(t[2]), tm(t[3])
	c.PublicityFrom, c.PublicityTo, c.CreatedAt, c.UpdatedAt = tm(t[4]), tm(t[5]), tm(t[6]), tm(t[7])
	return c, nil
}

func getCall(ctx context.Context, q db.Q, id int64) (Call, error) {
	c, err := scanCall(q.QueryRow(ctx, `SELECT `+callCols+` FROM review_calls c JOIN orgs o ON o.id = c.org_id WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, &NotFoundError{"call", id}
	}
	if err != nil {
		return c, fmt.Errorf("review: call %d: %w", id, err)
	}
	return c, nil
}

// Call returns the call with id.
func (s *Store) Call(ctx context.Context, id int64) (Call, error) { return getCall(ctx, s.db, id) }

// lookupOrg reads an org named by ID, a field error when it does not exist.
func lookupOrg(ctx context.Context, q db.Q, field string, id int64) (org.Ref, error) {
	o, err := org.Lookup(ctx, q, id)
	if errors.Is(err, db.ErrNotFound) {
		return o, valid.New(field, "review.err.org")
	}
	if err != nil {
		return o, fmt.Errorf("review: %w", err)
	}
	return o, nil
}

func clean(s string) string { return strings.TrimSpace(s) }

// appendAudit writes one audit record e for a call's org.
func appendAudit(ctx context.Context, tx *db.Tx, c Call, e audit.Entry, before, after any) error {
	e.OrgID, e.OrgPath, e.Before, e.After = c.OrgID, c.OrgPath, before, after
	return audit.Append(ctx, tx, e)
}
