package app

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/people"
)

// Binding a target over HTTP: an unknown source and an org outside the
// plan are refused with a message naming the problem; only the plan's
// editors may bind; once bound, the responsible unit's filing is refused.
func TestBindSourceForm(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	planID, indID := boundFixture(t, ta)
	target := fmt.Sprintf("/plans/%d/indicators/%d", planID, indID)
	staff, _ := ta.user(t, "citystaff", access.OrgStaff, ta.city)
	dept, err := ta.Orgs.Create(context.Background(), org.Input{ParentID: ta.city.ID, Code: "PZH-KJ", Name: "市科技局", Type: org.TypeGovDept})
	if err != nil {
		t.Fatal(err)
	}
	clerk, _ := ta.user(t, "deptclerk", access.OrgStaff, dept)
	peer, _ := ta.user(t, "peerstaff", access.OrgStaff, ta.peer)

	bindAs := func(c *client, key string, orgID int64) (int, string) {
		t.Helper()
		form := url.Values{"source": {key}}
		if orgID != 0 {
			form.Set("org_id", fmt.Sprint(orgID))
		}
		res, body := c.post(target+"/source", form)
		if res.StatusCode == http.StatusSeeOther {
			_, body = c.get(res.Header.Get("Location"))
		}
		return res.StatusCode, body
	}
	cases := []struct {
		name   string
		c      *client
		key    string
		org    int64
		status int
		want   string
	}{
		{"unknown source", staff, "people.talent.火星人", 0, http.StatusSeeOther, "没有名为“people.talent.火星人”的数据来源"},
		{"org outside the plan", staff, people.TalentSource("高层次人才"), ta.peer.ID, http.StatusSeeOther, "统计范围必须是本规划所属组织或其下级组织"},
		{"a responsible unit may not bind", clerk, people.TalentSource("高层次人才"), 0, http.StatusNotFound, ""}, // plan.edit out of its scope
		{"another city may not bind", peer, people.TalentSource("高层次人才"), 0, http.StatusNotFound, ""},
		{"bound", staff, people.TalentSource("高层次人才"), 0, http.StatusSeeOther, "已关联数据来源"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := bindAs(c.c, c.key, c.org)
			if status != c.status || !strings.Contains(body, c.want) {
				t.Errorf("status %d, want %d; body lacks %q: %.300s", status, c.status, c.want, body)
			}
		})
	}
	// The city's staff see the computed values; filing one is refused.
	_, body := staff.get(target)
	if !strings.Contains(body, `id="computed"`) || !strings.Contains(body, "系统计算") || strings.Contains(body, `id="progress-form"`) {
		t.Errorf("bound target page: %.500s", body)
	}
	res, body := staff.post(target+"/progress", url.Values{"year": {"2026"}, "quarter": {"1"}, "value": {"9"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "无需填报") {
		t.Errorf("filing a bound target: %d", res.StatusCode)
	}
	// Unbinding gives the form back.
	if status, body := bindAs(staff, "", 0); status != http.StatusSeeOther || !strings.Contains(body, `id="progress-form"`) {
		t.Errorf("unbind: %d", status)
	}
}
