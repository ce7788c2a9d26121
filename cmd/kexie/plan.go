package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"kexie/internal/plan"
)

// cmdPlan: kexie plan ingest FILE [--json] prints a plan document's
// sections, quantitative indicators and responsible units.
func cmdPlan(ctx context.Context, e *env, args []string) error {
	sub, args := subcommand(args)
	if sub != "ingest" {
		return usageError("want: plan ingest FILE [--json]")
	}
	fs := e.flags("plan ingest")
	asJSON := fs.Bool("json", false, "print the structure as JSON")
	file, err := oneArg(fs, args, "plan ingest: want one FILE")
	if err != nil {
		return err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	text, err := plan.DocumentText(context.Background(), file, data)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	doc, err := plan.Ingest(strings.NewReader(text))
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	fmt.Fprintf(e.stdout, "%s\n%d top-level sections, %d indicators (%d candidates), %d responsibilities\n", doc.Title, len(doc.Sections),
		len(doc.Targets()), len(doc.Indicators)-len(doc.Targets()), len(doc.Responsibilities))
	if n := doc.OCR; n != nil { // the JSON carries it as "ocr"
		fmt.Fprintf(e.stdout, "! the text looks OCR'd from a scan: %d numbers hold letters or odd signs (first %q, line %d); check every target's value against the original\n",
			n.Suspects, n.Spots[0].Text, n.Spots[0].Line)
	}
	for _, ind := range doc.Indicators {
		mark := ""
		if ind.Candidate {
			mark = "? " // a candidate, not a target
		}
		fmt.Fprintf(e.stdout, "  %s[%s] %s\n", mark, strings.Join(ind.Section, "/"), ind.Text)
	}
	return nil
}
