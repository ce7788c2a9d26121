package society

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	qrcode "github.com/skip2/go-qrcode"
)

// font reads the CJK TrueType font once; fpdf embeds only the glyphs used.
func (s *Store) font() ([]byte, error) {
	s.fontOnce.Do(func() {
		s.fontData, s.fontErr = os.ReadFile(s.cfg.Font)
		if s.fontErr != nil {
			s.fontErr = fmt.Errorf("society: CJK font %s (install fonts-droid-fallback or set the font path): %w", s.cfg.Font, s.fontErr)
		}
	})
	return s.fontData, s.fontErr
}

func (s *Store) newPDF(orientation string, size fpdf.SizeType) (*fpdf.Fpdf, error) {
	font, err := s.font()
	if err != nil {
		return nil, err
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: orientation, UnitStr: "mm", Size: size})
	pdf.SetCreationDate(time.Unix(0, 0).UTC()) // the same receipt gives the same bytes
	pdf.AddUTF8FontFromBytes("cjk", "", font)
	pdf.SetFont("cjk", "", 11)
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddPage()
	return pdf, nil
}

// ReceiptPDF writes the receipt of a paid invoice in the layout of the
// 社会团体会费统一票据: payer, amount in figures and in words, the period
// paid for, the receipt number and the society as payee.
func (s *Store) ReceiptPDF(w io.Writer, inv Invoice) error {
	if inv.Status != InvoicePaid || inv.ReceiptNo == "" {
		return &NotFoundError{"receipt", inv.ID}
	}
	pdf, err := s.newPDF("P", fpdf.SizeType{Wd: 210, Ht: 120})
	if err != nil {
		return err
	}
	mixed(pdf, 10, 10, 190, 10, "社会团体会费统一票据", "C", 16)
	mixed(pdf, 10, 20, 190, 6, "票据号码："+inv.ReceiptNo+"    开票日期："+inv.PaidAt.In(s.cfg.Loc).Format("2006年01月02日"), "R", 10)
	period := inv.StartsOn.In(s.cfg.Loc).Format("2006-01-02") + " 至 "
	if inv.EndsOn.IsZero() {
		period += "终身"
	} else {
		period += inv.EndsOn.Add(-time.Second).In(s.cfg.Loc).Format("2006-01-02")
	}
	rows := [][2]string{
		{"交款人", inv.MemberName + "（会员号 " + inv.MemberNumber + "）"},
		{"收费项目", "会费（" + inv.TierName + "）"},
		{"会费所属期间", period},
		{"金额（小写）", "￥" + Yuan(inv.Amount)},
		{"金额（大写）", UpperYuan(inv.Amount)},
		{"收款单位", inv.OrgName},
	}
	y := 30.0
	for _, r := range rows {
		pdf.Rect(10, y, 45, 11, "D")
		pdf.Rect(55, y, 145, 11, "D")
		mixed(pdf, 10, y, 45, 11, r[0], "C", 11)
		mixed(pdf, 55, y, 145, 11, r[1], "L", 11)
		y += 11
	}
	mixed(pdf, 10, y+4, 190, 6, "收款单位（盖章）            复核：            收款人：", "L", 9)
	return pdf.Output(w)
}

// CardPDF writes a member card (credit-card size) with the member number,
// tier, validity and a QR code of the public verification address.
func (s *Store) CardPDF(w io.Writer, m Member, c CardCheck, verifyURL string) error {
	png, err := qrcode.Encode(verifyURL, qrcode.Medium, 256)
	if err != nil {
		return fmt.Errorf("society: card QR: %w", err)
	}
	pdf, err := s.newPDF("P", fpdf.SizeType{Wd: 85.6, Ht: 54})
	if err != nil {
		return err
	}
	pdf.RegisterImageOptionsReader("qr", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
	pdf.SetFillColor(22, 78, 140)
	pdf.Rect(0, 0, 85.6, 11, "F")
	pdf.SetTextColor(255, 255, 255)
	mixed(pdf, 4, 2.5, 78, 6, m.OrgName+" 会员证", "L", 10)
	pdf.SetTextColor(0, 0, 0)
	until := c.Until
	if until == "" {
		until = "终身"
	}
	lines := []string{m.Name, "会员号：" + m.Number, "会员类别：" + c.Tier, "有效期至：" + until}
	for i, l := range lines {
		mixed(pdf, 4, 15+float64(i)*7, 50, 6, l, "L", 8)
	}
	pdf.ImageOptions("qr", 57, 15, 25, 25, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	mixed(pdf, 55, 41, 29, 4, "扫码验证", "C", 5)
	return pdf.Output(w)
}

// UpperYuan writes an amount in the capital numerals of Chinese receipts
// (壹佰贰拾元整).
func UpperYuan(cents int64) string {
	digits := []rune("零壹贰叁肆伍陆柒捌玖")
	units := []string{"", "拾", "佰", "仟"}
	big := []string{"", "万", "亿"}
	yuan := cents / 100
	out := ""
	if yuan == 0 {
		out = "零"
	}
	lower := int64(-1) // the group below the one being written
	for g := 0; yuan > 0; g++ {
		part := yuan % 10000
		yuan /= 10000
		if part == 0 {
			if out != "" && !strings.HasPrefix(out, "零") {
				out = "零" + out
			}
			lower = 0
			continue
		}
		s, zero := "", false
		for i, p := 0, part; i < 4 && p > 0; i++ {
			d := p % 10
			p /= 10
			if d == 0 {
				zero = s != ""
				continue
			}
			if zero {
				s = "零" + s
				zero = false
			}
			s = string(digits[d]) + units[i] + s
		}
		if lower > 0 && lower < 1000 && !strings.HasPrefix(out, "零") {
			out = "零" + out
		}
		out = s + big[g] + out
		lower = part
	}
	out += "元"
	jiao, fen := cents%100/10, cents%10
	switch {
	case jiao == 0 && fen == 0:
		out += "整"
	case fen == 0:
		out += string(digits[jiao]) + "角整"
	case jiao == 0:
		out += "零" + string(digits[fen]) + "分"
	default:
		out += string(digits[jiao]) + "角" + string(digits[fen]) + "分"
	}
	return out
}

// mixed writes text in the box (x, y, w, h) aligned L, C or R: runs of
// ASCII in Helvetica and the rest in the CJK font, which has no Latin
// glyphs (Droid Sans Fallback).
func mixed(pdf *fpdf.Fpdf, x, y, w, h float64, text, align string, size float64) {
	type run struct {
		s     string
		latin bool
		w     float64
	}
	var runs []run
	for _, r := range text {
		latin := r < 0x80
		if n := len(runs); n > 0 && runs[n-1].latin == latin {
			runs[n-1].s += string(r)
			continue
		}
		runs = append(runs, run{s: string(r), latin: latin})
	}
	font := func(latin bool) {
		if latin {
			pdf.SetFont("Helvetica", "", size)
		} else {
			pdf.SetFont("cjk", "", size)
		}
	}
	total := 0.0
	for i := range runs {
		font(runs[i].latin)
		runs[i].w = pdf.GetStringWidth(runs[i].s)
		total += runs[i].w
	}
	cur := x + 2
	switch align {
	case "C":
		cur = x + (w-total)/2
	case "R":
		cur = x + w - total - 2
	}
	for _, r := range runs {
		font(r.latin)
		pdf.SetXY(cur, y)
		pdf.CellFormat(r.w, h, r.s, "", 0, "L", false, 0, "")
		cur += r.w
	}
}
