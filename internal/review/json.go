package review

import (
	"encoding/json"
	"io"
)

func jsonUnmarshal(r io.Reader, v any) error { return json.NewDecoder(r).Decode(v) }
