package plan

import "strings"

// lineEnds gives a text's line ends one form, one rune for one, so that every
// offset into the text stays the document's: a Windows line end (CR LF, as a
// text saved by Notepad or exported by a legal database has it) is read as a
// space before the break, an old Mac one (a lone CR) as the break. Without it
// a table pasted one cell a line read differently as CR LF than as LF: the CR
// stayed in the cells the breaks joined, and the row no longer fitted its
// header (D160).
func lineEnds(text string) string {
	if !strings.Contains(text, "\r") {
		return text
	}
	b := []byte(text) // (a CR is one byte, never inside a multi-byte rune)
	for i, c := range b {
		if c != '\r' {
			continue
		}
		if i+1 < len(b) && b[i+1] == '\n' {
			b[i] = ' '
		} else {
			b[i] = '\n'
		}
	}
	return string(b)
}
