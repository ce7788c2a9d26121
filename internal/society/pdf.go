package society

import (
	"io"
	"strings"
	"time"

	"kexie/internal/pdfdoc"
)

// ReceiptPDF writes the receipt of a paid invoice in the layout of the
// 社会团体会费统一票据: payer, amount in figures and in words, the period
// paid for, the receipt number and the society as payee. Without a font it
// returns pdfdoc.ErrNoFont (or the font's load error) and writes nothing.
func (s *Store) ReceiptPDF(w io.Writer, inv Invoice) error {
	if inv.Status != InvoicePaid || inv.ReceiptNo == "" {
		return &NotFoundError{"receipt", inv.ID}
	}
	font, err := s.font.Font()
	if err != nil {
		return err
	}
	// The fixed creation date makes the same receipt give the same bytes.
	d, err := pdfdoc.NewSize(font, 210, 120, 10, "社会团体会费统一票据 "+inv.ReceiptNo, time.Unix(0, 0).UTC())
	if err != nil {
		return err
	}
	d.Box(10, 10, 190, 10, "社会团体会费统一票据", 16, "C", false)
	d.Box(10, 20, 190, 6, "票据号码："+inv.ReceiptNo+"    开票日期："+inv.PaidAt.In(s.cfg.Loc).Format("2006年01月02日"), 10, "R", false)
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
		d.Box(10, y, 45, 11, r[0], 11, "C", true)
		d.Box(55, y, 145, 11, r[1], 11, "L", true)
		y += 11
	}
	d.Box(10, y+4, 190, 6, "收款单位（盖章）            复核：            收款人：", 9, "L", false)
	return d.Write(w)
}

// CardPDF writes a member card (credit-card size) with the member number,
// tier, validity and a QR code of the public verification address.
func (s *Store) CardPDF(w io.Writer, m Member, c CardCheck, verifyURL string) error {
	font, err := s.font.Font()
	if err != nil {
		return err
	}
	d, err := pdfdoc.New(font, pdfdoc.Card, m.OrgName+" 会员证", time.Unix(0, 0).UTC())
	if err != nil {
		return err
	}
	d.Fill(0, 0, 85.6, 11, 22, 78, 140)
	d.Color(255, 255, 255)
	d.Box(4, 2.5, 78, 6, m.OrgName+" 会员证", 10, "L", false)
	d.Color(0, 0, 0)
	until := c.Until
	if until == "" {
		until = "终身"
	}
	lines := []string{m.Name, "会员号：" + m.Number, "会员类别：" + c.Tier, "有效期至：" + until}
	for i, l := range lines {
		d.Box(4, 15+float64(i)*7, 50, 6, l, 8, "L", false)
	}
	if err := d.QR(verifyURL, 57, 15, 25); err != nil {
		return err
	}
	d.Box(55, 41, 29, 4, "扫码验证", 5, "C", false)
	return d.Write(w)
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
