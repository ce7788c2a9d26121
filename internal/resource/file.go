package resource

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

// MaxFile is the largest file a resource takes.
const MaxFile = 20 << 20

// FileTypes are the content types a file may have (as sniffed from its
// bytes by the handler), with the extensions a name may carry for each.
var FileTypes = map[string][]string{
	"application/pdf": {".pdf"},
	"image/jpeg":      {".jpg", ".jpeg"},
	"image/png":       {".png"},
	"video/mp4":       {".mp4"},
	"application/zip": {".zip", ".pptx", ".docx", ".xlsx"}, // Office files are zip containers
}

// File is a stored file of a resource.
type File struct {
	ID, ResourceID int64
	Name, Mime     string
	Size           int64
	CreatedAt      time.Time
}

// AddFile stores a file whose content type the caller sniffed. A type not
// accepted, a name whose extension belongs to another type (a disguised
// file), an empty or oversized file changes nothing.
func (s *Store) AddFile(ctx context.Context, resourceID int64, name, sniffed string, data []byte) (int64, error) {
	name = path.Base(strings.ReplaceAll(strings.TrimSpace(name), `\`, "/"))
	exts, ok := FileTypes[sniffed]
	switch {
	case len(data) == 0:
		return 0, valid.New("file", "resource.err.file_empty")
	case len(data) > MaxFile:
		return 0, valid.New("file", "resource.err.file_big", MaxFile>>20)
	case !ok:
		return 0, valid.New("file", "resource.err.file_type")
	case !known(exts, strings.ToLower(path.Ext(name))):
		return 0, valid.New("file", "resource.err.file_disguised")
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var ownerID int64
		if err := tx.QueryRow(ctx, `SELECT org_id FROM resources WHERE id = ?`, resourceID).Scan(&ownerID); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		owner, err := org.Lookup(ctx, tx, ownerID)
		if err != nil {
			return err
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO resource_files (id, resource_id, name, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, resourceID, name, sniffed, len(data), data, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("resource: add file: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: ownerID, OrgPath: owner.Path, Action: "resource.file",
			Target: "resource:" + strconv.FormatInt(resourceID, 10), After: map[string]any{"name": name, "size": len(data), "mime": sniffed}})
	})
	return id, err
}

// Files lists a resource's files.
func (s *Store) Files(ctx context.Context, resourceID int64) ([]File, error) {
	rows, err := s.db.Query(ctx, `SELECT id, name, mime, size, created_at FROM resource_files WHERE resource_id = ? ORDER BY id`, resourceID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []File
	for rows.Next() {
		f := File{ResourceID: resourceID}
		var c int64
		if err := rows.Scan(&f.ID, &f.Name, &f.Mime, &f.Size, &c); err != nil {
			return nil, err
		}
		f.CreatedAt = db.Time(c)
		out = append(out, f)
	}
	return out, rows.Err()
}

// FileData reads one file of a resource.
func (s *Store) FileData(ctx context.Context, resourceID, fileID int64) (File, []byte, error) {
	f := File{ID: fileID, ResourceID: resourceID}
	var data []byte
	err := s.db.QueryRow(ctx, `SELECT name, mime, size, data FROM resource_files WHERE id = ? AND resource_id = ?`, fileID, resourceID).
		Scan(&f.Name, &f.Mime, &f.Size, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return f, nil, ErrNotFound
	}
	return f, data, err
}
