package std

import (
	"strings"
	"unicode"

	pinyin "github.com/mozillazg/go-pinyin"
)

// Initials are the pinyin initials (首字母) of a name, for type-ahead such as
// "bj" → 北京市: one set of letters per character, bit i standing for 'a'+i.
// A polyphonic character (多音字) has every initial it can be read with —
// 重 is zhòng, chóng or tóng, so {c, t, z} — which keeps a name with
// several such characters to one set each instead of every combination of
// readings.
// ASCII letters stand for themselves; digits, punctuation and other marks
// are left out; a Han character the dictionary lacks has an empty set,
// which no query letter matches.
type Initials []uint32

// InitialsMatch says how a query matched a name's initials.
type InitialsMatch int

// How a query can match; a prefix ranks before a match inside the name.
const (
	NoMatch InitialsMatch = iota
	MatchPrefix
	MatchInside
)

// InitialsOf computes the initials of name from the pinyin dictionary.
func InitialsOf(name string) Initials {
	return appendInitials(make(Initials, 0, len(name)/3), name, nil)
}

// InitialsMemo computes initials as InitialsOf does, remembering each
// character's set: the names of a table repeat the same few hundred
// characters, and the dictionary's answer costs a map look-up, a split and
// a regular expression per reading (five times faster over the region
// table). Not safe for concurrent use.
type InitialsMemo map[rune]uint32

// Of returns the initials of name.
func (m InitialsMemo) Of(name string) Initials {
	return appendInitials(make(Initials, 0, len(name)/3), name, m)
}

// appendInitials appends the initials of name to out, remembering each
// character's set in memo when it is not nil.
func appendInitials(out Initials, name string, memo InitialsMemo) Initials {
	for _, r := range name {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			out = append(out, 1<<(unicode.ToLower(r)-'a'))
			continue
		}
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		set, ok := memo[r]
		if !ok {
			set = runeInitials(r)
			if memo != nil {
				memo[r] = set
			}
		}
		out = append(out, set)
	}
	return out
}

// runeInitials is the set of first letters of every reading of a Han
// character, in the library's heteronym (多音字) mode.
func runeInitials(r rune) uint32 {
	a := pinyin.NewArgs()
	a.Style = pinyin.FirstLetter
	a.Heteronym = true
	var set uint32
	for _, p := range pinyin.SinglePinyin(r, a) {
		if p != "" && 'a' <= p[0] && p[0] <= 'z' {
			set |= 1 << (p[0] - 'a')
		}
	}
	return set
}

// InitialsQuery reports whether q asks for pinyin initials — one or more
// ASCII letters after trimming spaces — and returns it lower-cased.
func InitialsQuery(q string) (string, bool) {
	q = strings.TrimSpace(q)
	if q == "" {
		return "", false
	}
	for i := 0; i < len(q); i++ {
		if c := q[i] | 0x20; c < 'a' || c > 'z' {
			return "", false
		}
	}
	return strings.ToLower(q), true
}

// Match reports whether q, as returned by InitialsQuery, matches a run of
// consecutive characters: at the start of the name, or inside it.
func (in Initials) Match(q string) InitialsMatch {
	if q == "" {
		return NoMatch
	}
	for start := 0; start+len(q) <= len(in); start++ {
		if in.matchAt(start, q) {
			if start == 0 {
				return MatchPrefix
			}
			return MatchInside
		}
	}
	return NoMatch
}

func (in Initials) matchAt(start int, q string) bool {
	for i := 0; i < len(q); i++ {
		if in[start+i]&(1<<(q[i]-'a')) == 0 {
			return false
		}
	}
	return true
}

// String is the stored form of the initials: one letter for each
// character, the letters of a polyphonic one in brackets, a character
// without a reading as "[]" — e.g. "[cz]qs" for 重庆市.
func (in Initials) String() string {
	var b strings.Builder
	for _, set := range in {
		if set != 0 && set&(set-1) == 0 {
			b.WriteByte(letters(set)[0])
			continue
		}
		b.WriteByte('[')
		b.WriteString(letters(set))
		b.WriteByte(']')
	}
	return b.String()
}

func letters(set uint32) string {
	var b []byte
	for i := range 26 {
		if set&(1<<i) != 0 {
			b = append(b, byte('a'+i))
		}
	}
	return string(b)
}

// ParseInitials reads the form written by String; ok is false for any
// other text.
func ParseInitials(s string) (in Initials, ok bool) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z':
			in = append(in, 1<<(c-'a'))
		case c == '[':
			var set uint32
			for i++; i < len(s) && s[i] != ']'; i++ {
				if s[i] < 'a' || s[i] > 'z' {
					return nil, false
				}
				set |= 1 << (s[i] - 'a')
			}
			if i == len(s) {
				return nil, false
			}
			in = append(in, set)
		default:
			return nil, false
		}
	}
	return in, true
}
