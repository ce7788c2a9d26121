package conference

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"kexie/internal/db"
	"kexie/internal/valid"
)

// Paper statuses.
const (
	PaperSubmitted = "submitted" // 待审
	PaperAccepted  = "accepted"  // 录用: counts as a paper exchanged
	PaperRejected  = "rejected"  // 不录用
)

// PaperStatuses lists them in order.
var PaperStatuses = []string{PaperSubmitted, PaperAccepted, PaperRejected}

// Paper is one paper submitted to a conference's call (论文征集).
type Paper struct {
	ID          int64
	ConfID      int64
	Title       string
	Authors     []string
	Abstract    string
	Keywords    string
	UserID      int64
	UserName    string
	Status      string
	Note        string
	DecidedName string
	DecidedAt   time.Time
	SubmittedAt time.Time
}

// PaperInput is a paper as typed; authors one a line (or separated by 、,).
type PaperInput struct {
	Title, Authors, Abstract, Keywords string
}

// SubmitPaper records a paper by a signed-in member while the conference
// takes registrations, at most MaxPapers of theirs to one conference.
func (s *Store) SubmitPaper(ctx context.Context, confID int64, in PaperInput, by Actor) (int64, error) {
	in.Title, in.Abstract, in.Keywords = strings.TrimSpace(in.Title), strings.TrimSpace(in.Abstract), strings.TrimSpace(in.Keywords)
	var errs valid.Errors
	runes(&errs, "title", in.Title, MinTitle, MaxPaperTitle, "conference.err.title_short")
	authors := SplitList(in.Authors)
	switch {
	case len(authors) == 0:
		errs.Add("authors", "conference.err.authors")
	case len(authors) > MaxAuthors:
		errs.Add("authors", "conference.err.authors_count", MaxAuthors)
	}
	for _, a := range authors {
		if len([]rune(a)) > MaxAuthor {
			errs.Add("authors", "conference.err.author_long", MaxAuthor)
			break
		}
	}
	runes(&errs, "abstract", in.Abstract, MinAbstract, MaxAbstract, "conference.err.abstract_short")
	runes(&errs, "keywords", in.Keywords, 0, MaxKeywords, "conference.err.keywords")
	if by.UserID == 0 {
		errs.Add("", "conference.err.sign_in")
	}
	if err := errs.Err(); err != nil {
		return 0, err
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockConf(ctx, tx, confID); err != nil {
			return err
		}
		c, err := getConf(ctx, tx, confID)
		if err != nil {
			return err
		}
		if c.Status != Open || today(tx.Now) > c.EndsOn {
			return valid.New("", "conference.err.closed")
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM conference_papers WHERE conf_id = ? AND user_id = ?`, confID, by.UserID).Scan(&n); err != nil {
			return fmt.Errorf("conference: papers of %d: %w", by.UserID, err)
		}
		if n >= MaxPapers {
			return valid.New("", "conference.err.papers_count", MaxPapers)
		}
		// One paper of a title per member and conference: a second click
		// or a resubmitted form listed it twice for the organiser to
		// review (integrity review 52).
		var same int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM conference_papers WHERE conf_id = ? AND user_id = ? AND title = ?`,
			confID, by.UserID, in.Title).Scan(&same); err != nil {
			return fmt.Errorf("conference: papers of %d: %w", by.UserID, err)
		}
		if same > 0 {
			return valid.New("title", "conference.err.paper_dup")
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO conference_papers (id, conf_id, title, authors, abstract, keywords, user_id, user_name, status, submitted_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?)`, id, confID, in.Title, strings.Join(authors, "\n"), in.Abstract, in.Keywords,
			by.UserID, by.Name, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("conference: paper: %w", err)
		}
		return auditAppend(ctx, tx, c, "conference.paper", nil, map[string]any{"paper": in.Title})
	})
	return id, err
}

const paperCols = `id, conf_id, title, authors, abstract, keywords, user_id, user_name, status, note, decided_name, decided_at, submitted_at`

func scanPaper(row db.Scanner) (Paper, error) {
	var p Paper
	var authors string
	var decided, submitted int64
	err := row.Scan(&p.ID, &p.ConfID, &p.Title, &authors, &p.Abstract, &p.Keywords, &p.UserID, &p.UserName, &p.Status, &p.Note,
		&p.DecidedName, &decided, &submitted)
	p.Authors = strings.Split(authors, "\n")
	p.DecidedAt, p.SubmittedAt = optTime(decided), db.Time(submitted)
	return p, err
}

// Mine is why the user userID called name may not decide p — they
// submitted it ("conference.err.own_paper"), or their name is one of its
// authors' ("conference.err.coauthor") — or "" when they may.
func (p Paper) Mine(userID int64, name string) string {
	if userID != 0 && userID == p.UserID {
		return "conference.err.own_paper"
	}
	if name = strings.TrimSpace(name); name != "" {
		for _, a := range p.Authors {
			if strings.TrimSpace(a) == name {
				return "conference.err.coauthor"
			}
		}
	}
	return ""
}

// DecidePaper accepts (录用) or rejects a paper with a note; never by the
// person who submitted it nor by one of its authors (by name). A decision may be changed while the conference
// is open or held until its summary is filed; the accepted count follows
// in the same transaction.
func (s *Store) DecidePaper(ctx context.Context, confID, paperID int64, decision, note string, by Actor) error {
	note = strings.TrimSpace(note)
	if decision != PaperAccepted && decision != PaperRejected {
		return valid.New("decision", "conference.err.decision")
	}
	if len([]rune(note)) > MaxReason {
		return valid.New("note", "conference.err.too_long", MaxReason)
	}
	if decision == PaperRejected && note == "" {
		return valid.New("note", "conference.err.reject_note")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// Two deciding one paper at once: the second reads the first's
		// decision, so the accepted count moves once.
		if err := lockConf(ctx, tx, confID); err != nil {
			return err
		}
		c, err := getConf(ctx, tx, confID)
		if err != nil {
			return err
		}
		if c.Status != Open && c.Status != Held {
			return valid.New("", "conference.err.status")
		}
		// The summary counts the papers exchanged, never fewer than those
		// accepted: once it is filed the decisions stand.
		if c.Summary.Filed() {
			return valid.New("", "conference.err.summary_filed")
		}
		p, err := scanPaper(tx.QueryRow(ctx, `SELECT `+paperCols+` FROM conference_papers WHERE id = ? AND conf_id = ?`, paperID, confID))
		if errors.Is(err, sql.ErrNoRows) {
			return &NotFoundError{"paper", paperID}
		} else if err != nil {
			return fmt.Errorf("conference: paper %d: %w", paperID, err)
		}
		if key := p.Mine(by.UserID, by.Name); key != "" {
			return valid.New("", key)
		}
		if p.Status == decision {
			return valid.New("decision", "conference.err.unchanged")
		}
		if _, err := tx.Exec(ctx, `UPDATE conference_papers SET status = ?, note = ?, decided_user = ?, decided_name = ?, decided_at = ? WHERE id = ?`,
			decision, note, by.UserID, by.Name, db.Millis(tx.Now), paperID); err != nil {
			return fmt.Errorf("conference: decide %d: %w", paperID, err)
		}
		delta := 0
		if decision == PaperAccepted {
			delta = 1
		} else if p.Status == PaperAccepted {
			delta = -1
		}
		if delta != 0 {
			if _, err := tx.Exec(ctx, `UPDATE conference_confs SET accepted = accepted + ? WHERE id = ?`, delta, confID); err != nil {
				return fmt.Errorf("conference: decide %d: %w", paperID, err)
			}
		}
		return auditAppend(ctx, tx, c, "conference.paper_"+decision, map[string]any{"paper": p.Title, "status": p.Status},
			map[string]any{"status": decision, "note": short(note, 80)})
	})
}

// PaperFilter selects a conference's papers.
type PaperFilter struct {
	Status string
	Q      string
	Limit  int
	Offset int
}

// Papers lists one page of a conference's papers, newest first, and how
// many match.
func (s *Store) Papers(ctx context.Context, confID int64, f PaperFilter) ([]Paper, int, error) {
	where, args := "conf_id = ?", []any{confID}
	if f.Status != "" {
		where, args = where+" AND status = ?", append(args, f.Status)
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where, args = where+` AND (title LIKE ? ESCAPE '\' OR authors LIKE ? ESCAPE '\' OR keywords LIKE ? ESCAPE '\')`, append(args, like, like, like)
	}
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*) FROM conference_papers WHERE ` + where,
		Select: `SELECT ` + paperCols + ` FROM conference_papers WHERE ` + where + ` ORDER BY submitted_at DESC, id DESC LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset}, scanPaper)
	if err != nil {
		return nil, 0, fmt.Errorf("conference: papers: %w", err)
	}
	return out, total, nil
}

// AllPapers reads every paper of the filter, for an export, a page at a
// time.
func (s *Store) AllPapers(ctx context.Context, confID int64, f PaperFilter) ([]Paper, error) {
	return db.Every(exportPage, func(limit, offset int) ([]Paper, error) {
		f.Limit, f.Offset = limit, offset
		page, _, err := s.Papers(ctx, confID, f)
		return page, err
	})
}

// MyPapers lists the papers userID submitted, newest first.
func (s *Store) MyPapers(ctx context.Context, userID int64) ([]Paper, error) {
	if userID == 0 {
		return nil, nil
	}
	return s.papers(ctx, `SELECT `+paperCols+` FROM conference_papers WHERE user_id = ? ORDER BY submitted_at DESC, id DESC LIMIT 200`, userID)
}

func (s *Store) papers(ctx context.Context, q string, args ...any) ([]Paper, error) {
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("conference: papers: %w", err)
	}
	defer rows.Close()
	var out []Paper
	for rows.Next() {
		p, err := scanPaper(rows)
		if err != nil {
			return nil, fmt.Errorf("conference: papers: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
