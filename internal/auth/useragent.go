package auth

import (
	"regexp"
	"strings"
)

// Device returns a short description of a browser's User-Agent for the
// sessions list — "Chrome 156 · Windows", "微信 8 · Android", "Safari 18 ·
// iPhone" — or the raw string cut short when it names no browser we know.
// Order matters: most browsers also claim to be Chrome, Safari and Mozilla,
// so the specific names are tried first.
func Device(ua string) string {
	ua = strings.TrimSpace(ua)
	if ua == "" {
		return "—"
	}
	browser := ""
	for _, b := range browsers {
		if m := b.re.FindStringSubmatch(ua); m != nil {
			browser = b.name + " " + m[1]
			break
		}
	}
	system := ""
	for _, s := range systems {
		if strings.Contains(ua, s.token) {
			system = s.name
			break
		}
	}
	switch {
	case browser != "" && system != "":
		return browser + " · " + system
	case browser != "":
		return browser
	case system != "":
		return system
	}
	if r := []rune(ua); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return ua
}

var browsers = []struct {
	name string
	re   *regexp.Regexp
}{
	{"微信", regexp.MustCompile(`MicroMessenger/(\d+)`)},
	{"Edge", regexp.MustCompile(`Edg(?:e|A|iOS)?/(\d+)`)},
	{"Opera", regexp.MustCompile(`OPR/(\d+)`)},
	{"360", regexp.MustCompile(`QIHU 360\w*/?(\d*)`)},
	{"QQ 浏览器", regexp.MustCompile(`QQBrowser/(\d+)`)},
	{"UC", regexp.MustCompile(`UCBrowser/(\d+)`)},
	{"Firefox", regexp.MustCompile(`(?:Firefox|FxiOS)/(\d+)`)},
	{"Chrome", regexp.MustCompile(`(?:Chrome|CriOS)/(\d+)`)},
	{"Safari", regexp.MustCompile(`Version/(\d+)[.\d]* (?:Mobile/\w+ )?Safari/`)},
	{"curl", regexp.MustCompile(`^curl/(\d+)`)},
}

var systems = []struct{ token, name string }{
	{"iPhone", "iPhone"},
	{"iPad", "iPad"},
	{"HarmonyOS", "HarmonyOS"},
	{"OpenHarmony", "HarmonyOS"},
	{"Android", "Android"},
	{"Windows", "Windows"},
	{"Mac OS X", "macOS"},
	{"CrOS", "ChromeOS"},
	{"Linux", "Linux"},
}
