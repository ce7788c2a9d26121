package plan

// A web page saved as text keeps its links: a share button's address
// (url=https%3A%2F%2F…%2F2026-03-13%2F…), a link to another page. Their
// digits are no quantities of the plan.

// inWebAddress reports a quantity inside a web address: the run of
// non-space ASCII around it holds a scheme (://, www.) or an escaped byte
// (%2F) — cheap to test, since only a quantity that an ASCII sign of an
// address opens or closes is looked at.
func inWebAddress(ns []rune, q quantity) bool {
	opens := q.a > 0 && isURLRune(ns[q.a-1]) && ns[q.a-1] != ' '
	closes := q.b < len(ns) && isURLRune(ns[q.b]) && !isDigit(ns[q.b])
	if !opens && !closes {
		return false
	}
	i, j := q.a, q.b
	for i > 0 && isURLRune(ns[i-1]) && q.a-i < 400 {
		i--
	}
	for j < len(ns) && isURLRune(ns[j]) && j-q.b < 400 {
		j++
	}
	word := string(ns[i:j])
	return has(word, []string{"://", "www.", "url=", "http%3A", "https%3A"}) || escapedBytes(ns[i:j]) >= 2
}

// isURLRune reports a rune a web address is written with (ASCII letters,
// digits and its signs), not a space.
func isURLRune(r rune) bool {
	return r > ' ' && r < 0x7f && r != '(' && r != ')' && r != ',' && r != ';'
}

// escapedBytes counts the escaped bytes with a letter (%2F, %E6) in a word.
func escapedBytes(w []rune) int {
	n := 0
	for k := 0; k+2 < len(w); k++ {
		if w[k] == '%' && isHex(w[k+1]) && isHex(w[k+2]) && !(isDigit(w[k+1]) && isDigit(w[k+2])) { // (%2F, %E6; not 50%20…)
			n++
		}
	}
	return n
}

func isHex(r rune) bool { return isDigit(r) || r >= 'A' && r <= 'F' || r >= 'a' && r <= 'f' }

// inLinkText reports a quantity inside the text of a Markdown link to a web
// page ([…2万亿元…](https://…)): a page's link to other pages, whose text
// is a headline, not the plan's.
func inLinkText(ns []rune, q quantity) bool {
	open := -1
	for k := q.a - 1; k >= 0 && q.a-k < 200; k-- {
		if ns[k] == ']' || ns[k] == '\n' {
			return false
		}
		if ns[k] == '[' {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := q.b; k+1 < len(ns) && k-q.b < 200; k++ {
		switch ns[k] {
		case '[', '\n':
			return false
		case ']':
			return ns[k+1] == '(' && has(string(ns[k+2:min(len(ns), k+12)]), []string{"http", "/"})
		}
	}
	return false
}

// shortcutKey reports a number that is a key of a page's keyboard shortcut
// (ALT+Shift+4, Ctrl+1): a site's accessibility chrome, no text of the plan.
func shortcutKey(ns []rune, q quantity) bool {
	i := q.a - 1
	for i >= 0 && ns[i] == ' ' {
		i--
	}
	if i < 1 || ns[i] != '+' {
		return false
	}
	j := i - 1
	for j >= 0 && ns[j] == ' ' {
		j--
	}
	return j >= 0 && (ns[j] >= 'a' && ns[j] <= 'z' || ns[j] >= 'A' && ns[j] <= 'Z') && (hasAnyBefore(ns, j, []string{"Shift", "SHIFT", "Alt", "ALT", "Ctrl", "CTRL"}))
}

// hasAnyBefore reports whether one of words ends at rune j (inclusive).
func hasAnyBefore(ns []rune, j int, words []string) bool {
	for _, w := range words {
		if endsAt(ns, j+1, w) {
			return true
		}
	}
	return false
}
