package plan

import (
	"regexp"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// reMetaCharset is a charset a page's meta declares (charset="gb2312",
// content="text/html; charset=gbk").
var reMetaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// pageEncoding is the encoding of a page's bytes. The standard's prescan
// looks at the first kilobyte only: where that is all ASCII (scripts and
// styles before the meta of its charset) it found nothing and took the
// page for windows-1252, its Chinese text read as Latin letters — a
// browser reads on and finds the charset the page declares later, or knows
// UTF-8 by its bytes. So does this: a charset declared in the page's first
// 64 kB, else UTF-8 where the bytes are UTF-8, else GB18030 (a Chinese
// site's legacy encoding, of which GBK and GB2312 are parts).
func pageEncoding(data []byte) encoding.Encoding {
	enc, name, certain := charset.DetermineEncoding(data, "text/html")
	if certain || name != "windows-1252" || len(data) <= 1024 {
		return enc
	}
	if m := reMetaCharset.FindSubmatch(data[:min(len(data), 64<<10)]); m != nil {
		if e, _ := charset.Lookup(string(m[1])); e != nil {
			return e
		}
	}
	if utf8.Valid(data) {
		return encoding.Nop
	}
	return simplifiedchinese.GB18030
}
