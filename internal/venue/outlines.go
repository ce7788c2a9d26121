package venue

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

// OutlinesEnv names a GeoJSON file of region outlines the maps draw under
// the venues (see docs/decisions.md: the platform ships none; an operator
// supplies boundaries from a source approved for publication, such as the
// 标准地图服务 of the Ministry of Natural Resources with its 审图号). The
// file is served by Kexie itself, so the map still needs no outside service.
const OutlinesEnv = "KEXIE_MAP_REGIONS"

// MaxOutlines is the largest outlines file accepted.
const MaxOutlines = 8 << 20

// OutlinesPath is where the public map fetches the outlines.
const OutlinesPath = "/v/regions.geojson"

// Outlines is a validated GeoJSON FeatureCollection of named polygons.
type Outlines struct {
	Body     []byte
	ETag     string
	Features int
}

// ParseOutlines checks that b is a GeoJSON FeatureCollection whose features
// are Polygons or MultiPolygons with a properties.name, as ECharts'
// registerMap needs them.
func ParseOutlines(b []byte) (*Outlines, error) {
	if len(b) > MaxOutlines {
		return nil, fmt.Errorf("venue: region outlines: %d bytes, more than %d", len(b), MaxOutlines)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type       string `json:"type"`
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("venue: region outlines: not JSON: %w", err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) == 0 {
		return nil, errors.New("venue: region outlines: want a GeoJSON FeatureCollection with features")
	}
	for i, f := range fc.Features {
		switch {
		case f.Geometry.Type != "Polygon" && f.Geometry.Type != "MultiPolygon":
			return nil, fmt.Errorf("venue: region outlines: feature %d is a %q, want Polygon or MultiPolygon", i+1, f.Geometry.Type)
		case strings.TrimSpace(f.Properties.Name) == "":
			return nil, fmt.Errorf("venue: region outlines: feature %d has no properties.name", i+1)
		case len(f.Geometry.Coordinates) < 2 || f.Geometry.Coordinates[0] != '[':
			return nil, fmt.Errorf("venue: region outlines: feature %d has no coordinates", i+1)
		}
	}
	sum := sha256.Sum256(b)
	return &Outlines{Body: b, ETag: `"` + hex.EncodeToString(sum[:8]) + `"`, Features: len(fc.Features)}, nil
}

// LoadOutlines reads and checks the outlines file at path; the maps draw it
// from then on.
func (s *Store) LoadOutlines(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("venue: region outlines: %w", err)
	}
	if st.Size() > MaxOutlines {
		return fmt.Errorf("venue: region outlines: %s is %d bytes, more than %d", path, st.Size(), MaxOutlines)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("venue: region outlines: %w", err)
	}
	o, err := ParseOutlines(b)
	if err != nil {
		return fmt.Errorf("%w (%s)", err, path)
	}
	s.outlines = o
	return nil
}

// HasOutlines reports whether region outlines were loaded.
func (s *Store) HasOutlines() bool { return s.outlines != nil }
