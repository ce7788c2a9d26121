package main

import (
	"context"
	"fmt"

	"kexie/internal/audit"
)

// cmdPII: kexie pii rotate — after raising KEXIE_PII_KEY_VERSION on every
// node, re-encrypts the personal data sealed with older key versions, in
// small batches while the servers keep running.
func cmdPII(ctx context.Context, e *env, args []string) error {
	sub, args := subcommand(args)
	if sub != "rotate" {
		return usageError("want: pii rotate [--pii-key-version N]")
	}
	fs := e.flags("pii rotate")
	batch := fs.Int("batch", 1000, "rows per transaction")
	if err := fs.Parse(args); err != nil {
		return err
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	ctx = audit.WithMeta(ctx, audit.Meta{ActorName: "cli:pii rotate"})
	n, err := a.People.Reseal(ctx, *batch, func(done int) { fmt.Fprintf(e.stderr, "\rre-encrypted %d people", done) })
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\nre-encrypted %d people under key version %d\n", n, e.cfg.PIIKeyVersion)
	return nil
}
