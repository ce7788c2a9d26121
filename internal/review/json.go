package review

import (
	"encoding/json"
	"io"
	"net/url"
)

func jsonUnmarshal(r io.Reader, v any) error { return json.NewDecoder(r).Decode(v) }

func urlEscape(s string) string { return url.PathEscape(s) }
