package main

import (
	"context"
	"fmt"

	"kexie/internal/audit"
)

// cmdAudit: kexie audit verify — checks the keyed hash chain and names
// every edited, inserted or deleted record; exits 1 when any is found. It
// prints the head hash, which operators copy elsewhere (docs/architecture.md).
func cmdAudit(ctx context.Context, e *env, args []string) error {
	fs := e.flags("audit")
	sub, args := subcommand(args)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if sub == "" {
		sub = fs.Arg(0)
	}
	if sub != "verify" {
		return usageError("want: audit verify")
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	rep, err := audit.Verify(ctx, a.DB)
	if err != nil {
		return err
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(e.stdout, "record %d: %s: %s\n", p.Seq, p.Kind, p.Detail)
	}
	if rep.Omitted > 0 {
		fmt.Fprintf(e.stdout, "… %d more problem(s) not listed\n", rep.Omitted)
	}
	fmt.Fprintf(e.stdout, "head: record %d, hash %s\nrecords checked: %d\nproblems omitted: %d\n",
		rep.HeadSeq, rep.HeadHash, rep.Checked, rep.Omitted)
	if rep.Unkeyed > 0 {
		fmt.Fprintf(e.stdout, "records from before the chain was keyed (plain SHA-256, bound by record %d): %d\n", rep.KeyedFrom, rep.Unkeyed)
	}
	if !rep.OK() {
		return fmt.Errorf("audit chain broken: %d problem(s) in %d records", len(rep.Problems)+rep.Omitted, rep.Checked)
	}
	fmt.Fprintf(e.stdout, "audit chain intact: %d records verified\n", rep.Checked)
	return nil
}
