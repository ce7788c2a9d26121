package webtest

import (
	"io"
	"net/http"
	"strings"

	"kexie/internal/sheet"
)

// XLSX fetches path, which must answer with a spreadsheet, and returns its
// header row followed by its data rows; anything else fails the test.
func (c *Client) XLSX(path string) [][]string {
	c.T.Helper()
	res, body := c.Get(path)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheet") {
		c.T.Fatalf("export %s: %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
	}
	head, rows, err := sheet.Open(strings.NewReader(body))
	if err != nil {
		c.T.Fatal(err)
	}
	defer rows.Close()
	out := [][]string{head}
	for {
		r, _, err := rows.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			c.T.Fatal(err)
		}
		out = append(out, r)
	}
}
