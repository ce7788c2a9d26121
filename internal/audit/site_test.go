package audit_test

import (
	"context"
	"errors"
	"io"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/sheet"
	"kexie/internal/web/webtest"
)

// auditSite is a site with a few audited changes by two people in two
// cities, one object deleted behind the log's back.
type auditSite struct {
	ws      *webtest.Site
	admin   *webtest.Client
	society org.Org // 攀枝花市物理学会, renamed from 攀枝花市物理学学会
}

func newAuditSite(t *testing.T, d *db.DB) auditSite {
	t.Helper()
	ctx := context.Background()
	ws := webtest.New(t, d).Start()
	admin, _ := ws.User(t, "root", access.SysAdmin, ws.Root)
	wang, err := ws.Auth.CreateUser(ctx, auth.UserInput{Username: "wangxh", DisplayName: "王晓红", Password: webtest.Password})
	if err != nil {
		t.Fatal(err)
	}
	li, err := ws.Auth.CreateUser(ctx, auth.UserInput{Username: "lijm", DisplayName: "李建明", Password: webtest.Password})
	if err != nil {
		t.Fatal(err)
	}
	asWang := audit.WithMeta(ctx, audit.Meta{ActorID: wang.ID, ActorName: "wangxh"})
	asLi := audit.WithMeta(ctx, audit.Meta{ActorID: li.ID, ActorName: "lijm"})
	soc, err := ws.Orgs.Create(asWang, org.Input{ParentID: ws.City.ID, Code: "PZH-PHY", Name: "攀枝花市物理学学会", Type: org.TypeSociety, RegionCode: "510400"})
	if err != nil {
		t.Fatal(err)
	}
	if soc, err = ws.Orgs.Update(asWang, soc.ID, org.Input{Code: "PZH-PHY", Name: "攀枝花市物理学会", Type: org.TypeSociety, RegionCode: "510400"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Orgs.Create(asLi, org.Input{ParentID: ws.Peer.ID, Code: "CZ-CHEM", Name: "滁州市化学学会", Type: org.TypeSociety, RegionCode: "341100"}); err != nil {
		t.Fatal(err)
	}
	// An org the log still names but no namer finds any more.
	if err := ws.DB.Tx(asLi, func(tx *db.Tx) error {
		return audit.Append(asLi, tx, audit.Entry{OrgID: ws.Peer.ID, OrgPath: ws.Peer.Path, Action: "org.create", Target: "org:99999999",
			After: map[string]string{"name": "滁州市已撤销学会"}})
	}); err != nil {
		t.Fatal(err)
	}
	return auditSite{ws: ws, admin: admin, society: soc}
}

// The audit log reads like a record of work: names linked to their pages,
// actions in Chinese, a before/after table with field labels.
func TestAuditViewerShowsNames(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		s := newAuditSite(t, d)
		_, body := s.admin.Get("/audit")
		id := strconv.FormatInt(s.society.ID, 10)
		for _, want := range []string{
			`<a href="/orgs/` + id + `">攀枝花市物理学会</a>`, // the object, by its current name
			"<strong>修改组织信息</strong>",                 // the action in words
			`<a href="/users/`,                        // the person, linked
			">王晓红</a>",
			"<th>组织名称</th>", // the field's label from the org catalog
			`<td class="before">攀枝花市物理学学会</td>`, `<td class="after">攀枝花市物理学会</td>`,
			"滁州市已撤销学会",                            // a deleted object: its last known name
			"科学技术协会 › 攀枝花市科学技术协会",                 // a tree path by names
			`<option value="王晓红">wangxh</option>`, // the person type-ahead
			`<option value="攀枝花市科学技术协会">`,         // the org type-ahead
			`<optgroup label="组织机构">`, `<option value="org.update">修改组织信息</option>`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("audit page lacks %s", want)
			}
		}
		// nor a command line or a hash function's name to an office reader
		for _, bad := range []string{"org:" + id, `{&#34;before`, `{"before`, "org.update</code>", "kexie audit verify", "HMAC"} {
			if strings.Contains(body, bad) {
				t.Errorf("audit page shows internal code %s", bad)
			}
		}
	})
}

// Filters by person (display name), org (name, subtree included), action
// group and date range; the export keeps them.
func TestAuditViewerFilters(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		s := newAuditSite(t, d)
		count := func(q url.Values) int {
			t.Helper()
			_, body := s.admin.Get("/audit?" + q.Encode())
			return strings.Count(body, `<td class="act">`)
		}
		if n := count(url.Values{"actor": {"王晓红"}}); n != 2 {
			t.Errorf("by person 王晓红: %d records, want 2", n)
		}
		if n := count(url.Values{"actor": {"lijm"}}); n != 2 {
			t.Errorf("by account lijm: %d records, want 2", n)
		}
		// The city's own creation and its society's two records.
		if n := count(url.Values{"org": {"攀枝花"}}); n != 3 {
			t.Errorf("by org 攀枝花 (subtree): %d records, want 3", n)
		}
		if n := count(url.Values{"org": {"攀枝花"}, "action": {"org.update"}}); n != 1 {
			t.Errorf("org and action: %d records, want 1", n)
		}
		if n := count(url.Values{"action": {"org."}, "actor": {"李建明"}}); n != 2 {
			t.Errorf("action group org.: %d, want 2", n)
		}
		today := time.Now().In(sheet.Zone).Format("2006-01-02")
		if n := count(url.Values{"from": {today}, "to": {today}, "actor": {"王晓红"}}); n != 2 {
			t.Errorf("today: %d, want 2", n)
		}
		if n := count(url.Values{"to": {"2020-01-01"}}); n != 0 {
			t.Errorf("before 2020: %d, want 0", n)
		}
		_, body := s.admin.Get("/audit?actor=nobody")
		if !strings.Contains(body, "没有符合筛选条件的审计记录") || !strings.Contains(body, `<a href="/audit">清除筛选</a>`) {
			t.Errorf("empty filtered list does not offer to clear the filter")
		}

		res, err := s.admin.HTTP.Get(s.admin.Base + "/audit?format=xlsx&org=" + url.QueryEscape("攀枝花"))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		head, rows, err := sheet.Open(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		if !strings.Contains(strings.Join(head, ","), "变更内容") {
			t.Errorf("export header %q", head)
		}
		var got [][]string
		for {
			cells, _, err := rows.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, cells)
		}
		if len(got) != 3 {
			t.Fatalf("export of 攀枝花: %d rows, want 3: %q", len(got), got)
		}
		if line := strings.Join(got[0], "|"); !strings.Contains(line, "攀枝花市物理学会") || !strings.Contains(line, "修改组织信息") ||
			!strings.Contains(line, "组织名称：攀枝花市物理学学会 → 攀枝花市物理学会") || !strings.Contains(line, "王晓红") || strings.Contains(line, "PZH-PHY → PZH-PHY") {
			t.Errorf("export row %q", line)
		}
	})
}
