package people_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
	"kexie/internal/web/webtest"
)

// The people module names every action it writes to the audit log in its
// own catalog, in both languages; the audit viewer shows these labels.
func TestAuditLabels(t *testing.T) {
	if got := webtest.AuditLabels(t, "."); len(got) == 0 {
		t.Error("no audit actions found in the module's source")
	}
	// The audit page, served by the platform, names a people action with
	// the label from this module's catalog.
	ps := servePeople(t, dbtest.OpenSQLite(t))
	p, err := ps.People.Create(context.Background(), people.Input{OrgID: ps.City.ID, Name: "张伟", Phone: "13812345678"})
	if err != nil {
		t.Fatal(err)
	}
	admin, _ := ps.User(t, "cityadmin", access.OrgAdmin, ps.City)
	if res, _ := admin.Post(fmt.Sprintf("/people/%d/reveal", p.ID), url.Values{"field": {"phone"}}); res.StatusCode != http.StatusOK {
		t.Fatalf("reveal: %d", res.StatusCode)
	}
	res, body := admin.Get("/audit?action=person.reveal")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "查看个人信息") || !strings.Contains(body, "cityadmin") {
		t.Errorf("audit page: %d %.2000s", res.StatusCode, body)
	}
}
