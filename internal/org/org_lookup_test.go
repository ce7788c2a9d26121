package org_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

// pickerSite is the platform (org tree, accounts) with the root, two
// cities and 846 more orgs: 849 in all, more than the 500 the old
// drop-downs showed, with "团市委" under both cities.
func pickerSite(t *testing.T, d *db.DB) *webtest.Site {
	t.Helper()
	s := webtest.New(t, d).Start()
	ctx := context.Background()
	mk := func(parent org.Org, code, name string, typ org.Type) {
		if _, err := s.Orgs.Create(ctx, org.Input{ParentID: parent.ID, Code: code, Name: name, Type: typ}); err != nil {
			t.Fatal(err)
		}
	}
	mk(s.City, "PZH-TSW", "团市委", org.TypeGovDept)
	mk(s.Peer, "CZ-TSW", "团市委", org.TypeGovDept)
	for i := 0; i < 423; i++ {
		mk(s.City, fmt.Sprintf("PZH-S%03d", i), fmt.Sprintf("攀枝花第%03d学会", i), org.TypeSociety)
	}
	for i := 0; i < 421; i++ {
		mk(s.Peer, fmt.Sprintf("CZ-S%03d", i), fmt.Sprintf("滁州第%03d学会", i), org.TypeSociety)
	}
	return s
}

type lookupPage struct {
	Hits                []struct{ ID, Code, Name, Path string }
	Total, Offset, Next int
}

func lookup(t *testing.T, c *webtest.Client, query string) lookupPage {
	t.Helper()
	res, body := c.Get("/orgs/lookup?" + query)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("lookup %s: %d %s", query, res.StatusCode, body)
	}
	var p lookupPage
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatalf("lookup %s: %v in %s", query, err, body)
	}
	return p
}

// The picker's look-up reaches every org in scope page by page (the old
// drop-downs silently stopped at 500), shows each hit's path so two
// "团市委" can be told apart, matches pinyin initials, and lists only what
// the user may act on for the form's action.
func TestPickerLookup(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		s := pickerSite(t, d)
		admin, _ := s.User(t, "admin", access.SysAdmin, s.Root)
		seen := map[string]bool{}
		offset, pages := 0, 0
		for {
			p := lookup(t, admin, "offset="+fmt.Sprint(offset))
			if p.Total != 849 {
				t.Fatalf("total = %d, want 849", p.Total)
			}
			for _, h := range p.Hits {
				seen[h.ID] = true
			}
			pages++
			if p.Next == 0 {
				break
			}
			if p.Next <= offset || pages > 100 {
				t.Fatalf("next %d after %d", p.Next, offset)
			}
			offset = p.Next
		}
		if len(seen) != 849 {
			t.Errorf("paging reached %d distinct orgs, want all 849", len(seen))
		}

		p := lookup(t, admin, "q="+url.QueryEscape("团市委"))
		var paths []string
		for _, h := range p.Hits {
			paths = append(paths, h.Path)
		}
		want := []string{"科学技术协会 › 攀枝花市科学技术协会 › 团市委", "科学技术协会 › 滁州市科学技术协会 › 团市委"}
		if p.Total != 2 || len(paths) != 2 || !(paths[0] == want[0] && paths[1] == want[1] || paths[0] == want[1] && paths[1] == want[0]) {
			t.Errorf("团市委 paths = %q (total %d), want %q", paths, p.Total, want)
		}

		if p := lookup(t, admin, "q=tsw"); p.Total != 2 || p.Hits[0].Name != "团市委" {
			t.Errorf("pinyin tsw = %+v", p)
		}
		if p := lookup(t, admin, "q=pzh"); len(p.Hits) == 0 || p.Hits[0].Code != "PZH" {
			t.Errorf("pzh: first hit %+v, want the city (code PZH)", p.Hits)
		}
		if p := lookup(t, admin, "q=pzhd"); p.Total != 423 || len(p.Hits) != 20 || p.Next != 20 {
			t.Errorf("pzhd (攀枝花第…学会): total %d, %d hits, next %d; want 423, 20, 20", p.Total, len(p.Hits), p.Next)
		}

		// A city's staff see their city's orgs only, and nothing for an
		// action they may not do.
		staff, _ := s.User(t, "staff", access.OrgStaff, s.City)
		p = lookup(t, staff, "q="+url.QueryEscape("团市委"))
		if p.Total != 1 || !strings.Contains(p.Hits[0].Path, "攀枝花") {
			t.Errorf("staff see %+v", p)
		}
		if p := lookup(t, staff, ""); p.Total != 425 {
			t.Errorf("staff's whole scope = %d, want 425 (the city and its 424 orgs)", p.Total)
		}
		if p := lookup(t, staff, "action=org.create"); p.Total != 0 || len(p.Hits) != 0 {
			t.Errorf("org.create for staff lists %d orgs, want none", p.Total)
		}
		if p := lookup(t, staff, "action=org.join&q=CZ-TSW"); p.Total != 1 {
			t.Errorf("org.join (any org may be joined) = %d hits", p.Total)
		}
	})
}

// The server checks the picked org again: a city's administrator cannot
// move an org under the other city by sending its code, nor create a user
// there; the picker's code is accepted where a route takes an org ID.
func TestPickedOrgRechecked(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		s := webtest.New(t, d).Start()
		ctx := context.Background()
		kepu, err := s.Orgs.Create(ctx, org.Input{ParentID: s.City.ID, Code: "PZH-KP", Name: "攀枝花市科普协会", Type: org.TypeKepu})
		if err != nil {
			t.Fatal(err)
		}
		// Without scripts the field takes a code, an ID or a name no other org has.
		for _, v := range []string{"PZH-KP", "pzh-kp", fmt.Sprint(kepu.ID), "攀枝花市科普协会"} {
			if o, err := s.Orgs.FromForm(ctx, v); err != nil || o.ID != kepu.ID {
				t.Errorf("FromForm(%q) = %d, %v", v, o.ID, err)
			}
		}
		if _, err := s.Orgs.Create(ctx, org.Input{ParentID: s.Peer.ID, Code: "CZ-KP", Name: "攀枝花市科普协会", Type: org.TypeKepu}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Orgs.FromForm(ctx, "攀枝花市科普协会"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("a name two orgs share: %v, want not found", err)
		}
		admin, _ := s.User(t, "cityadmin", access.OrgAdmin, s.City)
		res, _ := admin.Post(fmt.Sprintf("/orgs/%d/move", kepu.ID), url.Values{"parent_code": {"CZ"}})
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("move under the other city: %d, want 403", res.StatusCode)
		}
		if o, _ := s.Orgs.Get(ctx, kepu.ID); o.ParentID != s.City.ID {
			t.Errorf("moved anyway: parent %d", o.ParentID)
		}
		user := url.Values{"username": {"newclerk"}, "display_name": {"新职员"}, "password": {webtest.Password},
			"role": {string(access.OrgStaff)}}
		user.Set("org_id", "CZ")
		if res, _ := admin.Post("/users", user); res.StatusCode != http.StatusNotFound { // out of scope: as if absent
			t.Errorf("user in the other city by code: %d, want 404", res.StatusCode)
		}
		user.Set("org_id", "没有这个单位") // typed without scripts
		if res, body := admin.Post("/users", user); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "找不到组织“没有这个单位”") {
			t.Errorf("unknown org typed: %d %.300s", res.StatusCode, body)
		}
		user.Set("org_id", "pzh-kp") // what the picker sends, any case
		if res, body := admin.Post("/users", user); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("user by the picker's code: %d %.500s", res.StatusCode, body)
		}
		var orgID int64
		if err := d.QueryRow(ctx, `SELECT g.org_id FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.username = ?`, "newclerk").Scan(&orgID); err != nil || orgID != kepu.ID {
			t.Errorf("new user's grant on %d (%v), want %d", orgID, err, kepu.ID)
		}
	})
}
