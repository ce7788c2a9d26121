package kepu

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// RejectLead closes a lead that needs no answer (spam, not a science
// question, already answered), with the reason.
func (s *Store) RejectLead(ctx context.Context, id int64, reason string, by Actor) error {
	reason = strings.TrimSpace(reason)
	if n := utf8.RuneCountInString(reason); n == 0 || n > 500 {
		return valid.New("reason", "kepu.err.reason_required")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "kepu_leads", id); err != nil {
			return err
		}
		l, err := getLead(ctx, tx, id)
		if err != nil {
			return err
		}
		if l.Status != LeadNew && l.Status != LeadAssigned {
			return valid.New("status", "kepu.err.lead_status")
		}
		if _, err := tx.Exec(ctx, `UPDATE kepu_leads SET status = 'rejected', outcome = ?, contact = '', updated_at = ? WHERE id = ?`,
			reason, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("kepu: reject lead %d: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: l.OrgID, OrgPath: l.OrgPath, Action: "kepu.lead_reject",
			Target: target("kepu_lead", id), After: map[string]any{"reason": reason}})
	})
}

// AssignLead gives a lead to an expert of pool, due in workdays working days.
func (s *Store) AssignLead(ctx context.Context, id, poolID, personID int64, workdays int, by Actor) error {
	if workdays < 1 || workdays > 30 {
		return valid.New("days", "kepu.err.days", 1, 30)
	}
	experts, err := s.experts.Pool(ctx, poolID)
	if err != nil {
		return err
	}
	var pick Expert
	for _, e := range experts {
		if e.PersonID == personID && e.UserID != 0 && e.UserID != by.UserID {
			pick = e
		}
	}
	if pick.PersonID == 0 {
		return valid.New("expert", "kepu.err.no_expert")
	}
	due, err := s.days.AddWorkdays(ctx, s.db.Now(), workdays)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "kepu_leads", id); err != nil {
			return err
		}
		l, err := getLead(ctx, tx, id)
		if err != nil {
			return err
		}
		if l.Status != LeadNew && l.Status != LeadAssigned {
			return valid.New("status", "kepu.err.lead_status")
		}
		if _, err := tx.Exec(ctx, `UPDATE kepu_leads SET status = 'assigned', expert_user = ?, expert_person = ?, expert_name = ?,
			expert_field = ?, due_at = ?, updated_at = ? WHERE id = ?`, pick.UserID, pick.PersonID, pick.Name, pick.Field,
			db.Millis(due), db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("kepu: assign lead %d: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: l.OrgID, OrgPath: l.OrgPath, Action: "kepu.lead_assign",
			Target: target("kepu_lead", id), After: map[string]any{"expert": pick.Name, "due": due.Format("2006-01-02")}})
	})
}

// Answer is an expert's answer to a lead.
type Answer struct {
	Title    string
	Body     string
	Audience string
}

// AnswerLead turns the assigned expert's answer into a 辟谣 item linked to
// the lead. The expert's answer is the scientific review (the expert signs
// it); an editor who is not the expert publishes it, and publishing tells
// the submitter.
func (s *Store) AnswerLead(ctx context.Context, id int64, a Answer, by Actor) (int64, error) {
	in := DraftInput{Kind: Debunk, Title: a.Title, Body: a.Body, Audience: a.Audience}
	if in.Audience == "" {
		in.Audience = Audiences[0]
	}
	if err := in.check(); err != nil {
		return 0, err
	}
	var itemID int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "kepu_leads", id); err != nil {
			return err
		}
		l, err := getLead(ctx, tx, id)
		if err != nil {
			return err
		}
		if l.Status != LeadAssigned || l.ExpertUser != by.UserID {
			return valid.New("status", "kepu.err.not_reviewer")
		}
		itemID = tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO kepu_items (id, group_id, lang, org_id, kind, title, summary, body, audience, topic,
			lead_id, status, author_id, author_name, reviewer_person, reviewer_user, reviewer_name, reviewer_field, reviewed_at,
			created_at, updated_at) VALUES (?, ?, ?, ?, 'debunk', ?, ?, ?, ?, '科学辟谣', ?, 'reviewed', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			itemID, itemID, in.Lang, l.OrgID, in.Title, short(l.Claim, 120), in.Body, in.Audience, id, by.UserID, by.Name,
			0, by.UserID, l.ExpertName, l.ExpertField, now, now, now); err != nil {
			return fmt.Errorf("kepu: answer lead %d: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE kepu_leads SET status = 'answered', item_id = ?, updated_at = ? WHERE id = ?`,
			itemID, now, id); err != nil {
			return fmt.Errorf("kepu: answer lead %d: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: l.OrgID, OrgPath: l.OrgPath, Action: "kepu.lead_answer",
			Target: target("kepu_lead", id), After: map[string]any{"title": in.Title, "item": itemID}})
	})
	return itemID, err
}
