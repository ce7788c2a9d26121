package conference_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/checkin"
	"kexie/internal/conference"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// postJSON posts body to path as the door's script does: JSON, with the
// CSRF header unless token is "".
func postJSON(t *testing.T, c *webtest.Client, path, token, body string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", c.Base+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("X-CSRF-Token", token)
	}
	res, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

// openDoor opens a conference of the society starting in ten days, with
// two registrants, and moves the clock to its first day.
func openDoor(t *testing.T, cs *confSite, title string) (int64, []conference.Reg) {
	t.Helper()
	ctx := context.Background()
	id, err := cs.Store.Create(ctx, conference.Input{OrgID: cs.soc.ID, Title: title, Kind: "annual", StartsOn: day(*cs.now, 10),
		EndsOn: day(*cs.now, 11), City: "攀枝花", Expected: "100", Capacity: "50"}, access.Subtrees(cs.soc.Path), secretary)
	must(t, err)
	must(t, cs.Store.Submit(ctx, id, secretary))
	must(t, cs.Store.Approve(ctx, id, access.Subtrees(cs.City.Path), approver))
	must(t, cs.Store.OpenRegistration(ctx, id, secretary))
	var regs []conference.Reg
	for i, n := range []string{"王一", "李二"} {
		r, err := cs.Store.Register(ctx, id, conference.RegInput{Name: n, Contact: fmt.Sprintf("139000000%02d", i)})
		must(t, err)
		regs = append(regs, r)
	}
	return id, regs
}

// The door page carries the scanner's endpoint, token and key; the sync
// endpoint answers each scan (with the holder's name, or the reason in
// the page's language) and the door's counts, the same again for the
// same batch; it wants the CSRF header, the organiser's scope and a batch
// within the bounds. Another city's staff get nothing and store nothing.
func TestDoorSync(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		cs := serveConf(t, d)
		id, regs := openDoor(t, cs, "钒钛学术年会")
		_, foreign := openDoor(t, cs, "另一场学术会议")
		*cs.now = cs.now.AddDate(0, 0, 10)
		door, _ := cs.User(t, "door", access.OrgStaff, cs.City)
		peer, _ := cs.User(t, "peer", access.OrgStaff, cs.Peer)
		member, _ := cs.User(t, "member", access.Member, cs.City)
		base := "/conference/admin/" + strconv.FormatInt(id, 10)

		res, page := door.Get(base + "/checkin")
		status(t, "door page", res, page, 200, `data-sync="`+base+`/sync"`, `data-key="conference.`, "已报名", "待同步", "断网时扫码照常记录在本机",
			`src="/conference/admin/checkin.js"`)
		if res.Header.Get("Permissions-Policy") == "" || !strings.Contains(res.Header.Get("Permissions-Policy"), "camera=(self)") {
			t.Errorf("the door page may not use the camera: %q", res.Header.Get("Permissions-Policy"))
		}
		res, page = door.Get(base + "/checkin?lang=en")
		status(t, "door page in English", res, page, 200, "To sync", "Sync now", "Registered")
		res, page = door.Get(base + "/checkin?lang=zh-CN")
		status(t, "door page in Chinese again", res, page, 200, "立即同步")
		for _, c := range []struct{ path, text, scope string }{{"/conference/admin/checkin.js", "kexie.checkin.queue.", ""},
			{"/conference/admin/checkin-sw.js", "kexie-checkin", "/conference/admin/"}} {
			res, body := door.Get(c.path)
			status(t, c.path, res, body, 200, c.text)
			if got := res.Header.Get("Service-Worker-Allowed"); got != c.scope {
				t.Errorf("%s: Service-Worker-Allowed %q, want %q", c.path, got, c.scope)
			}
		}

		now := cs.now.UTC().Format(time.RFC3339)
		body := fmt.Sprintf(`{"scans":[{"ticket":%q,"device":"d1","nonce":"n1","at":%q},{"ticket":%q,"device":"d1","nonce":"n2","at":%q},
			{"ticket":%q,"device":"d1","nonce":"n3","at":%q},{"ticket":"NOSUCHCODE23","device":"d1","nonce":"n4","at":%q}]}`,
			regs[0].Code, now, regs[0].Code, now, foreign[0].Code, now, now)
		scans := func() int {
			return count(t, d, `SELECT COUNT(*) FROM conference_scans WHERE conf_id = ?`, id)
		}
		tok := door.Token()
		if res, _ := postJSON(t, door, base+"/sync", "", body); res.StatusCode != http.StatusForbidden || scans() != 0 {
			t.Errorf("without the CSRF header: %d, %d scans kept", res.StatusCode, scans())
		}
		if res, _ := postJSON(t, door, base+"/sync", "forged-token-forged-token", body); res.StatusCode != http.StatusForbidden || scans() != 0 {
			t.Errorf("with a forged token: %d, %d scans kept", res.StatusCode, scans())
		}
		for who, c := range map[string]*webtest.Client{"another city's staff": peer, "a member": member} {
			if res, _ := c.Get(base + "/checkin"); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
				t.Errorf("the door page for %s: %d", who, res.StatusCode)
			}
			if res, got := postJSON(t, c, base+"/sync", c.Token(), body); (res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound) ||
				strings.Contains(got, "王一") || scans() != 0 {
				t.Errorf("sync by %s: %d %s, %d scans kept", who, res.StatusCode, got, scans())
			}
		}

		var first string
		for i := 0; i < 2; i++ {
			res, got := postJSON(t, door, base+"/sync", tok, body)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("sync %d: %d %s", i, res.StatusCode, got)
			}
			var a struct {
				checkin.Result
				Messages   []string `json:"messages"`
				CheckedIn  int      `json:"checked_in"`
				Registered int      `json:"registered"`
			}
			if err := json.Unmarshal([]byte(got), &a); err != nil {
				t.Fatalf("sync %d: %v in %s", i, err, got)
			}
			if a.Accepted != 1 || a.Duplicates != 1 || len(a.Rejected) != 2 || a.CheckedIn != 1 || a.Registered != 2 ||
				len(a.Seen) != 2 || a.Seen[0].Name != "王一" ||
				fmt.Sprint(a.Messages) != "[签到码不存在 签到码不存在]" {
				t.Errorf("sync %d: %s", i, got)
			}
			if i == 0 {
				first = got
			} else if got != first {
				t.Errorf("the batch again is answered otherwise:\n%s\n%s", first, got)
			}
		}
		if scans() != 4 {
			t.Errorf("%d scans kept, want 4", scans())
		}
		res, got := postJSON(t, door, base+"/sync?lang=en", tok, strings.Replace(body, "n4", "n5", 1))
		if res.StatusCode != http.StatusOK || !strings.Contains(got, "No such check-in code") {
			t.Errorf("in English: %d %s", res.StatusCode, got)
		}

		// Bounds: a broken body, a batch too long, a body too large, a
		// conference that is not there.
		many := `{"scans":[` + strings.Repeat(`{"ticket":"X","device":"d","nonce":"n","at":"`+now+`"},`, checkin.MaxBatch) + `{}]}`
		huge := `{"scans":[{"ticket":"` + strings.Repeat("X", checkin.MaxBody) + `"}]}`
		for what, b := range map[string]string{"not JSON": "not json", "a batch too long": many, "a body too large": huge} {
			if res, _ := postJSON(t, door, base+"/sync", tok, b); res.StatusCode != http.StatusBadRequest {
				t.Errorf("%s: %d, want 400", what, res.StatusCode)
			}
		}
		if res, _ := postJSON(t, door, "/conference/admin/999999/sync", tok, `{"scans":[]}`); res.StatusCode != http.StatusNotFound {
			t.Errorf("no such conference: %d, want 404", res.StatusCode)
		}
		if scans() != 5 {
			t.Errorf("%d scans kept after the bounds, want 5", scans())
		}
	})
}
