package main

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"kexie/internal/db/dbtest"
)

// buildKexie compiles the binary once for the process tests.
func buildKexie(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kexie")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// node is one `kexie serve` process.
type node struct {
	url    string
	cmd    *exec.Cmd
	stdout *strings.Builder
}

func startNode(t *testing.T, bin string, env []string, addr string) *node {
	t.Helper()
	n := &node{url: "http://" + addr, stdout: &strings.Builder{}}
	// Both nodes start on the empty database at once: one sets up the root
	// from the flags, the other finds it made.
	n.cmd = exec.Command(bin, "serve", "--addr", addr, "--data", t.TempDir(), "--root-name", "某省科学技术协会", "--root-region", "510000")
	n.cmd.Env = append(os.Environ(), env...)
	out, _ := n.cmd.StdoutPipe()
	n.cmd.Stderr = io.Discard
	if err := n.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			mu.Lock()
			n.stdout.WriteString(sc.Text() + "\n")
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		_ = n.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = n.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = n.cmd.Process.Kill()
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		res, err := http.Get(n.url + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return n
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("node %s not ready", addr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// cli runs a kexie command against the same database.
func cli(t *testing.T, bin string, env []string, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("kexie %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

var tokenRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

type browserish struct {
	t *testing.T
	c *http.Client
}

func newBrowserish(t *testing.T) *browserish {
	jar, _ := cookiejar.New(nil) // cookies are shared across ports of one host, like a browser's
	return &browserish{t: t, c: &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browserish) get(u string) (int, string, string) {
	b.t.Helper()
	res, err := b.c.Get(u)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Location"), string(body)
}

func (b *browserish) post(base, path string, form url.Values) (int, string) {
	b.t.Helper()
	var m []string
	for _, p := range []string{"/login", "/account", "/account/2fa"} {
		if _, _, body := b.get(base + p); m == nil {
			m = tokenRE.FindStringSubmatch(body)
		}
		if m != nil {
			break
		}
	}
	if m == nil {
		b.t.Fatalf("no CSRF token from %s", base)
	}
	form.Set("csrf_token", m[1])
	res, err := b.c.PostForm(base+path, form)
	if err != nil {
		b.t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header.Get("Location")
}

func TestTwoNodesOnePostgres(t *testing.T) {
	dsn := dbtest.PostgresDSN(t)
	key := make([]byte, 32)
	_, _ = rand.Read(key)
	env := []string{"KEXIE_DB=" + dsn, "KEXIE_SECRET_KEY=" + hex.EncodeToString(key), "KEXIE_LOG_LEVEL=warn"}
	bin := buildKexie(t)
	a := startNode(t, bin, env, freePort(t))
	b := startNode(t, bin, env, freePort(t))

	cli(t, bin, env, "Staff-Pass-2026\n", "user", "create", "staffer", "--display", "工作人员甲", "--org", "510000-KX", "--role", "org_staff")
	cli(t, bin, env, "Chief-Pass-2026!\n", "user", "create", "boss", "--display", "管理员乙", "--org", "510000-KX", "--role", "sysadmin")

	// A session made on A is valid on B; a logout on B ends it on A.
	br := newBrowserish(t)
	if code, loc := br.post(a.url, "/login", url.Values{"username": {"staffer"}, "password": {"Staff-Pass-2026"}}); code != 303 || loc != "/" {
		t.Fatalf("login on A: %d %s", code, loc)
	}
	if code, _, body := br.get(b.url + "/"); code != 200 || !strings.Contains(body, "工作人员甲") {
		t.Fatalf("session from A not valid on B: %d", code)
	}
	if code, _ := br.post(b.url, "/logout", url.Values{}); code != 303 {
		t.Fatalf("logout on B: %d", code)
	}
	// ("/" shows visitors the public portal; a signed-in page tells.)
	if code, loc, _ := br.get(a.url + "/account"); code != 303 || !strings.HasPrefix(loc, "/login") {
		t.Fatalf("after logout on B, A answers %d %s", code, loc)
	}

	// An administrator enrols 2FA on A and signs in on B.
	admin := newBrowserish(t)
	if code, _ := admin.post(a.url, "/login", url.Values{"username": {"boss"}, "password": {"Chief-Pass-2026!"}}); code != 303 {
		t.Fatalf("admin login: %d", code)
	}
	_, _, page := admin.get(a.url + "/account/2fa")
	m := regexp.MustCompile(`id="totp-secret">([A-Z2-7]+)<`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no TOTP secret on the enrolment page")
	}
	code, _ := totp.GenerateCode(m[1], time.Now())
	if status, _ := admin.post(a.url, "/account/2fa", url.Values{"code": {code}}); status != 200 {
		t.Fatalf("enrol: %d", status)
	}

	// A parallel burst of writes through both nodes keeps the audit chain valid.
	root := rootID(t, admin, a.url)
	const perNode = 20
	var wg sync.WaitGroup
	errs := make(chan error, 2*perNode)
	for i := range 2 * perNode {
		wg.Add(1)
		go func() {
			defer wg.Done()
			base := a.url
			if i%2 == 1 {
				base = b.url
			}
			status, _ := admin.post(base, "/orgs", url.Values{"parent_id": {root}, "name": {fmt.Sprintf("第%d学会", i)},
				"code": {fmt.Sprintf("S%03d", i)}, "type": {"society"}})
			if status != 303 {
				errs <- fmt.Errorf("create org %d via %s: %d", i, base, status)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	out := cli(t, bin, env, "", "audit", "verify")
	if !strings.Contains(out, "audit chain intact") {
		t.Errorf("audit verify: %s", out)
	}
	var n int
	const intact = "audit chain intact: "
	if _, err := fmt.Sscanf(out[strings.Index(out, intact)+len(intact):], "%d", &n); err != nil || n < 2*perNode {
		t.Errorf("verified %d records (%v), want at least %d", n, err, 2*perNode)
	}
}

// rootID reads the root org's ID from the org tree page.
func rootID(t *testing.T, b *browserish, base string) string {
	t.Helper()
	_, _, body := b.get(base + "/orgs")
	m := regexp.MustCompile(`/orgs/new\?parent=(\d+)`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("root org id not found on /orgs")
	}
	return m[1]
}
