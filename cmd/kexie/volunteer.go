package main

import (
	"context"
	"fmt"
)

// cmdVolunteer: kexie volunteer verify — checks the HMAC chain of the
// volunteer hours ledger; prints the entries checked and the head, or names
// the first bad entry and exits 1.
func cmdVolunteer(ctx context.Context, e *env, args []string) error {
	fs := e.flags("volunteer")
	sub, args := subcommand(args)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if sub == "" {
		sub = fs.Arg(0)
	}
	if sub != "verify" {
		return usageError("want: volunteer verify")
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	rep, err := a.Vols.VerifyLedger(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "head: entry %d, hash %s\nentries checked: %d\n", rep.HeadSeq, rep.HeadHash, rep.Checked)
	if !rep.OK() {
		return fmt.Errorf("hours ledger broken: %s", rep.First)
	}
	fmt.Fprintf(e.stdout, "hours ledger intact: %d entries verified\n", rep.Checked)
	return nil
}
