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
	all := make([]string, 0, 64)
	for _, s := range texts {
		all = appendTokens(all, s)
	}
	seen := make(map[string]struct{}, len(all))
	var b strings.Builder
	for _, t := range all {
		if _, dup := seen[t]; dup || t == "" {
			continue
		}
		seen[t] = struct{}{}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
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

// tokens splits s into bigrams of Han runs and lower-cased alphanumeric
// words.
func tokens(s string) []string { return appendTokens(nil, s) }

// appendTokens appends the tokens of s to out. Terms are slices of s (a
// bigram is s between the starts of its first and third characters), so
// only upper-case words allocate.
func appendTokens(out []string, s string) []string {
	var buf [32]int
	han := buf[:0] // byte offsets of the characters of the current Han run
	word := -1     // byte offset where the current word starts
	flushHan := func(end int) {
		// A lone character makes no bigram: it is searched by name prefix.
		for i := 0; i+1 < len(han); i++ {
			j := end
			if i+2 < len(han) {
				j = han[i+2]
			}
			out = append(out, s[han[i]:j])
		}
		han = han[:0]
	}
	flushWord := func(end int) {
		if word >= 0 {
			out = append(out, strings.ToLower(s[word:end]))
			word = -1
		}
	}
	for i, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			flushWord(i)
			han = append(han, i)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flushHan(i)
			if word < 0 {
				word = i
			}
		default:
			flushHan(i)
			flushWord(i)
		}
	}
	flushHan(len(s))
	flushWord(len(s))
	return out
}
