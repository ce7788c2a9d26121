package kepu

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// LeadStatus is where a rumour lead is.
type LeadStatus string

// Statuses of a lead.
const (
	LeadNew       LeadStatus = "new"
	LeadRejected  LeadStatus = "rejected"
	LeadAssigned  LeadStatus = "assigned"
	LeadAnswered  LeadStatus = "answered"  // the expert's answer waits for an editor
	LeadPublished LeadStatus = "published" // the 辟谣 item is out and the submitter told
)

// Lead is a rumour lead from the public.
type Lead struct {
	ID                 int64
	OrgID              int64
	OrgPath            string
	OrgName            string
	Claim, Link        string
	ShotMedia          int64
	Contact            string // masked (pii.MaskContact); sealed in the database until used
	Status             LeadStatus
	Outcome            string
	ExpertUser         int64
	ExpertName         string
	ExpertField        string
	DueAt              time.Time
	ItemID             int64
	FiledAt, UpdatedAt time.Time
}

// Late reports whether the lead's expert is past the due date at now.
func (l Lead) Late(now time.Time) bool {
	return l.Status == LeadAssigned && !l.DueAt.IsZero() && now.After(l.DueAt)
}

// LeadInput is what the public form sends; Source is the keyed hash of the
// sender's address (package botcheck).
type LeadInput struct {
	OrgID   int64
	Claim   string
	Link    string
	Shot    *Media
	Contact string
	Source  string
}

// MaxLeadsPerHour bounds the leads one address may file.
const MaxLeadsPerHour = 5

// FileLead records a lead from the public.
func (s *Store) FileLead(ctx context.Context, in LeadInput) (int64, error) {
	in.Claim, in.Link, in.Contact = strings.TrimSpace(in.Claim), strings.TrimSpace(in.Link), strings.TrimSpace(in.Contact)
	var errs valid.Errors
	switch n := utf8.RuneCountInString(in.Claim); {
	case n < 6:
		errs.Add("claim", "kepu.err.claim_short", 6)
	case n > 2000:
		errs.Add("claim", "kepu.err.too_long", 2000)
	}
	if in.Link != "" {
		if u, err := url.Parse(in.Link); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(in.Link) > 500 {
			errs.Add("link", "kepu.err.link")
		}
	}
	if utf8.RuneCountInString(in.Contact) > 100 {
		errs.Add("contact", "kepu.err.too_long", 100)
	}
	if err := errs.Err(); err != nil {
		return 0, err
	}
	sealed := ""
	if in.Contact != "" {
		if s.keys == nil {
			return 0, errors.New("kepu: no keyring to seal a lead's contact (UseKeys)")
		}
		var err error
		if sealed, err = s.keys.Seal(contactField, in.Contact); err != nil {
			return 0, err
		}
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		path, err := orgPath(ctx, tx, in.OrgID)
		if err != nil {
			return err
		}
		// Leads at once from one address wait for each other, so the count
		// sees them all (race review 51).
		if err := tx.LockKey(ctx, "kepu.lead:"+in.Source); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM kepu_leads WHERE source = ? AND filed_at > ?`, in.Source,
			db.Millis(tx.Now.Add(-time.Hour))).Scan(&n); err != nil {
			return fmt.Errorf("kepu: lead rate: %w", err)
		}
		if n >= MaxLeadsPerHour {
			return valid.New("claim", "kepu.err.lead_rate")
		}
		var shot int64
		if in.Shot != nil {
			if shot, err = saveMedia(ctx, tx, in.OrgID, *in.Shot, 0); err != nil {
				return err
			}
		}
		id = tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO kepu_leads (id, org_id, claim, link, shot_media, contact, source, status, filed_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)`, id, in.OrgID, in.Claim, in.Link, shot, sealed, in.Source, now, now); err != nil {
			return fmt.Errorf("kepu: file lead: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: in.OrgID, OrgPath: path, Action: "kepu.lead_file", Target: target("kepu_lead", id),
			After: map[string]any{"title": short(in.Claim, 40)}})
	})
	return id, err
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

const leadCols = `l.id, l.org_id, o.path, o.name, l.claim, l.link, l.shot_media, l.contact, l.status, l.outcome, l.expert_user,
	l.expert_name, l.expert_field, l.due_at, l.item_id, l.filed_at, l.updated_at`

// scanLead reads leadCols, then any columns the query adds into extra.
func scanLead(row db.Scanner, extra ...any) (Lead, error) {
	var l Lead
	var status string
	var due, filed, updated int64
	err := row.Scan(append([]any{&l.ID, &l.OrgID, &l.OrgPath, &l.OrgName, &l.Claim, &l.Link, &l.ShotMedia, &l.Contact, &status, &l.Outcome,
		&l.ExpertUser, &l.ExpertName, &l.ExpertField, &due, &l.ItemID, &filed, &updated}, extra...)...)
	l.Status, l.DueAt, l.FiledAt, l.UpdatedAt = LeadStatus(status), optTime(due), db.Time(filed), db.Time(updated)
	return l, err
}

func getLead(ctx context.Context, q db.Q, id int64) (Lead, error) {
	l, err := scanLead(q.QueryRow(ctx, `SELECT `+leadCols+` FROM kepu_leads l JOIN orgs o ON o.id = l.org_id WHERE l.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return l, &NotFoundError{"lead", id}
	}
	if err != nil {
		return l, fmt.Errorf("kepu: lead %d: %w", id, err)
	}
	return l, nil
}

// Lead returns one lead.
// Its contact is masked.
func (s *Store) Lead(ctx context.Context, id int64) (Lead, error) {
	l, err := getLead(ctx, s.db, id)
	s.showContact(&l)
	return l, err
}

// AssignedLeads lists the leads waiting for the answer of the expert
// behind userID, newest first (the staff's list is LeadList).
func (s *Store) AssignedLeads(ctx context.Context, userID int64) ([]Lead, error) {
	return s.queryLeads(ctx, `SELECT `+leadCols+` FROM kepu_leads l JOIN orgs o ON o.id = l.org_id
		WHERE l.expert_user = ? AND l.status = ? ORDER BY l.filed_at DESC LIMIT 500`, []any{userID, string(LeadAssigned)})
}

// queryLeads runs q, which selects leadCols and then the columns extra
// scans into, and returns its leads with their contacts masked.
func (s *Store) queryLeads(ctx context.Context, q string, args []any, extra ...any) ([]Lead, error) {
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("kepu: leads: %w", err)
	}
	defer rows.Close()
	var out []Lead
	for rows.Next() {
		l, err := scanLead(rows, extra...)
		if err != nil {
			return nil, fmt.Errorf("kepu: leads: %w", err)
		}
		s.showContact(&l)
		out = append(out, l)
	}
	return out, rows.Err()
}
