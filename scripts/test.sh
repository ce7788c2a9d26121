#!/usr/bin/env bash
# The test command of README.md: on a fresh Debian machine with Go it
# installs and starts what the tests need (PostgreSQL, Chromium), then runs
# gofmt, go vet and every test. Extra arguments go to `go test`
# (e.g. scripts/test.sh -run TestLockout ./internal/auth).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }
die() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then
	command -v sudo >/dev/null || die "not root and no sudo: cannot install packages"
	SUDO="sudo"
fi
as_postgres() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

apt_updated=""
apt_install() {
	if [ -z "$apt_updated" ]; then
		say "apt-get update"
		$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		apt_updated=1
	fi
	say "installing $*"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL server.
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	apt_install postgresql
fi
# pdftotext (poppler-utils) reads PDF plan documents.
if ! command -v pdftotext >/dev/null 2>&1; then
	apt_install poppler-utils
fi
# A CJK TrueType font (glyf outlines) for PDF documents (internal/pdfdoc; society receipts and cards).
if [ -z "${KEXIE_PDF_FONT:-}" ] && [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]; then
	apt_install fonts-droid-fallback
fi
# Its Latin companion (the CJK fallback font has no digits or Latin letters).
if [ -z "${KEXIE_PDF_LATIN_FONT:-}" ] && [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
	apt_install fonts-dejavu-core
fi
# Chromium and CJK fonts for the browser tests and screenshots.
if [ -z "${KEXIE_TEST_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
	apt_install chromium fonts-noto-cjk
fi
# Tibetan script for the 科普 portal's Tibetan pages (Noto Serif Tibetan).
if ! fc-list 2>/dev/null | grep -qi tibetan; then
	apt_install fonts-noto-core
fi

# Start the cluster.
if [ -z "${KEXIE_TEST_PG:-}" ]; then
	ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
	if ! pg_lsclusters -h 2>/dev/null | grep -q "^$ver main"; then
		say "creating PostgreSQL $ver cluster"
		$SUDO pg_createcluster "$ver" main >/dev/null
	fi
	if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep -q online; then
		say "starting PostgreSQL $ver"
		$SUDO pg_ctlcluster "$ver" main start
	fi
	for i in $(seq 1 30); do
		pg_isready -q -h 127.0.0.1 && break
		[ "$i" = 30 ] && die "PostgreSQL did not become ready in 30 s"
		sleep 1
	done
	say "preparing test role and database"
	as_postgres psql -q -v ON_ERROR_STOP=1 -c "DO \$\$BEGIN
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kexie') THEN
			CREATE ROLE kexie LOGIN PASSWORD 'kexie' CREATEDB;
		END IF; END\$\$;" >/dev/null
	if ! as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'kexie_test'" | grep -q 1; then
		as_postgres createdb -O kexie kexie_test
	fi
	export KEXIE_TEST_PG="postgres://kexie:kexie@127.0.0.1:5432/kexie_test?sslmode=disable"
fi
export KEXIE_TEST_CHROMIUM="${KEXIE_TEST_CHROMIUM:-$(command -v chromium || true)}"

say "templ components are generated"
# The *_templ.go files are committed so that a build needs no generator;
# regenerate them and fail when a .templ file changed without its Go file.
templ_files=$(find cmd internal -name '*.templ' | sort)
if [ -n "$templ_files" ]; then
	gen=$(mktemp -d)
	for f in $templ_files; do
		mkdir -p "$gen/$(dirname "$f")"
		cp "$f" "$gen/$f"
	done
	# One run per folder, as go:generate does (the file names it records
	# are relative to -path).
	for d in $(printf '%s\n' $templ_files | xargs -n1 dirname | sort -u); do
		go run github.com/a-h/templ/cmd/templ@v0.3.1118 generate -path "$gen/$d" >/dev/null 2>&1 || die "templ generate failed in $d"
	done
	for f in $templ_files; do
		g="${f%.templ}_templ.go"
		cmp -s "$gen/$g" "$g" || die "$g is stale: run go generate ./... and commit it"
	done
	rm -rf "$gen"
fi
say "gofmt"
unformatted=$(gofmt -l cmd internal)
[ -z "$unformatted" ] || die "gofmt needed on: $unformatted"
say "go vet"
go vet ./...
# the corpus tools built only on request (-tags adjudicate, dump, train, rebuild) must still build
go vet -tags "adjudicate dump train rebuild" ./internal/plan

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(./...)
log=$(mktemp)
say "go test ${args[*]}"
set +e
go test -count=1 -timeout 25m -v "${args[@]}" 2>&1 | tee "$log" | grep -E '^(=== RUN|\s*--- (FAIL|SKIP)|FAIL|ok|panic)' | grep -v '^=== RUN'
status=${PIPESTATUS[0]}
set -e
pass=$(grep -c -- '--- PASS' "$log" || true)
fail=$(grep -c -- '--- FAIL' "$log" || true)
skip=$(grep -c -- '--- SKIP' "$log" || true)
say "tests: $pass passed, $fail failed, $skip skipped"
if [ "$status" != 0 ]; then
	grep -B2 -A20 -- '--- FAIL' "$log" | head -200 >&2 || true
	die "go test exited with status $status"
fi
if [ "${CI:-}" = true ] && [ "$skip" != 0 ]; then
	grep -A3 -- '--- SKIP' "$log" >&2
	die "skipped tests are failures under CI"
fi
rm -f "$log"
say "all tests passed"
