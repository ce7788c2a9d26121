// Package people keeps the sci-tech workers a 科协 serves — members,
// experts, talents — with their ID numbers and phones sealed at rest and
// masked on screen. Only a permitted role reveals a value, and every reveal
// is written to the audit log.
//
// It must never store or log a plaintext ID number or phone, and never read
// another module's tables except orgs' paths for scoping.
package people

import (
	"embed"
	"io/fs"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Gender values.
const (
	Male   = "m"
	Female = "f"
)

// TitleLevels are the professional title levels (职称级别), lowest last.
func TitleLevels() []string {
	return []string{"senior", "vice_senior", "intermediate", "junior", "none"}
}

// Person is one record as stored: sensitive fields stay sealed.
type Person struct {
	ID      int64
	OrgID   int64
	OrgName string
	OrgPath string
	Name    string
	Gender  string
	// BirthYear is read from the ID number when given (0: unknown). The
	// full birth date is not stored in clear: with the masked number it
	// would rebuild the number (D43); Reveal reads it from the sealed one.
	BirthYear    int
	IDSealed     string
	PhoneSealed  string
	IDMasked     string
	PhoneMasked  string
	Email        string
	Employer     string
	TitleLevel   string
	Title        string
	Education    string
	Degree       string
	Discipline   string   // primary discipline: a GB/T 13745 code (or a name written before the table was imported)
	Disciplines2 []string // secondary disciplines (次要学科): GB/T 13745 codes, in the order given
	Expertise    string
	RegionCode   string
	Categories   string // talent categories, "、"-separated
	CreatedAt    time.Time
	UpdatedAt    time.Time
	DeletedAt    time.Time // zero unless the record was deleted (a tombstone, person_delete.go)

	// EmployerOrgID is the org in the tree the person works at (0: none),
	// EmployerUSCC the 统一社会信用代码 of an outside employer: at most one
	// is set, and Employer holds the unit's name either way.
	EmployerOrgID int64
	EmployerUSCC  string
}

// Input is what staff enter for a person.
type Input struct {
	OrgID      int64
	Name       string
	IDNumber   string
	Phone      string
	Email      string
	Employer   string
	TitleLevel string
	Title      string
	Education  string
	Degree     string
	Discipline string
	// Disciplines2 are the secondary disciplines (次要学科), at most
	// MaxDisciplines2 GB/T 13745 codes, none the primary; they need one.
	Disciplines2 []string
	Expertise    string
	RegionCode   string
	Categories   string

	// EmployerOrgID names an org in the tree as the employer (0: none);
	// Employer defaults to its name. It must lie in EmployerScope, where
	// the editor may edit people (the zero Scope: no org may be named;
	// Update passes Everywhere for a link already recorded).
	EmployerOrgID int64
	EmployerScope access.Scope
	// EmployerUSCC is an outside employer's 统一社会信用代码 (GB 32100),
	// optional; it excludes EmployerOrgID.
	EmployerUSCC string
}

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns the people tables' migrations (after org's).
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "people", FS: sub}
}
