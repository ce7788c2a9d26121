package db

import (
	"errors"
	"kexie/internal/access"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// bind rewrites "?" placeholders to PostgreSQL's "$n", skipping quoted text.
// Results are cached per query text: the set of queries is small and fixed.
func (d *DB) bind(q string) string {
	if d.dialect != Postgres {
		return q
	}
	if v, ok := d.rebind.Load(q); ok {
		return v.(string)
	}
	out := Rebind(q)
	d.rebind.Store(q, out)
	return out
}

// Rebind converts "?" placeholders to "$1", "$2", … outside single-quoted
// strings, double-quoted identifiers and comments.
func Rebind(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 8)
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch c {
		case '\'', '"':
			j := i + 1
			for j < len(q) && q[j] != c {
				j++
			}
			if j >= len(q) {
				j = len(q) - 1
			}
			b.WriteString(q[i : j+1])
			i = j
		case '-':
			if i+1 < len(q) && q[i+1] == '-' {
				j := strings.IndexByte(q[i:], '\n')
				if j < 0 {
					b.WriteString(q[i:])
					return b.String()
				}
				b.WriteString(q[i : i+j+1])
				i += j
			} else {
				b.WriteByte(c)
			}
		case '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// PrefixMatch returns a condition that col starts with the value bound to the
// returned argument, using the index on col in both databases: GLOB in SQLite
// (binary collation) and LIKE with a text_pattern_ops index in PostgreSQL.
// prefix must not contain wildcard characters (materialized paths never do).
func PrefixMatch(q Q, col, prefix string) (cond string, arg string) {
	if q.Dialect() == Postgres {
		return col + " LIKE ?", prefix + "%"
	}
	return col + " GLOB ?", prefix + "*"
}

// IsUniqueViolation reports whether err is a unique-constraint violation.
func IsUniqueViolation(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505"
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// IsForeignKeyViolation reports whether err is a foreign-key violation.
func IsForeignKeyViolation(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23503"
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
	}
	return false
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// LikeEscape escapes s for use inside a LIKE pattern with ESCAPE '\'.
func LikeEscape(s string) string {
	return likeEscaper.Replace(s)
}

// inSubtrees returns a condition that col lies in one of the subtrees whose
// materialized paths are given (an OR of PrefixMatch), with its arguments.
// paths must not be empty. Callers outside take an access.Scope (ScopeCond),
// so no list goes back to a []string whose nil meant everything.
func inSubtrees(q Q, col string, paths []string) (string, []any) {
	conds := make([]string, len(paths))
	args := make([]any, len(paths))
	for i, p := range paths {
		conds[i], args[i] = PrefixMatch(q, col, p)
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
}

// ScopeCond returns the condition that the org path column col lies in
// scope, with its arguments: "1=1" for Everywhere, "1=0" for a scope holding
// nothing (so a forgotten scope shows no rows), otherwise an OR of prefix
// matches that use the index on col.
func ScopeCond(q Q, col string, scope access.Scope) (string, []any) {
	if scope.All() {
		return "1=1", nil
	}
	paths := scope.Paths()
	if len(paths) == 0 {
		return "1=0", nil
	}
	return inSubtrees(q, col, paths)
}

// ScopeIn is ScopeCond narrowed to the subtree at orgPath when orgPath is
// set (a list's org filter); ok is false when nothing can match: an empty
// scope, or an orgPath the scope does not contain (another org's subtree is
// not narrowed to what the scope holds of it, it shows nothing).
func ScopeIn(q Q, col string, scope access.Scope, orgPath string) (cond string, args []any, ok bool) {
	if scope.None() || orgPath != "" && !scope.Contains(orgPath) {
		return "", nil, false
	}
	cond, args = ScopeCond(q, col, scope)
	if orgPath != "" {
		c, p := PrefixMatch(q, col, orgPath)
		cond, args = cond+" AND "+c, append(args, p)
	}
	return cond, args, true
}
