// Package org keeps the org tree (组织树): the 科协 at every level, 学会,
// grassroots associations and the government departments plans name. Every
// other module scopes its data by an org's materialized path, so moving an
// org re-paths its subtree in one transaction.
//
// It must never decide access itself (package access does) nor read other
// modules' tables.
package org

import (
	"embed"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"kexie/internal/db"
)

// Type is the kind of an org.
type Type string

// The org types a 科协 system has.
const (
	TypeNational   Type = "kx_national" // 中国科协
	TypeProvince   Type = "kx_province" // 省级科协
	TypeCity       Type = "kx_city"     // 市级科协
	TypeCounty     Type = "kx_county"   // 县级科协
	TypeTown       Type = "kx_town"     // 乡镇（街道）科协
	TypeSociety    Type = "society"     // 学会
	TypeUniversity Type = "university"  // 高校科协
	TypeEnterprise Type = "enterprise"  // 企业科协
	TypePark       Type = "park"        // 园区科协
	TypeAgri       Type = "agri"        // 农村专业技术协会（农技协）
	TypeKepu       Type = "kepu"        // 科普协会
	TypeGovDept    Type = "gov_dept"    // 政府部门
)

// Types lists every type in display order.
func Types() []Type {
	return []Type{TypeNational, TypeProvince, TypeCity, TypeCounty, TypeTown, TypeSociety, TypeUniversity,
		TypeEnterprise, TypePark, TypeAgri, TypeKepu, TypeGovDept}
}

// Valid reports whether t is a known type.
func (t Type) Valid() bool {
	for _, x := range Types() {
		if t == x {
			return true
		}
	}
	return false
}

// Regional reports whether t is the 科协 of an administrative region
// (national down to town): the orgs a breakdown "by region" lists.
func (t Type) Regional() bool {
	switch t {
	case TypeNational, TypeProvince, TypeCity, TypeCounty, TypeTown:
		return true
	}
	return false
}

// Label is the i18n key of the type's name.
func (t Type) Label() string { return "org.type." + string(t) }

// Org is one node of the tree.
type Org struct {
	ID         int64
	ParentID   int64 // 0 for the root
	Path       string
	Depth      int
	Code       string
	Name       string
	ShortName  string
	Type       Type
	RegionCode string
	Note       string
	CreatedAt  time.Time
	UpdatedAt  time.Time
	ChildCount int // filled by Children and List
}

// IDs returns the IDs on the org's path, root first.
func (o Org) IDs() []int64 { return PathIDs(o.Path) }

// PathIDs parses a materialized path.
func PathIDs(path string) []int64 {
	var out []int64
	for _, p := range strings.Split(strings.Trim(path, "/"), "/") {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil {
			out = append(out, id)
		}
	}
	return out
}

// Input is what a user enters to create or edit an org.
type Input struct {
	ParentID   int64
	Code       string
	Name       string
	ShortName  string
	Type       Type
	RegionCode string
	Note       string
}

// Regions is what org needs of the GB/T 2260 table (package std provides it).
type Regions interface {
	ValidCode(code string) bool
	FullName(code string) string
}

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migrations returns the org tables' migrations.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "org", FS: sub}
}
