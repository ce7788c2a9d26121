package resource_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/resource"
	"kexie/internal/valid"
	"kexie/internal/web/webtest"
)

type site struct {
	*webtest.Site
	Store *resource.Store
}

func eachDB(t *testing.T, fn func(t *testing.T, s site)) {
	t.Helper()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		st := resource.NewStore(d)
		ws.Start(resource.Module(st, ws.Orgs))
		fn(t, site{Site: ws, Store: st})
	})
}

func errKey(err error) string {
	if es, ok := valid.As(err); ok && len(es) > 0 {
		return es[0].Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestLoansConflictAndOverdue(t *testing.T) {
	eachDB(t, func(t *testing.T, s site) {
		ctx := context.Background()
		if _, err := s.Store.Create(ctx, resource.Input{OrgID: s.City.ID, Kind: "robot", Title: "x", Licence: "own"}); errKey(err) != "resource.err.kind" {
			t.Fatalf("bad kind: %v", err)
		}
		poster, err := s.Store.Create(ctx, resource.Input{OrgID: s.City.ID, Kind: "poster", Title: "防震减灾挂图", Licence: "cc-by", Public: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Store.Lend(ctx, resource.LoanInput{ResourceID: poster, BorrowerID: s.Peer.ID, Due: time.Now().Add(48 * time.Hour)}); errKey(err) != "resource.err.not_physical" {
			t.Fatalf("lend a digital item: %v", err)
		}
		robot, err := s.Store.Create(ctx, resource.Input{OrgID: s.City.ID, Kind: "exhibit", Title: "机械臂互动展品", Licence: "own", Physical: true, Public: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Store.Lend(ctx, resource.LoanInput{ResourceID: robot, BorrowerID: s.Peer.ID, Due: time.Now().Add(-time.Hour)}); errKey(err) != "resource.err.due" {
			t.Fatalf("due in the past: %v", err)
		}
		if _, err := s.Store.Lend(ctx, resource.LoanInput{ResourceID: robot, BorrowerID: s.Peer.ID, Due: time.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		// Lent twice at once: refused.
		if _, err := s.Store.Lend(ctx, resource.LoanInput{ResourceID: robot, BorrowerID: s.Root.ID, Due: time.Now().Add(time.Hour)}); errKey(err) != "resource.err.out" {
			t.Fatalf("lent twice: %v", err)
		}
		// The database refuses a second open loan even past the store's check.
		_, err = s.DB.Exec(ctx, `INSERT INTO resource_loans (id, resource_id, borrower_id, out_at, due_at) VALUES (1, ?, ?, 1, 2)`, robot, s.Root.ID)
		if !db.IsUniqueViolation(err) {
			t.Fatalf("second open loan: %v", err)
		}
		// Overdue once past due.
		later := time.Now().Add(2 * time.Hour)
		rs, n, err := s.Store.List(ctx, resource.Filter{Scope: access.Subtrees(s.City.Path), Out: "overdue", Now: later})
		if err != nil || n != 1 || !rs[0].Loan.Overdue(later) {
			t.Fatalf("overdue: %d %v", n, err)
		}
		if _, n, _ := s.Store.List(ctx, resource.Filter{Scope: access.Subtrees(s.Peer.Path)}); n != 0 {
			t.Fatalf("peer sees %d", n)
		}
		if err := s.Store.Return(ctx, robot); err != nil {
			t.Fatal(err)
		}
		if err := s.Store.Return(ctx, robot); errKey(err) != "resource.err.not_out" {
			t.Fatalf("returned twice: %v", err)
		}
		if _, err := s.Store.Lend(ctx, resource.LoanInput{ResourceID: robot, BorrowerID: s.Root.ID, Due: time.Now().Add(time.Hour)}); err != nil {
			t.Fatalf("lend after return: %v", err)
		}
		loans, _ := s.Store.Loans(ctx, robot)
		if len(loans) != 2 {
			t.Fatalf("loans: %+v", loans)
		}
	})
}

func TestPages(t *testing.T) {
	eachDB(t, func(t *testing.T, s site) {
		c, _ := s.User(t, "pzhstaff", access.OrgStaff, s.City)
		if res, body := c.Post("/resources", url.Values{"org_id": {s.City.Code}, "title": {""}, "kind": {"exhibit"}, "licence": {"own"}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "请填写名称") {
			t.Fatalf("empty title: %d", res.StatusCode)
		}
		if res, _ := c.Post("/resources", url.Values{"org_id": {s.Peer.Code}, "title": {"x"}, "kind": {"exhibit"}, "licence": {"own"}}); res.StatusCode != http.StatusNotFound {
			t.Fatalf("other city's org: %d", res.StatusCode)
		}
		res, _ := c.Post("/resources", url.Values{"org_id": {s.City.Code}, "title": {"VR 地震体验舱"}, "kind": {"exhibit"}, "licence": {"own"}, "physical": {"1"}, "public": {"1"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d", res.StatusCode)
		}
		loc := res.Header.Get("Location")
		// A script named .pdf is refused; a real PNG is kept.
		if res, body := c.Upload(loc+"/files", nil, "file", "手册.pdf", []byte("<html><script>alert(1)</script></html>")); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "只接受") {
			t.Fatalf("disguised: %d", res.StatusCode)
		}
		png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 64)...)
		if res, body := c.Upload(loc+"/files", nil, "file", "展品.jpg", png); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "不符") {
			t.Fatalf("png named jpg: %d", res.StatusCode)
		}
		if res, _ := c.Upload(loc+"/files", nil, "file", "展品.png", png); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("png: %d", res.StatusCode)
		}
		due := time.Now().AddDate(0, 0, 7).Format("2006-01-02")
		if res, _ := c.Post(loc+"/lend", url.Values{"borrower": {s.Peer.Code}, "due": {due}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("lend: %d", res.StatusCode)
		}
		if res, body := c.Post(loc+"/lend", url.Values{"borrower": {s.Root.Code}, "due": {due}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "已借出") {
			t.Fatalf("lend twice: %d", res.StatusCode)
		}
		if _, body := c.Get(loc); !strings.Contains(body, "滁州市科学技术协会") || !strings.Contains(body, "展品.png") {
			t.Fatal("show page misses the loan or the file")
		}
		if _, body := c.Get("/resources?out=out&sort=-due"); !strings.Contains(body, "VR 地震体验舱") {
			t.Fatal("list misses the item")
		}
		if res, _ := c.Get("/resources?format=xlsx"); res.StatusCode != 200 {
			t.Fatalf("export: %d", res.StatusCode)
		}
		peer, _ := s.User(t, "czstaff", access.OrgStaff, s.Peer)
		if res, _ := peer.Get(loc); res.StatusCode != http.StatusNotFound { // out of scope: as if absent
			t.Fatalf("peer opens the item: %d", res.StatusCode)
		}
		anon := s.Client(t)
		if _, body := anon.Get("/catalogue?q=VR"); !strings.Contains(body, "VR 地震体验舱") {
			t.Fatal("catalogue misses the item")
		}
	})
}

func TestAuditLabels(t *testing.T) { webtest.AuditLabels(t, ".") }
