package kepu

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"kexie/internal/audit"
	"kexie/internal/db"
)

func saveMedia(ctx context.Context, tx *db.Tx, orgID int64, m Media, by int64) (int64, error) {
	id := tx.NewID()
	if _, err := tx.Exec(ctx, `INSERT INTO kepu_media (id, org_id, type, width, height, size, data, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, orgID, m.Type, m.Width, m.Height, len(m.Data), m.Data, by, db.Millis(tx.Now)); err != nil {
		return 0, fmt.Errorf("kepu: save media: %w", err)
	}
	return id, nil
}

// SaveMedia stores a checked upload of an editor.
func (s *Store) SaveMedia(ctx context.Context, orgID int64, m Media, by Actor) (int64, error) {
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		path, err := orgPath(ctx, tx, orgID)
		if err != nil {
			return err
		}
		if id, err = saveMedia(ctx, tx, orgID, m, by.UserID); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "kepu.media_upload",
			Target: target("kepu_media", id), After: map[string]any{"type": m.Type, "size": len(m.Data)}})
	})
	return id, err
}

// MediaData returns a stored upload's type and bytes.
func (s *Store) MediaData(ctx context.Context, id int64) (string, []byte, error) {
	var typ string
	var data []byte
	err := s.db.QueryRow(ctx, `SELECT type, data FROM kepu_media WHERE id = ?`, id).Scan(&typ, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, &NotFoundError{"media", id}
	}
	if err != nil {
		return "", nil, fmt.Errorf("kepu: media %d: %w", id, err)
	}
	return typ, data, nil
}
