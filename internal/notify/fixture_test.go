package notify_test

import (
	"context"
	"io"
	"log/slog"
	"regexp"
	"sync"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/notify"
	"kexie/internal/web/webtest"
)

// fixture is the module on the platform over one database: the test site
// (orgs Root, City, Peer), the store, a logging sender on every channel and
// a clock the database reads.
type fixture struct {
	*webtest.Site
	Store  *notify.Store
	Log    *notify.LogSender
	Runner *jobs.Runner
	mu     sync.Mutex
	now    time.Time
}

func (f *fixture) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fixture) Advance(d time.Duration) {
	f.mu.Lock()
	f.now = f.now.Add(d)
	f.mu.Unlock()
}

func newFixture(t testing.TB, d *db.DB, start bool) *fixture {
	t.Helper()
	ws := webtest.New(t, d)
	f := &fixture{Site: ws, now: time.Now().UTC()}
	d.Now = f.Now
	f.Store = notify.NewStore(d, webtest.Keyring(t), webtest.Key("notify"))
	f.Log = &notify.LogSender{}
	f.Store.UseSender(notify.SMS, f.Log, 0)
	f.Store.UseSender(notify.Email, f.Log, 0)
	f.Runner = jobs.NewRunner(d, jobs.Config{Poll: 10 * time.Millisecond, Backoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond,
		Now: time.Now, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	f.Store.Register(f.Runner)
	if start {
		ws.Start(notify.Module(f.Store, ws.Orgs, notify.Config{}), jobs.Module(f.Runner, nil))
	} else if err := d.Migrate(context.Background(), jobs.Migrations(), notify.Migrations()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); f.Runner.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	return f
}

func eachDB(t *testing.T, fn func(t *testing.T, f *fixture)) {
	t.Helper()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) { fn(t, newFixture(t, d, false)) })
}

var codeRE = regexp.MustCompile(`\d{6}`)

// code reads the last one-time code sent to addr from the logging sender.
func (f *fixture) code(t testing.TB, addr string) string {
	t.Helper()
	o, ok := f.Log.Last(addr)
	if !ok {
		t.Fatalf("no code sent to %s", addr)
	}
	return codeRE.FindString(o.Body)
}

// subscriber opens a verified account for addr under orgID following f.
func (f *fixture) subscriber(t testing.TB, addr string, orgID int64, fl notify.Follow) notify.Account {
	t.Helper()
	ctx := context.Background()
	if _, err := f.Store.StartVerify(ctx, addr); err != nil {
		t.Fatalf("start %s: %v", addr, err)
	}
	a, err := f.Store.Verify(ctx, addr, f.code(t, addr), orgID)
	if err != nil {
		t.Fatalf("verify %s: %v", addr, err)
	}
	if err := f.Store.SetFollow(ctx, a.ID, fl); err != nil {
		t.Fatalf("follow %s: %v", addr, err)
	}
	return a
}

// waitSent waits until message id is sent.
func (f *fixture) waitSent(t testing.TB, id int64) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		var state string
		if err := f.DB.QueryRow(context.Background(), `SELECT state FROM notify_messages WHERE id = ?`, id).Scan(&state); err != nil {
			t.Fatal(err)
		}
		if state == "sent" {
			return
		}
		f.Runner.Notify()
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("message %d not sent in time", id)
}
