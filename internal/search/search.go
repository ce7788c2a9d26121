// Package search turns Chinese and mixed text into index terms without a
// dictionary: overlapping character bigrams for runs of Han characters (the
// way Elasticsearch's cjk analyzer and PostgreSQL's pg_bigm work) and
// lower-cased words for Latin letters and digits. Stores keep the terms in a
// column indexed by the database itself (SQLite FTS5, PostgreSQL tsvector
// with GIN), written in the same transaction as the row, so the index never
// drifts from the data.
//
// It must never hold state: no dictionary to load, nothing to warm up.
package search

import (
	"strings"
	"unicode"
)

// Terms returns the space-separated, de-duplicated index terms of texts.
func Terms(texts ...string) string {
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, s := range texts {
		for _, t := range tokens(s) {
			add(t)
		}
	}
	return strings.Join(out, " ")
}

// QueryTerms returns the terms a query must all match. A lone Han
// character yields no bigram; it is returned as single so the caller can
// fall back to a prefix match on names.
func QueryTerms(q string) (terms []string, single string) {
	terms = tokens(q)
	if len(terms) == 0 {
		rs := []rune(strings.TrimSpace(q))
		if len(rs) == 1 && unicode.Is(unicode.Han, rs[0]) {
			single = string(rs)
		}
	}
	seen := map[string]bool{}
	uniq := terms[:0]
	for _, t := range terms {
		if !seen[t] {
			seen[t] = true
			uniq = append(uniq, t)
		}
	}
	return uniq, single
}

// tokens splits s into bigrams of Han runs and lower-cased alphanumeric words.
func tokens(s string) []string {
	var out []string
	var han []rune
	var word []rune
	flushHan := func() {
		// A lone character makes no bigram: it is searched by name prefix.
		for i := 0; i+1 < len(han); i++ {
			out = append(out, string(han[i:i+2]))
		}
		han = han[:0]
	}
	flushWord := func() {
		if len(word) > 0 {
			out = append(out, strings.ToLower(string(word)))
		}
		word = word[:0]
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			flushWord()
			han = append(han, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flushHan()
			word = append(word, r)
		default:
			flushHan()
			flushWord()
		}
	}
	flushHan()
	flushWord()
	return out
}
