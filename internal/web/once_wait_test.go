package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"kexie/internal/access"
)

// recentOnce is a memOnce that tells a claim made moments ago.
type recentOnce struct {
	memOnce
	at map[string]time.Time
}

func (m *recentOnce) Claim(r *http.Request, t string) (bool, error) {
	free, err := m.memOnce.Claim(r, t)
	if free {
		m.mu.Lock()
		m.at[t] = time.Now()
		m.mu.Unlock()
	}
	return free, err
}

func (m *recentOnce) ClaimedWithin(_ *http.Request, t string, d time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.used[t] && time.Since(m.at[t]) < d, nil
}

// A form sent a second time while its first submission is still running
// (a double click) waits for the first's answer: a first that failed and
// gave the token back lets the second through, handled once; a first that
// went through makes the second a 409, not handled. A token claimed long
// ago is answered 409 at once, without waiting.
func TestFormOnceWaitsForTheFirst(t *testing.T) {
	defer func(w, p, f time.Duration) { onceWait, oncePoll, onceRecentFor = w, p, f }(onceWait, oncePoll, onceRecentFor)
	onceWait, oncePoll, onceRecentFor = 500*time.Millisecond, 10*time.Millisecond, 15*time.Second
	staff := &access.Subject{UserID: 1, Username: "u", Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}}
	s := formSite(t, fakeAuth{staff}, &recentOnce{memOnce: memOnce{used: map[string]bool{}}, at: map[string]time.Time{}})
	var mu sync.Mutex
	writes := 0
	entered, hold, stop := make(chan string, 4), make(chan struct{}), make(chan struct{})
	s.Handle("POST /t", onceRule, func(w http.ResponseWriter, r *http.Request) error {
		entered <- r.PostFormValue("name")
		if r.PostFormValue("slow") != "" {
			select {
			case <-hold:
			case <-stop: // (the test ended early: no request is left held)
			}
		}
		if r.PostFormValue("fail") != "" {
			return Errorf(http.StatusUnprocessableEntity, "error.bad_request")
		}
		mu.Lock()
		writes++
		mu.Unlock()
		return Redirect(w, r, "/t")
	})
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	defer close(stop)
	c, page := onceClient(t, srv.URL)
	post := func(form url.Values) int {
		res, err := c.PostForm(srv.URL+"/t", form)
		if err != nil {
			t.Error(err)
			return 0
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}
	for _, tt := range []struct {
		name       string
		firstFails bool
		want       int // the second submission's answer
		writes     int
	}{
		{"the first fails", true, http.StatusSeeOther, 1},
		{"the first goes through", false, http.StatusConflict, 1},
	} {
		mu.Lock()
		writes = 0
		mu.Unlock()
		csrf, once := page()
		first := url.Values{"csrf_token": {csrf}, FormOnceField: {once}, "name": {"first"}, "slow": {"1"}}
		if tt.firstFails {
			first.Set("fail", "1")
		}
		done := make(chan int, 1)
		go func() { done <- post(first) }()
		if got := <-entered; got != "first" {
			t.Fatalf("%s: %q entered first", tt.name, got)
		}
		second := make(chan int, 1)
		go func() {
			second <- post(url.Values{"csrf_token": {csrf}, FormOnceField: {once}, "name": {"second"}})
		}()
		time.Sleep(50 * time.Millisecond) // (the second finds the token claimed and waits)
		select {
		case st := <-second:
			t.Fatalf("%s: the second was answered %d while the first ran", tt.name, st)
		default:
		}
		hold <- struct{}{}
		<-done
		if st := <-second; st != tt.want {
			t.Errorf("%s: the second: %d, want %d", tt.name, st, tt.want)
		}
		if tt.want == http.StatusSeeOther {
			<-entered // (the second's own run)
		}
		mu.Lock()
		if writes != tt.writes {
			t.Errorf("%s: %d writes, want %d", tt.name, writes, tt.writes)
		}
		mu.Unlock()
	}
	// A form sent again long after: 409 at once, no wait.
	onceRecentFor = 0
	csrf, once := page()
	if st := post(url.Values{"csrf_token": {csrf}, FormOnceField: {once}, "name": {"a"}}); st != http.StatusSeeOther {
		t.Fatalf("a form: %d", st)
	}
	<-entered
	start := time.Now()
	if st := post(url.Values{"csrf_token": {csrf}, FormOnceField: {once}, "name": {"a"}}); st != http.StatusConflict {
		t.Errorf("sent again: %d", st)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("a form sent again long after waited %v", took)
	}
}
