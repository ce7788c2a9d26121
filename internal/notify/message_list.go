package notify

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// MessageFilter narrows the staff list of messages.
type MessageFilter struct {
	Scope  access.Scope
	Q      string // in the title
	State  string
	Sort   string // created, title, recipients, sent, opened
	Desc   bool
	Limit  int
	Offset int
}

var messageSorts = map[string]string{"created": "m.created_at", "title": "pinyin(m.title)", "recipients": "m.recipients",
	"sent": "sent", "opened": "opened"}

// Messages lists messages inside the scope with their delivery counts.
func (s *Store) Messages(ctx context.Context, f MessageFilter) ([]Message, int, error) {
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := " WHERE " + cond
	if f.Q != "" {
		where += ` AND m.title LIKE ? ESCAPE '\'`
		args = append(args, "%"+db.LikeEscape(f.Q)+"%")
	}
	if f.State != "" {
		where += ` AND m.state = ?`
		args = append(args, f.State)
	}
	var total int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM notify_messages m JOIN orgs o ON o.id = m.org_id`+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("notify: count messages: %w", err)
	}
	col, ok := messageSorts[f.Sort]
	if !ok {
		col = "m.created_at"
		f.Desc = true
	}
	dir := " ASC"
	if f.Desc {
		dir = " DESC"
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	q := `SELECT m.id, m.msg_key, m.org_id, o.path, o.name, m.title, m.link, m.summary, m.audiences, m.topics, m.region,
		m.state, m.recipients, m.created_by, m.created_at, m.sent_at,
		(SELECT COUNT(*) FROM notify_deliveries d WHERE d.message_id = m.id AND d.state = 'sent') AS sent,
		(SELECT COUNT(*) FROM notify_deliveries d WHERE d.message_id = m.id AND d.state = 'failed') AS failed,
		(SELECT COUNT(*) FROM notify_deliveries d WHERE d.message_id = m.id AND d.opened_at <> 0) AS opened
		FROM notify_messages m JOIN orgs o ON o.id = m.org_id` + where + ` ORDER BY ` + col + dir + `, m.id DESC LIMIT ? OFFSET ?`
	rows, err := s.db.Query(ctx, q, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("notify: list messages: %w", err)
	}
	defer rows.Close()
	var out []Message
	for rows.Next() {
		var m Message
		var aud, top string
		var created, sentAt int64
		if err := rows.Scan(&m.ID, &m.Key, &m.OrgID, &m.OrgPath, &m.OrgName, &m.Title, &m.Link, &m.Summary, &aud, &top, &m.RegionCode,
			&m.State, &m.Recipients, &m.CreatedBy, &created, &sentAt, &m.Sent, &m.Failed, &m.Opened); err != nil {
			return nil, 0, err
		}
		m.Audiences, m.Topics = splitList(aud), splitList(top)
		m.CreatedAt, m.SentAt = db.Time(created), db.Time(sentAt)
		out = append(out, m)
	}
	return out, total, rows.Err()
}

// Count is a number of subscribers under a label (an audience or a region).
type Count struct {
	Key string
	N   int
}

// SubscriberCounts counts active subscribers in scope (by the org they
// subscribed through): in all, by audience (an account following none
// counts under ""), and by region code.
func (s *Store) SubscriberCounts(ctx context.Context, scope access.Scope) (int, []Count, []Count, error) {
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	base := ` FROM notify_accounts a JOIN orgs o ON o.id = a.org_id WHERE a.status = 'active' AND ` + cond
	var total int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*)`+base, args...).Scan(&total); err != nil {
		return 0, nil, nil, fmt.Errorf("notify: count subscribers: %w", err)
	}
	byAud, err := s.counts(ctx, `SELECT COALESCE(s.value, ''), COUNT(*) FROM notify_accounts a JOIN orgs o ON o.id = a.org_id
		LEFT JOIN notify_subscriptions s ON s.account_id = a.id AND s.kind = 'audience'
		WHERE a.status = 'active' AND `+cond+` GROUP BY COALESCE(s.value, '') ORDER BY 2 DESC`, args)
	if err != nil {
		return 0, nil, nil, err
	}
	byRegion, err := s.counts(ctx, `SELECT a.region, COUNT(*)`+base+` GROUP BY a.region ORDER BY 2 DESC LIMIT 50`, args)
	return total, byAud, byRegion, err
}

func (s *Store) counts(ctx context.Context, q string, args []any) ([]Count, error) {
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("notify: counts: %w", err)
	}
	defer rows.Close()
	var out []Count
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Key, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Subscribers lists active accounts in scope, masked, newest first.
func (s *Store) Subscribers(ctx context.Context, scope access.Scope, q string, limit, offset int) ([]Account, int, error) {
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	where := ` FROM notify_accounts a JOIN orgs o ON o.id = a.org_id WHERE a.status = 'active' AND ` + cond
	if q = strings.TrimSpace(q); q != "" {
		where += ` AND a.region LIKE ?`
		args = append(args, db.LikeEscape(q)+"%")
	}
	var total int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*)`+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.Query(ctx, `SELECT a.id, a.org_id, a.channel, a.addr_masked, a.region, a.status, a.verified_at, a.created_at`+where+
		` ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		var a Account
		var v, c int64
		if err := rows.Scan(&a.ID, &a.OrgID, &a.Channel, &a.Masked, &a.RegionCode, &a.Status, &v, &c); err != nil {
			return nil, 0, err
		}
		a.VerifiedAt, a.CreatedAt = db.Time(v), db.Time(c)
		out = append(out, a)
	}
	return out, total, rows.Err()
}
