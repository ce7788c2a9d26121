// Package society is how a 科协, as 业务主管单位, oversees its societies (学会)
// and how a society keeps its members: the society's profile (registration,
// governing bodies, branches, charter versions, government functions taken
// on), the yearly 年度工作报告 (年检材料) filed by the society and checked by
// the 科协, term renewal (换届), grades (3A/4A/5A, scored through the review
// engine), and membership — tiers, members, each term its own record, dues
// with receipts, and member cards a public page verifies.
//
// A society is an org of type "society" (package org); every row names it
// by ID and every list and count is scoped by its org path. The package
// must never decide access itself (package access does), read another
// module's tables, or let the one who files a report accept it.
package society

import (
	"embed"
	"io/fs"
	"time"

	"kexie/internal/db"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations returns the module's schema.
func Migrations() db.Migrations {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	return db.Migrations{Module: "society", FS: sub}
}

// Report statuses.
const (
	ReportDraft    = "draft"
	ReportFiled    = "filed"
	ReportReturned = "returned"
	ReportAccepted = "accepted"
)

// Grades, best first.
var Grades = []string{"5A", "4A", "3A"}

// Profile is a society's registration and organisation.
type Profile struct {
	OrgID        int64
	USCC         string // 统一社会信用代码
	Registrar    string // 登记管理机关
	Supervisor   string // 业务主管单位
	HostUnit     string // 挂靠单位
	FoundedOn    time.Time
	StaffFull    int
	StaffPart    int
	PartyOrg     bool // 是否建立党组织
	PartyMembers int
	UpdatedAt    time.Time
}

// Fact kinds: the people and documents a society's profile lists.
const (
	FactBearer   = "bearer"   // 负责人 (理事长, 副理事长, 秘书长 …) with a term
	FactStaff    = "staff"    // 秘书处工作人员 (role: full or part)
	FactBranch   = "branch"   // 分支机构
	FactOffice   = "office"   // 代表机构
	FactCharter  = "charter"  // 章程版本
	FactFunction = "function" // 承接政府转移职能 (role: source department)
)

// FactKinds lists the kinds in display order.
var FactKinds = []string{FactBearer, FactStaff, FactBranch, FactOffice, FactCharter, FactFunction}

// Fact is one office bearer, staff member, branch, charter version or
// government function of a society, with its period.
type Fact struct {
	ID     int64
	OrgID  int64
	Kind   string
	Name   string
	Role   string
	Detail string
	From   time.Time
	To     time.Time
}

// Term is one term of a governing body (理事会 council, 常务理事会 standing)
// and its renewal (换届).
type Term struct {
	ID         int64
	OrgID      int64
	OrgName    string
	Body       string
	Seq        int
	StartsOn   time.Time
	EndsOn     time.Time
	Plan       string
	PlanStatus string // none, submitted, approved, returned
	PlanBy     int64
	ApprovedAt time.Time
	ElectedOn  time.Time
	Result     string
}

// Overdue reports whether the term has ended at now without a 换届.
func (t Term) Overdue(now time.Time) bool { return t.ElectedOn.IsZero() && !now.Before(t.EndsOn) }

// Grade is a society's grade and how long it holds.
type Grade struct {
	ID         int64
	OrgID      int64
	Grade      string
	Score      float64
	AwardedOn  time.Time
	ValidUntil time.Time
	CallID     int64
	AppID      int64
}
