// Command kexie runs the Kexie platform: the web server and the
// administration commands. It holds no business logic: each subcommand
// parses its flags and calls into package app and the modules.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"kexie/internal/app"
	"kexie/internal/config"
)

// command is one subcommand.
type command struct {
	name, usage string
	run         func(ctx context.Context, env *env, args []string) error
}

// env is what every subcommand gets: configuration and where to write.
type env struct {
	cfg    config.Config
	stdout io.Writer
	stderr io.Writer
	stdin  io.Reader
}

func commands() []command {
	return []command{
		{"serve", "serve the web UI (default 127.0.0.1:8080)", cmdServe},
		{"migrate", "migrate up | status", cmdMigrate},
		{"user", "user create | passwd | grant", cmdUser},
		{"demo", "demo [--size small|large] [--seed N]: synthetic province for tours and benchmarks", cmdDemo},
		{"people", "people import FILE | search QUERY: the talent database from scripts", cmdPeople},
		{"plan", "plan ingest FILE [--json]: read a plan document's sections, targets and responsible units", cmdPlan},
		{"survey", "survey estimate --instrument I.json --responses R.csv [--margins M.csv] --json: the science-literacy rate with its standard error", cmdSurvey},
		{"review", "review assign --experts E.csv --applications A.csv --per N | review rank --scores S.csv --method M: the review engine's rules on CSV", cmdReview},
		{"pii", "pii rotate: re-encrypt personal data under KEXIE_PII_KEY_VERSION", cmdPII},
		{"audit", "audit verify", cmdAudit},
		{"backup", "backup FILE: consistent online copy of the SQLite database", cmdBackup},
		{"restore", "restore FILE [--force]: restore a SQLite backup", cmdRestore},
		{"bench", "bench orgtree | startup: the measurements of docs/benchmarks.md", cmdBench},
		{"version", "print the version", cmdVersion},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Stdin, os.Getenv)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, stdin io.Reader, getenv func(string) string) int {
	cfg, err := config.Load(getenv)
	if err != nil {
		fmt.Fprintln(stderr, "kexie:", err)
		return 2
	}
	e := &env{cfg: cfg, stdout: stdout, stderr: stderr, stdin: stdin}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if err := c.run(ctx, e, args[1:]); err != nil {
				if errors.Is(err, flag.ErrHelp) {
					return 0
				}
				var ue usageError
				if errors.As(err, &ue) {
					fmt.Fprintln(stderr, "kexie "+c.name+":", err)
					return 2
				}
				fmt.Fprintln(stderr, "kexie "+c.name+":", err)
				return 1
			}
			return 0
		}
	}
	fmt.Fprintf(stderr, "kexie: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

// usageError marks a mistake in the command line (exit status 2).
type usageError string

func (u usageError) Error() string { return string(u) }

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: kexie <command> [flags]")
	cmds := commands()
	sort.SliceStable(cmds, func(i, j int) bool { return false })
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.usage)
	}
	fmt.Fprintln(w, "Settings come from flags, KEXIE_* variables and the file named by KEXIE_CONFIG; see README.md.")
}

// flags returns a flag set with every configuration flag registered.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("kexie "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	e.cfg.Register(fs)
	return fs
}

func (e *env) logger() *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(e.cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if e.cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(e.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(e.stderr, opts))
}

// open opens and migrates the app for a command.
func (e *env) open(ctx context.Context) (*app.App, error) {
	a, err := app.Open(ctx, e.cfg, e.logger())
	if err != nil {
		return nil, err
	}
	if err := a.Migrate(ctx); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

func cmdVersion(_ context.Context, e *env, args []string) error {
	fmt.Fprintln(e.stdout, "kexie", app.Version)
	return nil
}

func cmdMigrate(ctx context.Context, e *env, args []string) error {
	fs := e.flags("migrate")
	sub, args := subcommand(args)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if sub == "" {
		sub = fs.Arg(0)
	}
	a, err := app.Open(ctx, e.cfg, e.logger())
	if err != nil {
		return err
	}
	defer a.Close()
	switch sub {
	case "", "up":
		if err := a.Migrate(ctx); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "migrations applied")
		return nil
	case "status":
		st, err := a.DB.MigrationStatus(ctx, a.Migrations()...)
		if err != nil {
			return err
		}
		pending := 0
		for _, m := range st {
			state := m.AppliedAt.Format("2006-01-02 15:04:05Z")
			if m.AppliedAt.IsZero() {
				state = "pending"
				pending++
			}
			fmt.Fprintf(e.stdout, "%-10s %03d %-28s %s\n", m.Module, m.Version, m.Name, state)
		}
		fmt.Fprintf(e.stdout, "%d migrations, %d pending\n", len(st), pending)
		return nil
	}
	return usageError("want: migrate up | status")
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// subcommand splits a leading word ("up", "verify") from the flags after it,
// so that both "migrate up --db X" and "migrate --db X up" work.
// parseArgs parses fs's flags wherever they stand among the positional
// arguments ("import FILE --json", "import --json FILE", "--data D FILE
// --json") and returns the positional ones in order. (The flag package
// alone stops at the first non-flag.)
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos, args = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
}

// oneArg is parseArgs for commands taking exactly one positional argument
// (a file, a user name); usage is the error when it is missing or doubled.
func oneArg(fs *flag.FlagSet, args []string, usage string) (string, error) {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 || pos[0] == "" {
		return "", usageError(usage)
	}
	return pos[0], nil
}

func subcommand(args []string) (string, []string) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], args[1:]
	}
	return "", args
}
