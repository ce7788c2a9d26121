package people

import (
	"context"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Edit is the office's correction of a person's record: every field of the
// new-person form, the ID number only while none is recorded, and the org
// the person belongs to, which must lie in move (where the editor may edit
// people). The audit entry keeps the fields as they were and became, the
// sensitive ones masked, so a correction keeps its history.
func (s *Store) Edit(ctx context.Context, id int64, in Input, move access.Scope) (Person, error) {
	return s.update(ctx, id, in, 0, move)
}

// Deleted reports whether the record is a tombstone (person_delete.go).
func (p Person) Deleted() bool { return !p.DeletedAt.IsZero() }

// moveTarget checks a change of org during an edit and returns the new
// org's path ("" when the person stays).
func moveTarget(ctx context.Context, tx *db.Tx, old Person, to int64, move access.Scope) (string, error) {
	if to == old.OrgID {
		return "", nil
	}
	ref, err := lookupOrg(ctx, tx, "org_id", to)
	if err != nil {
		return "", err
	}
	if !move.Contains(ref.Path) {
		return "", valid.New("org_id", "people.err.move_forbidden")
	}
	if ref.Disabled {
		return "", valid.New("org_id", "people.err.org_disabled")
	}
	return ref.Path, nil
}

// editFields are the fields an edit's audit entry compares, the sensitive
// ones as masked on screen.
func editFields(p Person) map[string]string {
	return map[string]string{"name": p.Name, "org_id": idText(p.OrgID), "id_number": p.IDMasked, "phone": p.PhoneMasked,
		"email": p.Email, "employer": p.Employer, "employer_org_id": idText(p.EmployerOrgID), "employer_uscc": p.EmployerUSCC,
		"title_level": p.TitleLevel, "title": p.Title, "education": p.Education, "degree": p.Degree,
		"discipline": p.Discipline, "disciplines2": strings.Join(p.Disciplines2, ","), "expertise": p.Expertise,
		"region_code": p.RegionCode, "categories": p.Categories}
}

// auditEdit writes person.update with the fields that changed, and
// person.move (seen from the new org too) when the org changed.
func auditEdit(ctx context.Context, tx *db.Tx, old Person, r row, idSet bool, newPath string) error {
	after := old
	after.Name, after.OrgID, after.PhoneMasked, after.Email, after.Employer = r.Name, r.OrgID, r.phMasked, r.Email, r.Employer
	after.EmployerOrgID, after.EmployerUSCC, after.TitleLevel, after.Title = r.EmployerOrgID, r.EmployerUSCC, r.TitleLevel, r.Title
	after.Education, after.Degree, after.Discipline, after.Disciplines2 = r.Education, r.Degree, r.Discipline, r.Disciplines2
	after.Expertise, after.RegionCode, after.Categories = r.Expertise, r.RegionCode, r.Categories
	if idSet {
		after.IDMasked = r.idMasked
	}
	b, a := editFields(old), editFields(after)
	for k, v := range b {
		if a[k] == v {
			delete(a, k)
			delete(b, k)
		}
	}
	if err := audit.Append(ctx, tx, audit.Entry{OrgID: old.OrgID, OrgPath: old.OrgPath, Action: "person.update",
		Target: target(old.ID), Before: b, After: a}); err != nil {
		return err
	}
	if newPath == "" {
		return nil
	}
	return audit.Append(ctx, tx, audit.Entry{OrgID: r.OrgID, OrgPath: newPath, Action: "person.move", Target: target(old.ID),
		Before: map[string]string{"org_id": strconv.FormatInt(old.OrgID, 10), "org": old.OrgName},
		After:  map[string]string{"org_id": strconv.FormatInt(r.OrgID, 10)}})
}
