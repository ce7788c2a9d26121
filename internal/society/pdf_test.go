package society_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kexie/internal/society"
	"kexie/internal/testenv"
)

func TestUpperYuan(t *testing.T) {
	for _, c := range []struct {
		cents int64
		want  string
	}{
		{0, "零元整"}, {12000, "壹佰贰拾元整"}, {100100, "壹仟零壹元整"}, {1000100, "壹万零壹元整"},
		{10000000, "壹拾万元整"}, {100000000, "壹佰万元整"}, {5050, "伍拾元伍角整"}, {5005, "伍拾元零伍分"},
		{123456789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"}, {10000000000, "壹亿元整"},
	} {
		if got := society.UpperYuan(c.cents); got != c.want {
			t.Errorf("UpperYuan(%d) = %s, want %s", c.cents, got, c.want)
		}
	}
}

// The receipt is a PDF whose text (with the embedded CJK font) carries the
// 会费统一票据 details: payer, amount in figures and words, period, number.
func TestReceiptPDF(t *testing.T) {
	pdftotext := testenv.Tool(t, "pdftotext")
	if !fontReady() {
		t.Skip("no CJK font")
	}
	s := society.NewStore(nil, society.Config{})
	inv := society.Invoice{ID: 1, MemberName: "王晓明", MemberNumber: "PZHES-00001", OrgName: "攀枝花市电子学会", TierName: "普通会员",
		Amount: 20000, Status: society.InvoicePaid, ReceiptNo: "PZHES-2026-000001",
		StartsOn: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), EndsOn: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC),
		PaidAt: time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	if err := s.ReceiptPDF(&buf, inv); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "r.pdf")
	if d := os.Getenv("KEXIE_SCREENSHOTS"); d != "" {
		_ = os.WriteFile(filepath.Join(d, "society-receipt.pdf"), buf.Bytes(), 0o644)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"社会团体会费统一票据", "王晓明", "PZHES-2026-000001", "贰佰元整", "200.00", "攀枝花市电子学会"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("receipt text lacks %q:\n%s", want, out)
		}
	}
	if buf.Len() > 400<<10 {
		t.Errorf("receipt is %d KB: the font is not subset", buf.Len()>>10)
	}
}

// The card PDF carries the member's number, tier and validity beside the
// QR code of the verification address.
func TestCardPDF(t *testing.T) {
	pdftotext := testenv.Tool(t, "pdftotext")
	if !fontReady() {
		t.Skip("no CJK font")
	}
	s := society.NewStore(nil, society.Config{})
	var buf bytes.Buffer
	m := society.Member{Name: "王晓明", Number: "PZHES-00001", OrgName: "攀枝花市电子学会", TierName: "普通会员"}
	if err := s.CardPDF(&buf, m, society.CardCheck{Valid: true, Tier: "普通会员", Until: "2027-12-31"}, "https://kx.example.cn/card/abc"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "c.pdf")
	if d := os.Getenv("KEXIE_SCREENSHOTS"); d != "" {
		_ = os.WriteFile(filepath.Join(d, "society-card.pdf"), buf.Bytes(), 0o644)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"攀枝花市电子学会", "PZHES-00001", "普通会员", "2027-12-31"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("card text lacks %q:\n%s", want, out)
		}
	}
}
