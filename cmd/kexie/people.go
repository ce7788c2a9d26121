package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"kexie/internal/audit"
)

// cmdPeople: kexie people import FILE [--org CODE] [--dry-run] [--json]
func cmdPeople(ctx context.Context, e *env, args []string) error {
	sub, args := subcommand(args)
	if sub != "import" {
		return usageError("want: people import FILE [--org CODE] [--dry-run] [--json]")
	}
	fs := e.flags("people import")
	orgCode := fs.String("org", "", "org code to import into (default: the root org)")
	dry := fs.Bool("dry-run", false, "validate only; write nothing")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	var file string
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if file == "" {
		file = fs.Arg(0)
	}
	if file == "" {
		return usageError("people import: FILE missing")
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.BuildSite(); err != nil { // the message catalogs
		return err
	}
	o, err := a.Orgs.Root(ctx)
	if *orgCode != "" {
		o, err = a.Orgs.GetByCode(ctx, *orgCode)
	}
	if err != nil {
		return fmt.Errorf("org %q: %w", *orgCode, err)
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	ctx = audit.WithMeta(ctx, audit.Meta{ActorName: "cli:people import"})
	t := func(key string, args ...any) string { return a.Site.Catalogs.T("zh-CN", key, args...) }
	res, err := a.People.Import(ctx, f, filepath.Base(file), o.ID, *dry, t)
	if err != nil {
		return explain(err)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			return err
		}
	} else {
		for _, x := range res.Errors {
			fmt.Fprintf(e.stdout, "row %d, %s: %s\n", x.Row, x.Column, x.Message)
		}
		fmt.Fprintf(e.stdout, "%d rows: %d created, %d updated, %d unchanged\n", res.Rows, res.Created, res.Updated, res.Unchanged)
	}
	if len(res.Errors) > 0 {
		return silentError(fmt.Sprintf("%d errors; nothing written", len(res.Errors)))
	}
	return nil
}

// silentError fails the command (exit 1) with a message on stderr only.
type silentError string

func (s silentError) Error() string { return string(s) }
