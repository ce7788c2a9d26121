package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/app"
	"kexie/internal/config"
	"kexie/internal/std"
	"kexie/internal/volunteer"
)

// TestVolunteerVerify: the ledger verifies, with a correction in it too, and
// after an edit in the database the command fails naming the edited entry.
func TestVolunteerVerify(t *testing.T) {
	data := t.TempDir()
	if code, out := kexie(t, data, "", "volunteer", "verify"); code != 0 || !strings.Contains(out, "entries checked: 0") {
		t.Fatalf("verify on a fresh database: %d %q", code, out)
	}
	ctx := context.Background()
	cfg, err := config.Load(func(k string) string { return map[string]string{"KEXIE_DATA": data}[k] })
	if err != nil {
		t.Fatal(err)
	}
	a, err := app.Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.Bootstrap(ctx); err != nil {
		t.Fatal(err)
	}
	root, _ := a.Orgs.Root(ctx)
	first := "11010119900101001"
	v, err := a.Vols.Register(ctx, volunteer.Input{OrgID: root.ID, Name: "张三", IDNumber: first + string(std.CitizenIDCheckDigit(first))}, 0)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for i := 0; i < 3; i++ {
		p, err := a.Vols.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: root.ID, Title: "讲解", StartsAt: now, EndsAt: now.Add(time.Hour), Slots: 1}, 0)
		if err != nil {
			t.Fatal(err)
		}
		a.Vols.SignUp(ctx, p.ID, v.ID)
		a.Vols.CheckIn(ctx, p.ID, v.ID, access.Everywhere())
		a.DB.Exec(ctx, `UPDATE volunteer_signups SET checked_in_at = checked_in_at - 3600000 WHERE opportunity_id = ?`, p.ID)
		if _, err := a.Vols.CheckOut(ctx, p.ID, v.ID, access.Everywhere(), 0); err != nil {
			t.Fatal(err)
		}
	}
	// A correction filed by one staff member and approved by another is a
	// fourth entry; the chain still verifies.
	led, _ := a.Vols.Ledger(ctx, v.ID, 1)
	cid, err := a.Vols.FileCorrection(ctx, volunteer.CorrectionInput{VolunteerID: v.ID, EntrySeq: led[0].Seq, Minutes: -30, Reason: "签退晚了半小时"}, access.Everywhere(), 101)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Vols.DecideCorrection(ctx, cid, true, access.Everywhere(), 102); err != nil {
		t.Fatal(err)
	}
	if code, out := kexie(t, data, "", "volunteer", "verify"); code != 0 || !strings.Contains(out, "entries checked: 4") || !strings.Contains(out, "intact") {
		t.Fatalf("verify: %d %q", code, out)
	}
	if _, err := a.DB.Exec(ctx, `UPDATE volunteer_hours SET minutes = 600 WHERE seq = 2`); err != nil {
		t.Fatal(err)
	}
	a.Close()
	if code, out := kexie(t, data, "", "volunteer", "verify"); code != 1 || !strings.Contains(out, "entry 2") || !strings.Contains(out, "edited") {
		t.Fatalf("verify after an edit: %d %q", code, out)
	}
}
