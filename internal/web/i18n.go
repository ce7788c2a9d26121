package web

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
	"strings"
)

// Languages Kexie speaks; the first is the default and the source catalog.
var languages = []string{"zh-CN", "en"}

// Languages returns the supported language tags, default first.
func Languages() []string { return append([]string(nil), languages...) }

// Catalogs holds the flat key → message catalogs of every language. Modules
// contribute a folder with "zh-CN.json" and "en.json"; a key defined twice is
// an error. Messages use fmt verbs for arguments. Plural forms are separate
// keys with the suffix ".one" / ".other" (zh-CN needs only ".other").
type Catalogs struct {
	msgs map[string]map[string]string
}

// NewCatalogs merges the catalogs found at the root of each fs.
func NewCatalogs(sources ...fs.FS) (*Catalogs, error) {
	c := &Catalogs{msgs: map[string]map[string]string{}}
	for _, lang := range languages {
		c.msgs[lang] = map[string]string{}
	}
	for _, src := range sources {
		for _, lang := range languages {
			b, err := fs.ReadFile(src, lang+".json")
			if err != nil {
				return nil, fmt.Errorf("web: catalog %s: %w", lang, err)
			}
			var m map[string]string
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, fmt.Errorf("web: catalog %s: %w", lang, err)
			}
			for k, v := range m {
				if _, dup := c.msgs[lang][k]; dup {
					return nil, fmt.Errorf("web: catalog %s: key %q defined twice", lang, k)
				}
				c.msgs[lang][k] = v
			}
		}
	}
	return c, nil
}

// Missing lists keys present in one language and absent in another
// (Chinese has no singular form, so zh-CN may omit ".one" keys).
func (c *Catalogs) Missing() []string {
	var out []string
	for _, a := range languages {
		for k := range c.msgs[a] {
			for _, b := range languages {
				if _, ok := c.msgs[b][k]; !ok && !(b == "zh-CN" && strings.HasSuffix(k, ".one")) {
					out = append(out, b+": "+k)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// Keys lists the keys of the source catalog that start with prefix, sorted.
func (c *Catalogs) Keys(prefix string) []string {
	var out []string
	for k := range c.msgs[languages[0]] {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Has reports whether key exists in the source catalog.
func (c *Catalogs) Has(key string) bool { _, ok := c.msgs[languages[0]][key]; return ok }

// T translates key into lang; an unknown key is returned as is so that it is
// visible on the page (and caught by the catalog tests).
func (c *Catalogs) T(lang, key string, args ...any) string {
	m, ok := c.msgs[lang][key]
	if !ok {
		m, ok = c.msgs[languages[0]][key]
		if !ok {
			return key
		}
	}
	if len(args) == 0 {
		return m
	}
	return fmt.Sprintf(m, args...)
}

// TN translates a message with a count, choosing the plural form.
func (c *Catalogs) TN(lang, key string, n int, args ...any) string {
	form := ".other"
	if lang == "en" && n == 1 {
		form = ".one"
	}
	if _, ok := c.msgs[lang][key+form]; !ok {
		form = ".other"
	}
	return c.T(lang, key+form, append([]any{n}, args...)...)
}

// NegotiateLanguage picks the language. Kexie is Chinese first: zh-CN
// unless English was chosen explicitly — by "?lang=" on the URL, then the
// user's profile preference, then the "kexie_lang" cookie the language
// switch sets. The browser's Accept-Language is deliberately ignored (an
// office PC set to en-US still gets the Chinese product).
func NegotiateLanguage(r *http.Request, pref string) string {
	if l := matchLang(r.URL.Query().Get("lang")); l != "" {
		return l
	}
	if l := matchLang(pref); l != "" {
		return l
	}
	if ck, err := r.Cookie("kexie_lang"); err == nil {
		if l := matchLang(ck.Value); l != "" {
			return l
		}
	}
	return languages[0]
}

func matchLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	switch {
	case tag == "":
		return ""
	case strings.HasPrefix(tag, "zh"):
		return "zh-CN"
	case strings.HasPrefix(tag, "en"):
		return "en"
	}
	return ""
}
