package people

import (
	"context"
	"fmt"
	"strconv"

	"kexie/internal/audit"
	"kexie/internal/db"
)

// Reseal re-encrypts, under the keyring's current version, every sealed
// field written with an older one. It works in batches, each its own short
// transaction, so the server keeps serving while it runs; readers open both
// versions meanwhile. progress is called after each batch.
func (s *Store) Reseal(ctx context.Context, batch int, progress func(done int)) (int, error) {
	if batch <= 0 {
		batch = 1000
	}
	cur := "k" + strconv.Itoa(s.keys.Current()) + ":%"
	done := 0
	for {
		n := 0
		err := s.db.Tx(ctx, func(tx *db.Tx) error {
			rows, err := tx.Query(ctx, `SELECT id, id_enc, phone_enc FROM people
				WHERE (id_enc <> '' AND id_enc NOT LIKE ?) OR (phone_enc <> '' AND phone_enc NOT LIKE ?) LIMIT ?`, cur, cur, batch)
			if err != nil {
				return err
			}
			type sealed struct {
				id       int64
				idv, phv string
			}
			var todo []sealed
			for rows.Next() {
				var x sealed
				if err := rows.Scan(&x.id, &x.idv, &x.phv); err != nil {
					rows.Close()
					return err
				}
				todo = append(todo, x)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, x := range todo {
				idv, err := s.reseal("id_number", x.idv)
				if err != nil {
					return fmt.Errorf("person %d: %w", x.id, err)
				}
				phv, err := s.reseal("phone", x.phv)
				if err != nil {
					return fmt.Errorf("person %d: %w", x.id, err)
				}
				if _, err := tx.Exec(ctx, `UPDATE people SET id_enc = ?, phone_enc = ? WHERE id = ?`, idv, phv, x.id); err != nil {
					return err
				}
			}
			n = len(todo)
			if n == 0 {
				return nil
			}
			return audit.Append(ctx, tx, audit.Entry{Action: "pii.rotate", Target: "people",
				After: map[string]int{"rows": n, "key_version": s.keys.Current()}})
		})
		if err != nil {
			return done, fmt.Errorf("people: reseal: %w", err)
		}
		done += n
		if progress != nil && n > 0 {
			progress(done)
		}
		if n < batch {
			return done, nil
		}
	}
}

func (s *Store) reseal(field, v string) (string, error) {
	if v == "" {
		return "", nil
	}
	plain, err := s.keys.Open(field, v)
	if err != nil {
		return "", err
	}
	return s.keys.Seal(field, plain)
}
