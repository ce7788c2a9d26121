package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"kexie/internal/db"
)

// typeAbbr is the letters a generated code gives each type: the initials
// of its Chinese name, as an office would write them (学会 XH, 部门 BM).
var typeAbbr = map[Type]string{
	TypeNational: "KX", TypeProvince: "KX", TypeCity: "KX", TypeCounty: "KX", TypeTown: "KX",
	TypeSociety: "XH", TypeUniversity: "GX", TypeEnterprise: "QY", TypePark: "YQ", TypeAgri: "NJX",
	TypeKepu: "KP", TypeGovDept: "BM",
}

// newCode makes a readable code for an org created without one: its
// region's GB/T 2260 code (or its parent's), the type's letters and a
// sequence number — "510104-KX" for 锦江区科协, "510100-BM-03" for the
// third department under 成都. A 科协 is alone in its region, so it takes
// no number unless one is taken already. Existing codes never change.
func (s *Store) newCode(ctx context.Context, q db.Q, in Input) (string, error) {
	region := strings.TrimSpace(in.RegionCode)
	if region == "" && in.ParentID != 0 {
		err := q.QueryRow(ctx, `SELECT region_code FROM orgs WHERE id = ?`, in.ParentID).Scan(&region)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", fmt.Errorf("org: parent region: %w", err)
		}
	}
	abbr := typeAbbr[in.Type]
	if abbr == "" {
		abbr = "ZZ"
	}
	prefix := abbr
	if region != "" {
		prefix = region + "-" + abbr
	}
	free := func(code string) (bool, error) {
		var id int64
		err := q.QueryRow(ctx, `SELECT id FROM orgs WHERE code = ?`, code).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return true, nil
		}
		return false, err
	}
	if abbr == "KX" && region != "" {
		if ok, err := free(prefix); err != nil || ok {
			return prefix, err
		}
	}
	// Start after the codes of this prefix already there, then step past
	// any taken by hand.
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM orgs WHERE code LIKE ? ESCAPE '\'`, db.LikeEscape(prefix+"-")+"%").Scan(&n); err != nil {
		return "", fmt.Errorf("org: count codes %s: %w", prefix, err)
	}
	for i := n + 1; i < n+1000; i++ {
		code := fmt.Sprintf("%s-%02d", prefix, i)
		ok, err := free(code)
		if err != nil {
			return "", fmt.Errorf("org: check code %s: %w", code, err)
		}
		if ok {
			return code, nil
		}
	}
	return "", fmt.Errorf("org: no free code for %s", prefix)
}
