package main

import (
	"context"
	"fmt"
	"os"

	"kexie/internal/audit"
)

// peopleDisciplines: kexie people disciplines import FILE — loads the
// official GB/T 13745 table (columns 代码, 名称) so discipline codes are checked.
func peopleDisciplines(ctx context.Context, e *env, args []string) error {
	const usage = "want: people disciplines import FILE.csv|xlsx (columns 代码, 名称)"
	sub, args := subcommand(args)
	if sub != "import" {
		return usageError(usage)
	}
	fs := e.flags("people disciplines import")
	file, err := oneArg(fs, args, usage)
	if err != nil {
		return err
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.BuildSite(); err != nil {
		return err
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	n, errs, err := a.People.ImportDisciplines(audit.WithMeta(ctx, audit.Meta{ActorName: "cli:people disciplines import"}), f)
	if err != nil {
		return err
	}
	for _, x := range errs {
		fmt.Fprintf(e.stdout, "row %d, %s: %s\n", x.Row, x.Column, a.Site.Catalogs.T("zh-CN", x.Code, ""))
	}
	if len(errs) > 0 {
		return silentError(fmt.Sprintf("%d errors; the table is unchanged", len(errs)))
	}
	fmt.Fprintf(e.stdout, "imported %d disciplines\n", n)
	return nil
}
