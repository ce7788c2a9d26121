package innovation

import (
	"context"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/std"
)

// FindExperts searches the talent database, within scope, for experts to
// propose: by name, employer or expertise, two to fifty characters; never
// by a phone or an ID number (which would tell who owns one).
func (s *Store) FindExperts(ctx context.Context, scope access.Scope, q string) ([]Expert, error) {
	q = strings.TrimSpace(q)
	if s.cfg.Experts == nil || scope.None() || utf8.RuneCountInString(q) < 2 || utf8.RuneCountInString(q) > 50 {
		return nil, nil
	}
	if _, ok := std.NormalizeMobile(q); ok || (len(q) == 18 && strings.Trim(q[:17], "0123456789") == "") {
		return nil, nil
	}
	return s.cfg.Experts.Find(ctx, scope, q, 20)
}
