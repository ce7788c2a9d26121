package db

import (
	"database/sql/driver"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"modernc.org/sqlite"
)

// Names sort in pinyin order (汉语拼音) on both databases through one SQL
// function, pinyin(text), that turns a name into a sort key compared byte
// by byte: ORDER BY pinyin(o.name), o.id. SQLite runs PinyinKey (registered
// on every connection by Open); PostgreSQL runs a PL/pgSQL function over
// the table pinyin_chars that core migration 003 creates. Both read the
// same data — the rows of that migration, which PinyinKey parses — so the
// two databases order names alike (docs/pinyin-decisions.md says why a key
// and not a collation). Both compare the key byte by byte: SQLite's BINARY,
// and on PostgreSQL the function's result is in collation "C" whatever the
// database's own (core migration 004 gives it an argument of a domain
// collated "C", from which the result takes its collation).
//
// The data must never change in place: the name_key columns of people,
// unit_members, volunteers, orgs, users (from display_name), youth_teachers
// (and its school_key), venues, and events' title_key hold keys computed
// from it (a trigger sets them on each write: pinyin_name_key,
// users_name_key, youth_teachers_keys or events_title_key on PostgreSQL). A new reading, or a new way of
// building the key (core migration 005, numbers by value), is a new
// migration that updates pinyin_chars or pinyin(), and a migration in each
// of those modules that recomputes its columns (and rebuilds any index on
// pinyin(…)); PinyinKey must then read or do the same; app's
// TestNameKeysRecomputed lists the name_key and school_key columns.

// pinyinFile is the migration whose rows are the character table.
const pinyinFile = "migrations/003_pinyin.postgres.sql"

// PinyinOrder is the SQL for sorting by the name in col in pinyin order,
// for a list's sort map: PinyinOrder("o.name") is "pinyin(o.name)".
func PinyinOrder(col string) string { return "pinyin(" + col + ")" }

var pinyinTable = sync.OnceValues(func() (map[rune]string, error) {
	b, err := fs.ReadFile(coreFS, pinyinFile)
	if err != nil {
		return nil, err
	}
	return parsePinyinRows(string(b))
})

// parsePinyinRows reads the rows ('tok', 'chars') of the migration's
// VALUES list, one to a line, between the "-- rows" and "-- end" marks.
func parsePinyinRows(sql string) (map[rune]string, error) {
	_, rest, ok := strings.Cut(sql, "\n-- rows\n")
	if !ok {
		return nil, fmt.Errorf("db: %s: no rows mark", pinyinFile)
	}
	rest, _, ok = strings.Cut(rest, "\n-- end\n")
	if !ok {
		return nil, fmt.Errorf("db: %s: no end mark", pinyinFile)
	}
	m := make(map[rune]string, 45000)
	for i, line := range strings.Split(rest, "\n") {
		line = strings.TrimSuffix(strings.TrimSuffix(line, ","), ";")
		tok, chars, ok := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(line, "('"), "')"), "', '")
		if !ok || tok == "" || chars == "" {
			return nil, fmt.Errorf("db: %s: bad row %d: %q", pinyinFile, i+1, line)
		}
		for _, r := range strings.ReplaceAll(chars, "''", "'") {
			m[r] = tok
		}
	}
	return m, nil
}

// PinyinKey is the sort key of name that pinyin(name) returns: each
// character's token — a Han character's syllable and tone ("zhong1"), a
// Latin letter in either case or width its letter and tone 0 ("a0"), a
// space or punctuation mark "!", anything else "{" and its code point in
// six hex digits — then a space and name itself, so names that read alike
// still come in one fixed order. Syllables compare letter by letter with
// the tone digit ending each, so 西安 (xi1an1) comes before 厦门 (xia4men2)
// as in a dictionary, and a Latin word before the Han characters read with
// its first letters. A run of digits (ASCII or full width) is one token
// that compares by value, 第2届 before 第10届 (see numberToken).
func PinyinKey(name string) string {
	t, err := pinyinTable()
	if err != nil {
		panic(err) // the migration is embedded in the binary; a test reads it
	}
	var b, run strings.Builder
	b.Grow(len(name)*3 + 1)
	for _, r := range name {
		tok, ok := t[r]
		if ok && len(tok) == 1 && tok[0] >= '0' && tok[0] <= '9' {
			run.WriteString(tok)
			continue
		}
		if run.Len() > 0 {
			b.WriteString(numberToken(run.String()))
			run.Reset()
		}
		if ok {
			b.WriteString(tok)
			continue
		}
		fmt.Fprintf(&b, "{%06x", r)
	}
	if run.Len() > 0 {
		b.WriteString(numberToken(run.String()))
	}
	b.WriteByte(' ')
	b.WriteString(name)
	return b.String()
}

// numberToken is the token of a run of digits, compared by value: the
// digits without leading zeros ("0" for none left) after their count — one
// digit "1"–"9" up to nine digits, else ":" and the count in two digits
// (99 for more) — so a shorter number comes first and numbers of one
// length compare digit by digit. Every token starts with "1"–":", after
// "!" and before the letters, where digits came before. 007 and 7 tie; the
// name after the key orders them.
func numberToken(digits string) string {
	digits = strings.TrimLeft(digits, "0")
	if digits == "" {
		digits = "0"
	}
	if n := len(digits); n <= 9 {
		return string(rune('0'+n)) + digits
	}
	return fmt.Sprintf(":%02d", min(len(digits), 99)) + digits
}

var registerPinyin = sync.OnceValue(func() error {
	if _, err := pinyinTable(); err != nil {
		return err
	}
	return sqlite.RegisterDeterministicScalarFunction("pinyin", 1,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case nil:
				return nil, nil
			case string:
				return PinyinKey(v), nil
			case []byte:
				return PinyinKey(string(v)), nil
			default:
				return PinyinKey(fmt.Sprint(v)), nil
			}
		})
})
