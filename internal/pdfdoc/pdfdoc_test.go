package pdfdoc_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kexie/internal/pdfdoc"
)

func font(t *testing.T) *pdfdoc.Font {
	t.Helper()
	f, err := pdfdoc.SystemFont()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	return f
}

func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) not installed")
		}
		t.Skip("pdftotext not installed")
	}
	p := filepath.Join(t.TempDir(), "d.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestChineseTextComesBack(t *testing.T) {
	f := font(t)
	at := time.Date(2026, 12, 5, 8, 0, 0, 0, time.UTC)
	for _, page := range []pdfdoc.Page{pdfdoc.A4, pdfdoc.A4Landscape, pdfdoc.Card} {
		d, err := pdfdoc.New(f, page, "科普志愿服务证明", at)
		if err != nil {
			t.Fatal(err)
		}
		d.Heading("科普志愿服务证明", 20)
		d.Text("兹证明张三同志累计参加科普志愿服务120小时。", 12, "L")
		d.Table([]string{"日期", "活动", "时长"}, [][]string{{"2026-09-20", "全国科普日", "4"}}, []float64{1, 2, 1})
		if err := d.QR("https://kexie.example/v/ABCD-EFGH", -1, -1, 20); err != nil {
			t.Fatal(err)
		}
		b, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("not a PDF: %q", b[:8])
		}
		if page != pdfdoc.Card && len(b) > 400_000 {
			t.Errorf("page %d: %d bytes: the font is not subset", page, len(b))
		}
		// Digits and Latin letters are drawn in the Latin font: the CJK
		// fallback font has no glyphs for them (they would print as boxes).
		if n := bytes.Count(b, []byte("/FontFile2")); n != 2 {
			t.Errorf("page %d: %d fonts embedded, want the CJK and the Latin one", page, n)
		}
		txt := pdftotext(t, b)
		wants := []string{"科普志愿服务证明", "全国科普日", "2026-09-20"}
		if page == pdfdoc.Card {
			wants = []string{"科普志愿服务证明", "全国科普日", "…"} // a cell too narrow is cut, not wrapped
		}
		for _, want := range wants {
			if !strings.Contains(txt, want) {
				t.Errorf("page %d: pdftotext lacks %q:\n%s", page, want, txt)
			}
		}
		// Same input, same bytes.
		d2, _ := pdfdoc.New(f, page, "科普志愿服务证明", at)
		d2.Heading("科普志愿服务证明", 20)
		d2.Text("兹证明张三同志累计参加科普志愿服务120小时。", 12, "L")
		d2.Table([]string{"日期", "活动", "时长"}, [][]string{{"2026-09-20", "全国科普日", "4"}}, []float64{1, 2, 1})
		_ = d2.QR("https://kexie.example/v/ABCD-EFGH", -1, -1, 20)
		b2, _ := d2.Bytes()
		if !bytes.Equal(b, b2) {
			t.Errorf("page %d: two runs differ", page)
		}
	}
}

func TestMissingFontIsClear(t *testing.T) {
	t.Setenv(pdfdoc.FontEnv, filepath.Join(t.TempDir(), "none.ttf"))
	_, err := pdfdoc.SystemFont()
	if err == nil || !strings.Contains(err.Error(), pdfdoc.FontEnv) {
		t.Fatalf("err = %v", err)
	}
	p := filepath.Join(t.TempDir(), "x.otf")
	os.WriteFile(p, []byte("OTTO0000000000000000"), 0o600)
	if _, err := pdfdoc.LoadFont(p); err == nil || !strings.Contains(err.Error(), "glyf") {
		t.Fatalf("CFF font accepted: %v", err)
	}
	if _, err := pdfdoc.New(nil, pdfdoc.A4, "x", time.Now()); err == nil {
		t.Fatal("nil font accepted")
	}
}

// A page of any size takes text in boxes at fixed places (receipt slips,
// member cards), Latin and Chinese runs alike, and Lazy loads the font once.
func TestSizedPageBoxes(t *testing.T) {
	f := font(t)
	calls := 0
	lazy := pdfdoc.Lazy{Load: func() (*pdfdoc.Font, error) { calls++; return f, nil }}
	for i := 0; i < 2; i++ {
		if _, err := lazy.Font(); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 1 {
		t.Errorf("the font was loaded %d times", calls)
	}
	d, err := pdfdoc.NewSize(f, 210, 120, 10, "票据", time.Unix(0, 0).UTC())
	if err != nil {
		t.Fatal(err)
	}
	d.Fill(0, 0, 210, 8, 22, 78, 140)
	d.Color(255, 255, 255)
	d.Box(10, 1, 190, 6, "社会团体会费统一票据", 12, "C", false)
	d.Color(0, 0, 0)
	d.Box(10, 30, 45, 11, "交款人", 11, "C", true)
	d.Box(55, 30, 145, 11, "王晓明（会员号 PZHES-00001）", 11, "L", true)
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	text := pdftotext(t, b)
	for _, want := range []string{"社会团体会费统一票据", "交款人", "王晓明", "PZHES-00001"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if _, err := pdfdoc.NewSize(nil, 10, 10, 1, "x", time.Now()); !errors.Is(err, pdfdoc.ErrNoFont) {
		t.Errorf("no font: %v", err)
	}
}
