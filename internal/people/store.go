package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"sync/atomic"

	"kexie/internal/db"
	"kexie/internal/pii"
)

// Store reads and writes people. Exported methods are transactions; every
// change and every reveal is audited.
type Store struct {
	db   *db.DB
	keys *pii.Keyring
	mem  *memIndex
	imp  *imports // background imports (import_job.go); nil until UseJobs
	// disciplinesLoaded is set once this node has seen the discipline
	// table non-empty (discipline_seed.go).
	disciplinesLoaded atomic.Bool
}

// NewStore returns a store sealing with keys.
func NewStore(d *db.DB, keys *pii.Keyring) *Store {
	return &Store{db: d, keys: keys, mem: newMemIndex()}
}

// BuildIndex loads this node's in-memory search index from the database.
// Until it is ready, searches are answered by the database's own index.
func (s *Store) BuildIndex(ctx context.Context) error { return s.mem.build(ctx, s.db) }

const cols = `p.id, p.org_id, o.name, o.path, p.name, p.gender, p.birth_year, p.id_enc, p.phone_enc, p.id_masked, p.phone_masked,
	p.email, p.employer, p.title_level, p.title, p.education, p.degree, p.discipline, p.disciplines2, p.expertise,
	p.region_code, p.categories, COALESCE(p.employer_org_id, 0), p.employer_uscc, p.created_at, p.updated_at, p.deleted_at`

func scan(row db.Scanner, extra ...any) (Person, error) {
	var p Person
	var c, u, del int64
	var d2 string
	err := row.Scan(append([]any{&p.ID, &p.OrgID, &p.OrgName, &p.OrgPath, &p.Name, &p.Gender, &p.BirthYear, &p.IDSealed,
		&p.PhoneSealed, &p.IDMasked, &p.PhoneMasked, &p.Email, &p.Employer, &p.TitleLevel, &p.Title, &p.Education,
		&p.Degree, &p.Discipline, &d2, &p.Expertise, &p.RegionCode, &p.Categories, &p.EmployerOrgID, &p.EmployerUSCC, &c, &u, &del}, extra...)...)
	p.CreatedAt, p.UpdatedAt, p.Disciplines2 = db.Time(c), db.Time(u), storedCodes(d2)
	if del != 0 {
		p.DeletedAt = db.Time(del)
	}
	return p, err
}

// row is a validated input, ready to store.
type row struct {
	Input
	id                int64 // set by the caller of insert, or 0 for a new ID
	gender            string
	birthYear         int
	idSealed, idIndex string
	idMasked          string
	phSealed, phIndex string
	phMasked          string
}

func target(id int64) string { return "person:" + strconv.FormatInt(id, 10) }

// Get returns the person with id.
func (s *Store) Get(ctx context.Context, id int64) (Person, error) {
	p, err := scan(s.db.QueryRow(ctx, `SELECT `+cols+` FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("people: %d: %w", id, db.ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("people: get %d: %w", id, err)
	}
	return p, nil
}

// Fields that Reveal can open. The birth date is read from the sealed ID
// number: it is not stored in clear (D43).
const (
	FieldID    = "id_number"
	FieldPhone = "phone"
	FieldBirth = "birth_date"
)
