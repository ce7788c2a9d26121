package venue_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
)

// A PNG's first bytes: enough for the type to be sniffed.
var png = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")

// TestEvidenceAndVisitors: evidence of a “六有” item is kept and served to
// the venue's staff only; a file that is not an image or PDF is refused;
// a visitor count is corrected with both figures in the audit log.
func TestEvidenceAndVisitors(t *testing.T) {
	eachDB(t, func(t *testing.T, vs venueSite) {
		v := newStation(t, vs, "金江镇科普e站", "金江镇", "place")
		c, _ := vs.User(t, "keeper", access.OrgStaff, vs.City)
		peer, _ := vs.User(t, "other", access.OrgStaff, vs.Peer)
		path := fmt.Sprintf("/venues/%d", v.ID)
		res, body := c.Upload(path+"/evidence", url.Values{"item": {"place"}}, "file", "场所.exe", []byte("MZ\x90\x00binary"))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "只接受图片") {
			t.Errorf("an executable as evidence: got %d", res.StatusCode)
		}
		if res, _ := c.Upload(path+"/evidence", url.Values{"item": {"place"}}, "file", "场所照片.png", png); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload: got %d", res.StatusCode)
		}
		ev, err := vs.Venues.EvidenceList(t.Context(), v.ID)
		if err != nil || len(ev["place"]) != 1 {
			t.Fatalf("evidence: %v %v", ev, err)
		}
		file := fmt.Sprintf("%s/evidence/%d", path, ev["place"][0].ID)
		if res, _ := c.Get(file); res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
			t.Errorf("the file: got %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		if res, _ := peer.Get(file); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
			t.Errorf("another city's staff got the file: %d", res.StatusCode)
		}
		for _, n := range []string{"1200", "13500"} {
			if res, _ := c.Post(path+"/visitors", url.Values{"year": {"2025"}, "visitors": {n}}); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("visitors %s: %d", n, res.StatusCode)
			}
		}
		if res, body := c.Post(path+"/visitors", url.Values{"year": {"2025"}, "visitors": {"-5"}}); res.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(body, "参观人次应为") {
			t.Errorf("negative visitors: %d", res.StatusCode)
		}
		var before string
		if err := vs.DB.QueryRow(t.Context(), `SELECT summary FROM audit_log WHERE action = 'venue.visitors' ORDER BY seq DESC LIMIT 1`).Scan(&before); err != nil ||
			!strings.Contains(before, `"visitors":1200`) || !strings.Contains(before, `"visitors":13500`) {
			t.Errorf("the correction's audit record: %q %v", before, err)
		}
		if _, body := c.Get(path); !strings.Contains(body, "13,500") || !strings.Contains(body, "场所照片.png") {
			t.Error("the venue page lacks the visitors (grouped) or the evidence")
		}
		if _, body := c.Get("/venues"); !strings.Contains(body, "13,500") {
			t.Error("the list shows the visitors without digit grouping")
		}
	})
}
