package audit

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

func appendSome(t *testing.T, d *db.DB, n int) {
	t.Helper()
	ctx := WithMeta(context.Background(), Meta{ActorID: 7, ActorName: "张三", IP: "10.0.0.1"})
	for i := range n {
		if err := d.Tx(ctx, func(tx *db.Tx) error {
			return Append(ctx, tx, Entry{OrgID: 1, OrgPath: "/1/", Action: "org.update", Target: fmt.Sprintf("org:%d", i)})
		}); err != nil {
			t.Fatal(err)
		}
	}
}

// rechain rewrites records from seq on, after edit changed record seq, the
// way an attacker with write access to the database would: every hash and
// link recomputed by hash (nil key: plain SHA-256), the head moved along.
func rechain(t *testing.T, d *db.DB, seq int64, chain int, key []byte, edit string) {
	t.Helper()
	rewrite(t, d, seq, chain, key, chain, edit, true)
}

// rewrite is rechain's work: records are hashed as chain hashAs under key
// and stored with the marker stored; setMAC also rewrites the head's MAC
// (computed under key, or cleared without one).
func rewrite(t *testing.T, d *db.DB, seq int64, hashAs int, key []byte, stored int, edit string, setMAC bool) {
	t.Helper()
	ctx := context.Background()
	if _, err := d.Exec(ctx, edit); err != nil {
		t.Fatal(err)
	}
	rows, err := d.Query(ctx, `SELECT `+columns+` FROM audit_log WHERE seq >= ? ORDER BY seq`, seq-1)
	if err != nil {
		t.Fatal(err)
	}
	var recs []Record
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	rows.Close()
	prev := recs[0].Hash
	for _, r := range recs[1:] {
		r.PrevHash, r.Chain = prev, hashAs
		r.Hash = r.computeHash(key)
		if _, err := d.Exec(ctx, `UPDATE audit_log SET prev_hash = ?, hash = ?, chain = ? WHERE seq = ?`, r.PrevHash, r.Hash, stored, r.Seq); err != nil {
			t.Fatal(err)
		}
		prev = r.Hash
	}
	if !setMAC {
		if _, err := d.Exec(ctx, `UPDATE audit_head SET hash = ? WHERE id = 1`, prev); err != nil {
			t.Fatal(err)
		}
		return
	}
	mac := ""
	if key != nil {
		mac = headMAC(key, recs[len(recs)-1].Seq, prev)
	}
	if _, err := d.Exec(ctx, `UPDATE audit_head SET hash = ?, mac = ? WHERE id = 1`, prev, mac); err != nil {
		t.Fatal(err)
	}
}

func problemAt(rep Report, seq int64) bool {
	for _, p := range rep.Problems {
		if p.Seq == seq {
			return true
		}
	}
	return false
}

// The attack of issue 17 §5.4: edit a record and recompute plain SHA-256
// hashes down the chain. Before the chain was keyed this passed verify.
func TestPlainRecomputeDetected(t *testing.T) {
	ctx := context.Background()
	edit := `UPDATE audit_log SET summary = '{"after":{"name":"伪造"}}' WHERE seq = 3`
	tests := []struct {
		name  string
		chain int
		key   []byte
		clean bool
	}{
		{"plain SHA-256, marked keyed", ChainKeyed, nil, false},
		{"plain SHA-256, marked unkeyed", ChainPlain, nil, false},
		{"HMAC under another key", ChainKeyed, []byte("a key the attacker guessed......"), false},
		{"HMAC under the server's key", ChainKeyed, dbtest.AuditKey, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbtest.Run(t, []db.Migrations{Migrations()}, func(t *testing.T, d *db.DB) {
				appendSome(t, d, 6)
				if tt.key == nil {
					rechainPlain(t, d, 3, tt.chain, edit)
				} else {
					rechain(t, d, 3, tt.chain, tt.key, edit)
				}
				rep, err := Verify(ctx, d)
				if err != nil {
					t.Fatal(err)
				}
				if tt.clean {
					if !rep.OK() {
						t.Errorf("rechained with the key: %+v", rep.Problems)
					}
					return
				}
				if rep.OK() || !problemAt(rep, 3) {
					t.Errorf("problems %+v, want record 3 named", rep.Problems)
				}
			})
		})
	}
}

// rechainPlain is rechain with plain SHA-256 whatever the chain marker says
// (the head's MAC left as it was).
func rechainPlain(t *testing.T, d *db.DB, seq int64, chain int, edit string) {
	t.Helper()
	rewrite(t, d, seq, ChainPlain, nil, chain, edit, false)
}

// legacyMigrations are the audit migrations before the chain was keyed.
func legacyMigrations(t *testing.T) db.Migrations {
	t.Helper()
	old := fstest.MapFS{}
	for _, name := range []string{"001_audit.sql", "002_audit_path.postgres.sql", "002_audit_path.sqlite.sql"} {
		b, err := fs.ReadFile(Migrations().FS, name)
		if err != nil {
			t.Fatal(err)
		}
		old[name] = &fstest.MapFile{Data: b}
	}
	return db.Migrations{Module: "audit", FS: old}
}

// A database written by the version with a plain chain upgrades: KeyChain
// keys it with one recorded event, it verifies, and the old records stay
// bound — editing one and recomputing plain hashes is still detected.
func TestUpgradeKeysOldChain(t *testing.T) {
	ctx := context.Background()
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			var d *db.DB
			if dialect == "sqlite" {
				d = dbtest.OpenSQLite(t, legacyMigrations(t))
			} else {
				d = dbtest.OpenPostgres(t, legacyMigrations(t))
			}
			// Three records as the old version wrote them.
			prev := GenesisHash
			for seq := int64(1); seq <= 3; seq++ {
				r := Record{Seq: seq, ID: 100 + seq, At: d.Now().UTC().Truncate(1e6), Action: "org.create", Target: fmt.Sprint("org:", seq), PrevHash: prev}
				r.Hash = r.computeHash(nil)
				if _, err := d.Exec(ctx, `INSERT INTO audit_log (seq, id, at, action, target, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
					r.Seq, r.ID, db.Millis(r.At), r.Action, r.Target, r.PrevHash, r.Hash); err != nil {
					t.Fatal(err)
				}
				prev = r.Hash
			}
			if _, err := d.Exec(ctx, `UPDATE audit_head SET seq = 3, hash = ? WHERE id = 1`, prev); err != nil {
				t.Fatal(err)
			}
			if err := d.Migrate(ctx, Migrations()); err != nil {
				t.Fatal(err)
			}
			if err := d.Tx(ctx, func(tx *db.Tx) error { return Append(ctx, tx, Entry{Action: "org.update"}) }); !errors.Is(err, ErrHeadTampered) {
				t.Errorf("append before keying: %v", err)
			}
			if keyed, err := KeyChain(ctx, d); err != nil || !keyed {
				t.Fatalf("KeyChain = %v, %v", keyed, err)
			}
			if keyed, err := KeyChain(ctx, d); err != nil || keyed {
				t.Fatalf("second KeyChain = %v, %v", keyed, err)
			}
			appendSome(t, d, 2)
			rep, err := Verify(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if !rep.OK() || rep.Unkeyed != 3 || rep.KeyedFrom != 4 || rep.HeadSeq != 6 {
				t.Fatalf("upgraded chain: %+v", rep)
			}
			var action string
			if err := d.QueryRow(ctx, `SELECT action FROM audit_log WHERE seq = 4`).Scan(&action); err != nil || action != KeyedAction {
				t.Errorf("record 4 = %q, %v", action, err)
			}
			// Edit an old record and recompute the old records' plain hashes:
			// the first keyed record no longer links.
			rechainPlainUpTo(t, d, 2, 3)
			if rep, _ := Verify(ctx, d); rep.OK() || !problemAt(rep, 4) {
				t.Errorf("old record edited: %+v", rep.Problems)
			}
		})
	}
}

// rechainPlainUpTo edits record seq and recomputes plain hashes up to last.
func rechainPlainUpTo(t *testing.T, d *db.DB, seq, last int64) {
	t.Helper()
	ctx := context.Background()
	prev := GenesisHash
	if seq > 1 {
		if err := d.QueryRow(ctx, `SELECT hash FROM audit_log WHERE seq = ?`, seq-1).Scan(&prev); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.Exec(ctx, `UPDATE audit_log SET target = 'org:666' WHERE seq = ?`, seq); err != nil {
		t.Fatal(err)
	}
	for s := seq; s <= last; s++ {
		row := d.QueryRow(ctx, `SELECT `+columns+` FROM audit_log WHERE seq = ?`, s)
		r, err := scan(row)
		if err != nil {
			t.Fatal(err)
		}
		r.PrevHash = prev
		r.Hash = r.computeHash(nil)
		if _, err := d.Exec(ctx, `UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?`, r.PrevHash, r.Hash, s); err != nil {
			t.Fatal(err)
		}
		prev = r.Hash
	}
}

// The head's MAC: moving the head back over a truncated tail, or blanking
// it, is reported; Append refuses to extend a tampered head; keying again
// after the MAC was blanked leaves a "rekeyed" record.
func TestHeadMAC(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, []db.Migrations{Migrations()}, func(t *testing.T, d *db.DB) {
		appendSome(t, d, 5)
		if _, err := d.Exec(ctx, `DELETE FROM audit_log WHERE seq = 5`); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Exec(ctx, `UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_log WHERE seq = 4) WHERE id = 1`); err != nil {
			t.Fatal(err)
		}
		if rep, _ := Verify(ctx, d); rep.OK() || !problemAt(rep, 4) {
			t.Errorf("truncated, head moved back: %+v", rep.Problems)
		}
		if err := d.Tx(ctx, func(tx *db.Tx) error { return Append(ctx, tx, Entry{Action: "org.update"}) }); !errors.Is(err, ErrHeadTampered) {
			t.Errorf("append over a moved head: %v", err)
		}
		if _, err := d.Exec(ctx, `UPDATE audit_head SET mac = '' WHERE id = 1`); err != nil {
			t.Fatal(err)
		}
		if keyed, err := KeyChain(ctx, d); err != nil || !keyed {
			t.Fatalf("KeyChain = %v, %v", keyed, err)
		}
		rep, _ := Verify(ctx, d)
		found := false
		for _, p := range rep.Problems {
			found = found || p.Kind == "rekeyed" && p.Seq == 5
		}
		if !found {
			t.Errorf("keyed again: %+v", rep.Problems)
		}
	})
}

func TestNoKey(t *testing.T) {
	d := dbtest.OpenSQLite(t, Migrations())
	d.SetAuditKey(nil)
	ctx := context.Background()
	if err := d.Tx(ctx, func(tx *db.Tx) error { return Append(ctx, tx, Entry{Action: "org.update"}) }); !errors.Is(err, ErrNoKey) {
		t.Errorf("append without a key: %v", err)
	}
	if _, err := Verify(ctx, d); !errors.Is(err, ErrNoKey) {
		t.Errorf("verify without a key: %v", err)
	}
}
