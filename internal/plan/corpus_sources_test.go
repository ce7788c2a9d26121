package plan

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The documents that testdata/corpus labels are kept outside the project
// (the project holds only what it wrote). Their sets' READMEs say in prose
// where each came from; testdata/corpus/sources.tsv says it so that a
// program can fetch them again: per document its set, file, sha256, the
// public repository, commit and path it came from, and the transform that
// turned that file into the document (corpusTransforms). corpus_rebuild_test.go
// (build tag rebuild) writes them from clones of those repositories; this
// file holds the transforms, their tests, and the check that every label
// file has its source.

// corpusSource is a row of testdata/corpus/sources.tsv.
type corpusSource struct {
	Set, File, SHA256, Repo, Commit, Path, Method, Arg string
}

// corpusSourceCols are sources.tsv's columns, its first line.
var corpusSourceCols = []string{"set", "file", "sha256", "repo", "commit", "path", "method", "arg"}

func readCorpusSources(t testing.TB) []corpusSource {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "corpus", "sources.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []corpusSource
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != len(corpusSourceCols) {
			t.Fatalf("sources.tsv:%d: %d columns, want %d", n, len(cols), len(corpusSourceCols))
		}
		if n == 1 {
			if strings.Join(cols, "\t") != strings.Join(corpusSourceCols, "\t") {
				t.Fatalf("sources.tsv: first line %q, want the column names", sc.Text())
			}
			continue
		}
		rows = append(rows, corpusSource{cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// corpusExcerpt is the method of a document that is an excerpt of a public
// web page as a search tool returned it (D183): its row names the page's
// address (path) and the query (arg); no clone holds it, so it is not rebuilt.
const corpusExcerpt = "excerpt"

// corpusTransforms turn the bytes of a repository's file into the document
// labelled. Each is what the set's README describes, written so that it
// gives the labelled bytes (the rebuild checks every sha256).
var corpusTransforms = map[string]func(src []byte, arg string) ([]byte, error){
	// raw: the file saved unchanged.
	"raw": func(src []byte, _ string) ([]byte, error) { return src, nil },
	// csv: one field of a CSV file (UTF-8, a BOM allowed, a header row),
	// arg "row:column", row counted from 0 after the header.
	"csv": csvField,
	// tmx: the zh-CN segments of a translation memory, in file order, one
	// per line, entities decoded, each line ended.
	"tmx": tmxChinese,
	// govsql-p and govsql-block: the content column of the row with id arg
	// of a MySQL dump of gov.cn pages, as lines of text: one per <p> block
	// (govsql-p) or per stretch between block tags (govsql-block), tags
	// dropped, entities decoded, trimmed, empty lines dropped, each line ended.
	"govsql-p":     func(src []byte, arg string) ([]byte, error) { return govSQLText(src, arg, false) },
	"govsql-block": func(src []byte, arg string) ([]byte, error) { return govSQLText(src, arg, true) },
	// zip: the member named arg of a zip archive, its bytes unchanged.
	"zip": zipMember,
	// after-line: what follows the first line that is exactly the text after
	// "line=" in arg (its line end, LF or CR LF, dropped with it), unchanged
	// to the end: a crawl that puts its own metadata and summary before the
	// page's text (D217a). What comes before "line=" is a note ("index …").
	"after-line": afterLine,
	// pdf: the text an upload of the PDF reads (DocumentText: pdftotext
	// -layout, then Unwrap), so its offsets are the reviewer's. It depends
	// on poppler's pdftotext; arg names the version the document was
	// written with (a rebuild on another version may differ, and says so
	// by its sha256).
	"pdf": func(src []byte, _ string) ([]byte, error) {
		text, err := DocumentText(context.Background(), "document.pdf", src)
		return []byte(text), err
	},
}

// afterLine is src after its first line equal to the line arg names; an
// error when no line is.
func afterLine(src []byte, arg string) ([]byte, error) {
	_, marker, ok := strings.Cut(arg, "line=")
	if !ok || marker == "" {
		return nil, errors.New("after-line: no line named (line=…)")
	}
	rest := src
	for len(rest) > 0 {
		line, next, found := bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimSuffix(line, []byte("\r"))) == marker && found {
			return next, nil
		}
		rest = next
	}
	return nil, fmt.Errorf("after-line: no line %q", marker)
}

// zipMember is the member named arg of the zip archive src, read whole
// (a member over 16 MB is refused: no plan is that long).
func zipMember(src []byte, arg string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, fmt.Errorf("zip: %w", err)
	}
	for _, f := range zr.File {
		if f.Name != arg {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("zip: %s: %w", arg, err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, 16<<20+1))
		if err != nil {
			return nil, fmt.Errorf("zip: %s: %w", arg, err)
		}
		if len(b) > 16<<20 {
			return nil, fmt.Errorf("zip: %s: over 16 MB", arg)
		}
		return b, nil
	}
	return nil, fmt.Errorf("zip: no member %q", arg)
}

func csvField(src []byte, arg string) ([]byte, error) {
	row, col, ok := strings.Cut(arg, ":")
	n, err := strconv.Atoi(row)
	if !ok || err != nil || n < 0 {
		return nil, fmt.Errorf("csv: arg %q, want row:column", arg)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(src, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("csv: header: %w", err)
	}
	c := -1
	for i, h := range head {
		if h == col {
			c = i
		}
	}
	if c < 0 {
		return nil, fmt.Errorf("csv: no column %q", col)
	}
	for i := 0; ; i++ {
		rec, err := r.Read()
		if err != nil {
			return nil, fmt.Errorf("csv: row %d: %w", n, err)
		}
		if i == n {
			if c >= len(rec) {
				return nil, fmt.Errorf("csv: row %d has no column %q", n, col)
			}
			return []byte(rec[c]), nil
		}
	}
}

var tmxSeg = regexp.MustCompile(`(?s)<tuv xml:lang="zh-CN"><seg>(.*?)</seg></tuv>`)

func tmxChinese(src []byte, _ string) ([]byte, error) {
	var b bytes.Buffer
	for _, m := range tmxSeg.FindAllSubmatch(src, -1) {
		b.WriteString(html.UnescapeString(string(m[1])))
		b.WriteByte('\n')
	}
	if b.Len() == 0 {
		return nil, errors.New("tmx: no zh-CN segment")
	}
	return b.Bytes(), nil
}

var (
	htmlPara  = regexp.MustCompile(`(?s)<p\b[^>]*>(.*?)</p>`)
	htmlBlock = regexp.MustCompile(`</?(?:p|div|tr|br|h\d|li|table|tbody)\b[^>]*>`)
	htmlTag   = regexp.MustCompile(`<[^>]+>`)
)

func govSQLText(src []byte, id string, blocks bool) ([]byte, error) {
	content, err := sqlColumn(src, id, "content")
	if err != nil {
		return nil, err
	}
	var parts []string
	if blocks {
		parts = htmlBlock.Split(content, -1)
	} else {
		for _, m := range htmlPara.FindAllStringSubmatch(content, -1) {
			parts = append(parts, m[1])
		}
	}
	var b strings.Builder
	for _, p := range parts {
		line := strings.TrimFunc(html.UnescapeString(htmlTag.ReplaceAllString(p, "")), pySpace)
		if line != "" {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	if b.Len() == 0 {
		return nil, fmt.Errorf("govsql: row %s has no text", id)
	}
	return []byte(b.String()), nil
}

// pySpace is the whitespace the transforms were first written with trim
// (Python's str.strip: Unicode white space and the separators U+001C–U+001F).
func pySpace(r rune) bool { return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f }

// sqlColumn returns column col of the row whose first value is id, read from
// the statements "insert into T (c1, c2, …) values (v1, v2, …);" of a dump
// (strings in single quotes with backslash escapes, numbers, null).
func sqlColumn(src []byte, id, col string) (string, error) {
	s := string(src)
	for {
		i := strings.Index(s, "insert into ")
		if i < 0 {
			return "", fmt.Errorf("govsql: no row %s", id)
		}
		s = s[i:]
		open := strings.IndexByte(s, '(')
		vals := strings.Index(s, ") values (")
		if open < 0 || vals < open {
			return "", errors.New("govsql: an insert without columns")
		}
		cols := strings.Split(s[open+1:vals], ",")
		s = s[vals+len(") values ("):]
		var row []string
		for {
			v, rest, err := sqlValue(s)
			if err != nil {
				return "", err
			}
			row = append(row, v)
			rest = strings.TrimLeft(rest, " \t\r\n")
			if rest == "" {
				return "", errors.New("govsql: a row without its end")
			}
			s = rest[1:]
			if rest[0] == ')' {
				break
			}
			if rest[0] != ',' {
				return "", fmt.Errorf("govsql: %q after a value", rest[0])
			}
		}
		if len(row) != len(cols) {
			return "", fmt.Errorf("govsql: %d values for %d columns", len(row), len(cols))
		}
		if row[0] != id {
			continue
		}
		for i, c := range cols {
			if strings.TrimSpace(c) == col {
				return row[i], nil
			}
		}
		return "", fmt.Errorf("govsql: no column %q", col)
	}
}

// sqlValue reads one value at the start of s (after blanks): a quoted string
// with its escapes undone, or a bare word (a number or null).
func sqlValue(s string) (v, rest string, err error) {
	s = strings.TrimLeft(s, " \t\r\n")
	if s == "" {
		return "", "", errors.New("govsql: a value is missing")
	}
	if s[0] != '\'' {
		end := strings.IndexAny(s, ",)")
		if end < 0 {
			return "", "", errors.New("govsql: a value without its end")
		}
		return strings.TrimSpace(s[:end]), s[end:], nil
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 == len(s) {
				return "", "", errors.New("govsql: an escape at the end")
			}
			i++
			switch e := s[i]; e {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case '0':
				b.WriteByte(0)
			default:
				b.WriteByte(e)
			}
		case '\'':
			if i+1 < len(s) && s[i+1] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			return b.String(), s[i+1:], nil
		default:
			b.WriteByte(c)
		}
	}
	return "", "", errors.New("govsql: a string without its end")
}

func TestCorpusTransforms(t *testing.T) {
	cases := []struct {
		method, arg, src, want string
	}{
		{"raw", "", "一、总体要求\r\n到2027年", "一、总体要求\r\n到2027年"},
		{"csv", "1:full_text", "\ufeffprovince,full_text\n甲,\"第一\"\n乙,\"第二行\n第三行，\"\"引号\"\"\"\n",
			"第二行\n第三行，\"引号\""},
		{"tmx", "", `<tu><tuv xml:lang="zh-CN"><seg>一、工作回顾</seg></tuv><tuv xml:lang="en-US"><seg>I. Review</seg></tuv></tu>` +
			"<tu>\n<tuv xml:lang=\"zh-CN\"><seg>增长6%&amp;以上，</seg></tuv>\n</tu>", "一、工作回顾\n增长6%&以上，\n"},
		{"govsql-p", "2", "insert into t (id, title, content) values (1, 'a', '<p>x</p>');\n" +
			`insert into t (id, title, content) values (2, 'it\'s', '<tbody><p style="x"> 一、目标 </p><p>&nbsp;</p>` +
			`<p>建成<b>10</b>个　</p>\n<div>不在段内</div>');`, "一、目标\n建成10个\n"},
		{"govsql-block", "7", `insert into t (id, content, n) values (7, '<div>第一条<br/>第二条</div><p>第三条\n</p>', null);`,
			"第一条\n第二条\n第三条\n"},
		{"after-line", "index (read_file) line=## 全文", "| 来源 | 某省 |\n摘要：到2030年达到5%。\n## 全文 \n## 全文\r\n一、总体要求\n## 全文\n", "一、总体要求\n## 全文\n"},
	}
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	for name, body := range map[string]string{"9.pdf.txt": "\ufeff　　一九九六～二○一○年\n", "10.pdf.txt": "序言"} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	cases = append(cases, struct{ method, arg, src, want string }{"zip", "9.pdf.txt", zb.String(), "\ufeff　　一九九六～二○一○年\n"})
	for _, c := range cases {
		got, err := corpusTransforms[c.method]([]byte(c.src), c.arg)
		if err != nil || string(got) != c.want {
			t.Errorf("%s(%q) = %q, %v; want %q", c.method, c.arg, got, err, c.want)
		}
	}
	bad := []struct{ method, arg, src string }{
		{"csv", "x", "a\n1\n"}, {"csv", "0:b", "a\n1\n"}, {"csv", "3:a", "a\n1\n"},
		{"tmx", "", "<tmx/>"},
		{"after-line", "line=## 全文", "## 全文字\n正文"}, {"after-line", "line=## 全文", "正文\n## 全文"}, {"after-line", "line=", "\n正文"},
		{"after-line", "## 全文", "## 全文\n正文"},
		{"zip", "1.pdf.txt", zb.String()}, {"zip", "9.pdf.txt", "not a zip"},
		{"govsql-p", "9", "insert into t (id, content) values (1, '<p>x</p>');"},
		{"govsql-p", "1", "insert into t (id, content) values (1, '<p>x</p>"},
		{"govsql-p", "1", "insert into t (id, content) values (1);"},
	}
	for _, c := range bad {
		if got, err := corpusTransforms[c.method]([]byte(c.src), c.arg); err == nil {
			t.Errorf("%s(%q) on %q = %q, want an error", c.method, c.arg, c.src, got)
		}
	}
}

// TestCorpusSources keeps sources.tsv and the label files one: every labelled
// document (the development corpus's too, though it comes beside the project)
// has exactly one row, with the same sha256, a known
// transform, a repository, a full commit and a path; no row names a document
// that is not labelled.
func TestCorpusSources(t *testing.T) {
	rows := readCorpusSources(t)
	type key struct{ set, file string }
	bySet := map[key]corpusSource{}
	hex40 := regexp.MustCompile(`^[0-9a-f]{40}$`)
	for _, r := range rows {
		k := key{r.Set, r.File}
		if _, dup := bySet[k]; dup {
			t.Errorf("sources.tsv: %s/%s twice", r.Set, r.File)
		}
		bySet[k] = r
		if r.Method == corpusExcerpt {
			if r.Repo != "pages" || r.Commit != "-" || !strings.HasPrefix(r.Path, "http") || r.Arg == "" {
				t.Errorf("sources.tsv: %s/%s: an excerpt names repository \"pages\", commit \"-\", the page's address and the query in arg", r.Set, r.File)
			}
			continue
		}
		if _, ok := corpusTransforms[r.Method]; !ok {
			t.Errorf("sources.tsv: %s/%s: unknown transform %q", r.Set, r.File, r.Method)
		}
		if strings.Count(r.Repo, "/") != 1 || !hex40.MatchString(r.Commit) || r.Path == "" || !utf8.ValidString(r.Path) {
			t.Errorf("sources.tsv: %s/%s: repository %q, commit %q, path %q", r.Set, r.File, r.Repo, r.Commit, r.Path)
		}
	}
	labels, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*", "*.json"))
	seen := 0
	for _, f := range labels {
		set := filepath.Base(filepath.Dir(f))
		if set == "seeds" {
			continue // the five seed plans come beside the project (../shared/seeds); no public source is recorded
		}
		ld := readLabels(t, f)
		r, ok := bySet[key{set, ld.File}]
		switch {
		case !ok:
			t.Errorf("%s (%s): no row in sources.tsv", f, ld.File)
		case r.SHA256 != ld.SHA256:
			t.Errorf("%s: sources.tsv's sha256 %s, the label's %s", f, r.SHA256, ld.SHA256)
		default:
			seen++
		}
	}
	if seen != len(rows) {
		t.Errorf("sources.tsv has %d rows, %d of them for a labelled document", len(rows), seen)
	}
}
