package plan

import (
	"strings"
	"testing"
)

// TestUnwrapPageNumber: a page can end inside a word; its number, on a line
// of its own or between dashes, is not joined to the line before (数据开2发
// would read as a target of 2).
func TestUnwrapPageNumber(t *testing.T) {
	full := strings.Repeat("科", 38)
	for _, num := range []string{"2", "— 2 —", "- 2 -"} {
		in := "标题\n" + strings.Repeat(full+"\n", 10) + full + "数据开\n" + "                 " + num + "\n发与模型建设深度融合。\n"
		out := Unwrap(in)
		if squeezed := strings.ReplaceAll(out, " ", ""); strings.Contains(squeezed, "开"+strings.ReplaceAll(num, " ", "")) {
			t.Errorf("page number %q joined to the line before:\n%s", num, out)
		}
	}
}

// TestUnwrapIndentedParagraphs: where paragraphs are indented, a full line
// that ends a sentence goes on when the next line is flush with the margin
// (the paragraph goes on), and a line does not join an indented one (a new
// paragraph starts, even after a line that ends on a word).
func TestUnwrapIndentedParagraphs(t *testing.T) {
	full := strings.Repeat("科", 36)
	var b strings.Builder
	b.WriteString("      标题\n")
	for i := 0; i < 6; i++ {
		b.WriteString("    " + full + "\n" + full + "\n" + "短行结束。\n")
	}
	b.WriteString("    2025年极不平凡。" + strings.Repeat("科", 26) + "\n")          // a paragraph opening on its year…
	b.WriteString(strings.Repeat("科", 35) + "。\n")                            // …a sentence ending at the line's end…
	b.WriteString("我们坚持目标，地区生产总值增长7%。\n")                                     // …and the paragraph goes on
	b.WriteString("    " + full + "\n")                                       // a full line ending on a word…
	b.WriteString("    新的段落开头。\n")                                            // …before an indented line: a new paragraph
	b.WriteString("    我们要发挥海外侨胞作用，促进祖国和平统" + strings.Repeat("科", 18) + "\n") // a full line inside a sentence…
	b.WriteString("一、推进中外交流合作的独特作用。\n")                                       // …goes on at the margin, though it opens like a section
	b.WriteString("    二、保障措施\n")                                             // an indented heading stays one
	out := Unwrap(b.String())
	if !strings.Contains(out, "。我们坚持目标") {
		t.Errorf("a paragraph's flush line after a sentence's end was not joined:\n%s", out)
	}
	if !strings.Contains(out, full+"\n    新的段落开头") {
		t.Errorf("an indented line was joined to the line before:\n%s", out)
	}
	if !strings.Contains(out, "科一、推进中外") || !strings.Contains(out, "\n    二、保障措施") {
		t.Errorf("a line at the margin opening like a section inside a sentence, or an indented heading, read wrong:\n%s", out)
	}
	if strings.Contains(out, "科 ") || strings.Contains(out, "。 ") {
		t.Errorf("a joined line kept its margin's spaces:\n%s", out)
	}
}

// TestUnwrapUnindented: where paragraphs are not indented (every line at the
// margin), a full line that ends a sentence ends its paragraph, as before.
func TestUnwrapUnindented(t *testing.T) {
	full := strings.Repeat("科", 36)
	in := "  标题\n" + strings.Repeat("  "+full+"\n", 10) + "  " + full + "。\n  新的段落。\n"
	out := Unwrap(in)
	if !strings.Contains(out, full+"。\n  新的段落") {
		t.Errorf("a finished sentence was joined:\n%s", out)
	}
	if strings.Contains(out, full+"  "+full) {
		t.Errorf("a joined line kept the margin's spaces:\n%s", out)
	}
}
