// Command disciplines turns the GB/T 13745-2009 table (学科分类与代码) of the
// public repository SAH01/data-standardization — the spreadsheet
// std_subject/std_subject_2009.xlsx at commit
// 70f1a887019ba867c1bc0ac7ee59315e28b10e99 — into
// internal/std/data/disciplines.csv: code,name for the 3-, 5- and 7-digit
// levels.
//
//	git show 70f1a88:std_subject/std_subject_2009.xlsx > std_subject_2009.xlsx
//	go run ./internal/std/gen/disciplines -xlsx std_subject_2009.xlsx -o internal/std/data/disciplines.csv
//
// The spreadsheet is refused unless its SHA-256 is xlsxSHA256. Its
// transcription dropped a few rows at page breaks (a parent whose children
// are present); patches.csv adds exactly those, read from a second,
// independent extraction of the standard's Table 1 (see README.md), and a
// patch for a code the spreadsheet already has is an error. Every code
// must then have its parent (but 19035xx, printed under 19030 in the
// standard), and the counts must be those recorded in wantCounts. The
// output is written beside -o and renamed over it only when all succeeded.
package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/csv"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// xlsxSHA256 is the SHA-256 of std_subject_2009.xlsx at the commit above.
const xlsxSHA256 = "30bddfea2f9d9b65425f761b622fca7c4840fa0bc8373d1750d958a11cc0845d"

// wantCounts are the entries per level after the patches (README.md
// explains how they compare with the counts the standard declares).
var wantCounts = [4]int{0, 62, 740, 2750}

//go:embed patches.csv
var patchesCSV string

func main() {
	fs := flag.NewFlagSet("disciplines", flag.ContinueOnError)
	in := fs.String("xlsx", "", "std_subject_2009.xlsx from SAH01/data-standardization (required)")
	out := fs.String("o", "", "CSV file to write, e.g. internal/std/data/disciplines.csv (required)")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if *in == "" || *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: disciplines -xlsx std_subject_2009.xlsx -o disciplines.csv")
		os.Exit(2)
	}
	if err := generate(*in, *out, xlsxSHA256); err != nil {
		fmt.Fprintln(os.Stderr, "disciplines:", err)
		os.Exit(1)
	}
}

func generate(in, out, wantSHA string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(raw)
	if got := hex.EncodeToString(sum[:]); got != wantSHA {
		return fmt.Errorf("%s: SHA-256 %s, want %s (not the spreadsheet this generator was written for)", in, got, wantSHA)
	}
	rows, err := sheetRows(raw)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	var buf bytes.Buffer
	if err := build(&buf, rows, patchesCSV, wantCounts); err != nil {
		return err
	}
	return writeAtomic(out, buf.Bytes())
}

// level is the level of a code of 3, 5 or 7 digits, else 0.
func level(code string) int {
	if code == "" || strings.Trim(code, "0123456789") != "" {
		return 0
	}
	switch len(code) {
	case 3:
		return 1
	case 5:
		return 2
	case 7:
		return 3
	}
	return 0
}

// parent is the code above code: 19035xx stand under 19030 as printed.
func parent(code string) string {
	if strings.HasPrefix(code, "19035") && len(code) == 7 {
		return "19030"
	}
	return code[:len(code)-2]
}

// build keeps the rows of the first two columns whose code has 3, 5 or 7
// digits (the sheet's header and its five group rows A–E are not codes),
// adds the patches, checks the table and writes it sorted by code.
func build(w io.Writer, rows [][2]string, patches string, want [4]int) error {
	names := map[string]string{}
	for _, r := range rows {
		code, name := strings.TrimSpace(r[0]), strings.Join(strings.Fields(r[1]), "")
		if level(code) == 0 {
			continue
		}
		if name == "" {
			return fmt.Errorf("code %s has no name", code)
		}
		if _, dup := names[code]; dup {
			return fmt.Errorf("code %s appears twice", code)
		}
		names[code] = name
	}
	recs, err := csv.NewReader(strings.NewReader(patches)).ReadAll()
	if err != nil || len(recs) == 0 {
		return fmt.Errorf("patches.csv: %v", err)
	}
	for _, r := range recs[1:] {
		if level(r[0]) == 0 || r[1] == "" {
			return fmt.Errorf("patches.csv: bad row %q", r)
		}
		if _, ok := names[r[0]]; ok {
			return fmt.Errorf("patches.csv: %s is already in the spreadsheet", r[0])
		}
		names[r[0]] = r[1]
	}
	var counts [4]int
	codes := make([]string, 0, len(names))
	for c := range names {
		if l := level(c); l > 1 {
			if _, ok := names[parent(c)]; !ok {
				return fmt.Errorf("code %s has no parent %s", c, parent(c))
			}
		}
		counts[level(c)]++
		codes = append(codes, c)
	}
	if counts != want {
		return fmt.Errorf("levels hold %v entries, want %v", counts[1:], want[1:])
	}
	sort.Strings(codes)
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"code", "name"})
	for _, c := range codes {
		_ = cw.Write([]string{c, names[c]})
	}
	cw.Flush()
	return cw.Error()
}

// sheetRows reads columns A and B of the first worksheet of an XLSX.
func sheetRows(raw []byte) ([][2]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, err
	}
	read := func(name string) ([]byte, error) {
		f, err := zr.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(io.LimitReader(f, 64<<20))
	}
	var shared []string
	if b, err := read("xl/sharedStrings.xml"); err == nil {
		var sst struct {
			SI []struct {
				T string `xml:"t"`
				R []struct {
					T string `xml:"t"`
				} `xml:"r"`
			} `xml:"si"`
		}
		if err := xml.Unmarshal(b, &sst); err != nil {
			return nil, fmt.Errorf("sharedStrings.xml: %w", err)
		}
		for _, si := range sst.SI {
			s := si.T
			for _, r := range si.R {
				s += r.T
			}
			shared = append(shared, s)
		}
	}
	b, err := read("xl/worksheets/sheet1.xml")
	if err != nil {
		return nil, err
	}
	var ws struct {
		Rows []struct {
			C []struct {
				R string `xml:"r,attr"`
				T string `xml:"t,attr"`
				V string `xml:"v"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal(b, &ws); err != nil {
		return nil, fmt.Errorf("sheet1.xml: %w", err)
	}
	var out [][2]string
	for _, row := range ws.Rows {
		var r [2]string
		for _, c := range row.C {
			col := strings.TrimRight(c.R, "0123456789")
			if col != "A" && col != "B" {
				continue
			}
			v := c.V
			if c.T == "s" {
				i, err := strconv.Atoi(v)
				if err != nil || i < 0 || i >= len(shared) {
					return nil, fmt.Errorf("cell %s: bad shared string %q", c.R, v)
				}
				v = shared[i]
			}
			r[map[string]int{"A": 0, "B": 1}[col]] = v
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, errors.New("the first worksheet is empty")
	}
	return out, nil
}

// writeAtomic writes data beside out and renames it over out; on any
// error out is left as it was.
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
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
}
