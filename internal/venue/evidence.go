package venue

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// MaxEvidence is the largest evidence file.
const MaxEvidence = 5 << 20

// evidenceTypes are the files accepted as evidence, by the type the
// handler sniffed.
var evidenceTypes = map[string]bool{"image/jpeg": true, "image/png": true, "image/gif": true, "image/webp": true, "application/pdf": true}

// AddEvidence stores a file proving a “六有” item of a venue. ctype is the
// type sniffed from the content, never the one the browser claimed.
func (s *Store) AddEvidence(ctx context.Context, id int64, item, name, ctype string, data []byte, userID int64) error {
	var es valid.Errors
	if !contains(SixItems(), item) {
		es.Add("item", "venue.err.item")
	}
	if len(data) == 0 {
		es.Add("file", "venue.err.file")
	} else if len(data) > MaxEvidence {
		es.Add("file", "venue.err.file_size", MaxEvidence>>20)
	} else if !evidenceTypes[ctype] {
		es.Add("file", "venue.err.file_type")
	}
	if err := es.Err(); err != nil {
		return err
	}
	name = filepath.Base(strings.TrimSpace(name))
	if name == "" || name == "." {
		name = "evidence"
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		v, path, err := s.getVenue(ctx, tx, id)
		if err != nil {
			return err
		}
		eid := tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO venue_evidence (id, venue_id, item, file_name, content_type, size, data, uploaded_by, uploaded_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, eid, id, item, name, ctype, len(data), data, userID, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("venue: evidence: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: path, Action: "venue.evidence", Target: fmt.Sprintf("venue:%d", id),
			After: map[string]any{"item": item, "file": name, "size": len(data)}})
	})
}

// EvidenceList lists a venue's evidence files, by item.
func (s *Store) EvidenceList(ctx context.Context, id int64) (map[string][]Evidence, error) {
	rows, err := s.db.Query(ctx, `SELECT id, item, file_name, content_type, size, uploaded_at FROM venue_evidence WHERE venue_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("venue: evidence: %w", err)
	}
	defer rows.Close()
	out := map[string][]Evidence{}
	for rows.Next() {
		var e Evidence
		var at int64
		if err := rows.Scan(&e.ID, &e.Item, &e.FileName, &e.ContentType, &e.Size, &at); err != nil {
			return nil, err
		}
		e.UploadedAt = db.Time(at)
		out[e.Item] = append(out[e.Item], e)
	}
	return out, rows.Err()
}

// EvidenceFile returns one evidence file of venue id with its content.
func (s *Store) EvidenceFile(ctx context.Context, id, eid int64) (Evidence, []byte, error) {
	var e Evidence
	var data []byte
	err := s.db.QueryRow(ctx, `SELECT id, item, file_name, content_type, size, data FROM venue_evidence WHERE id = ? AND venue_id = ?`, eid, id).
		Scan(&e.ID, &e.Item, &e.FileName, &e.ContentType, &e.Size, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return e, nil, &NotFoundError{What: "file"}
	}
	return e, data, err
}
