package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
)

// FontEnv names the environment variable that overrides the font file.
const FontEnv = "KEXIE_PDF_FONT"

// FontCandidates are the system fonts tried in order when FontEnv is unset.
// Each is a TrueType font with glyf outlines (fpdf cannot subset CFF
// outlines, so Noto Sans CJK's .ttc/.otf files do not qualify). Debian
// package in brackets.
var FontCandidates = []string{
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", // fonts-droid-fallback (Apache-2.0)
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",            // fonts-wqy-microhei
	"/usr/share/fonts/truetype/arphic/uming.ttc",                // fonts-arphic-uming
	"/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",    // fonts-arphic-gbsn00lp
	"/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",     // older fonts-droid
}

// LatinEnv names the environment variable that overrides the Latin font.
const LatinEnv = "KEXIE_PDF_LATIN_FONT"

// LatinCandidates are the fonts tried for Latin letters, digits and
// punctuation, which the CJK fallback fonts lack (Droid Sans Fallback has
// no digits): text is written in runs, each in the font that has it.
var LatinCandidates = []string{
	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",                  // fonts-dejavu-core
	"/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", // fonts-liberation2
	"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",  // fonts-liberation
}

// ErrNoFont is returned when no CJK font file can be found.
var ErrNoFont = errors.New("pdfdoc: no CJK TrueType font: install the Debian package fonts-droid-fallback or set " + FontEnv + " to a .ttf file with glyf outlines")

// FontPath returns the font file to use: FontEnv when set (it must exist),
// else the first of FontCandidates present.
func FontPath() (string, error) {
	if p := strings.TrimSpace(os.Getenv(FontEnv)); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("pdfdoc: %s=%s: %w", FontEnv, p, err)
		}
		return p, nil
	}
	for _, p := range FontCandidates {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", ErrNoFont
}

// Font is a loaded CJK font file, with the Latin font its runs of Latin
// text use (nil: the CJK font writes everything). The zero value is not
// usable; get one from LoadFont or SystemFont.
type Font struct {
	path  string
	data  []byte
	latin *Font
}

// WithLatin returns f writing Latin runs in latin.
func (f *Font) WithLatin(latin *Font) *Font {
	c := *f
	c.latin = latin
	return &c
}

// LoadFont reads a TrueType font file.
func LoadFont(path string) (*Font, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("pdfdoc: read font: %w", err)
	}
	if len(b) < 12 || !(bytes.HasPrefix(b, []byte{0, 1, 0, 0}) || bytes.HasPrefix(b, []byte("true"))) {
		return nil, fmt.Errorf("pdfdoc: %s is not a TrueType font with glyf outlines", path)
	}
	return &Font{path: path, data: b}, nil
}

// SystemFont loads the CJK font FontPath finds and the first Latin font
// of LatinEnv or LatinCandidates (none found: an error naming the package).
func SystemFont() (*Font, error) {
	p, err := FontPath()
	if err != nil {
		return nil, err
	}
	f, err := LoadFont(p)
	if err != nil {
		return nil, err
	}
	lp := strings.TrimSpace(os.Getenv(LatinEnv))
	for _, c := range LatinCandidates {
		if lp != "" {
			break
		}
		if st, err := os.Stat(c); err == nil && !st.IsDir() {
			lp = c
		}
	}
	if lp == "" {
		return nil, errors.New("pdfdoc: no Latin TrueType font: install the Debian package fonts-dejavu-core or set " + LatinEnv)
	}
	latin, err := LoadFont(lp)
	if err != nil {
		return nil, err
	}
	return f.WithLatin(latin), nil
}

// Path is the file the font was read from.
func (f *Font) Path() string { return f.path }

// Lazy loads a font on its first use and keeps it for the life of the
// process (a store holds one); a failed load is tried again next time, so
// installing the font package needs no restart. Load nil uses SystemFont.
type Lazy struct {
	Load func() (*Font, error)
	mu   sync.Mutex
	font *Font
}

// Font returns the loaded font.
func (l *Lazy) Font() (*Font, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.font != nil {
		return l.font, nil
	}
	load := l.Load
	if load == nil {
		load = SystemFont
	}
	f, err := load()
	if err != nil {
		return nil, err
	}
	l.font = f
	return f, nil
}
