package volunteer

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/pdfdoc"
	"kexie/internal/shortcode"
)

// Certificate is an issued certificate of service (志愿服务证明).
type Certificate struct {
	Code        string
	VolunteerID int64
	Name        string
	OrgName     string
	Minutes     int64
	Stars       int
	IssuedAt    time.Time
}

// A code is 8 random characters and a 4-character tag (an HMAC of them
// under the ledger key), grouped XXXX-XXXX-XXXX. A made-up code fails the
// tag before the database is asked; a real one must also be on record.
func (s *Store) tag(body string) string {
	m := hmac.New(sha256.New, s.ledger)
	m.Write([]byte("kexie-vcert;" + body))
	sum := m.Sum(nil)
	var b strings.Builder
	for i := 0; i < 4; i++ {
		b.WriteByte(shortcode.Alphabet[int(sum[i])%len(shortcode.Alphabet)])
	}
	return b.String()
}

func (s *Store) newCode() string {
	body := shortcode.New(8)
	return shortcode.Grouped(body+s.tag(body), 4)
}

// NormalizeCode upper-cases a typed code and restores its dashes; it
// returns "" for anything that is not 12 characters of the alphabet.
func NormalizeCode(code string) string {
	c := strings.ToUpper(strings.NewReplacer("-", "", " ", "").Replace(strings.TrimSpace(code)))
	if len(c) != 12 {
		return ""
	}
	for _, r := range c {
		if !strings.ContainsRune(shortcode.Alphabet, r) {
			return ""
		}
	}
	return c[:4] + "-" + c[4:8] + "-" + c[8:]
}

// IssueCertificate records a certificate of a volunteer's service as of
// now (hours and stars held) and returns it.
func (s *Store) IssueCertificate(ctx context.Context, volunteerID, by int64) (Certificate, error) {
	var c Certificate
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		v, err := s.getVolunteer(ctx, tx, "v.id = ?", volunteerID)
		if err != nil {
			return err
		}
		stars, err := s.Stars(ctx, volunteerID)
		if err != nil {
			return err
		}
		c = Certificate{Code: s.newCode(), VolunteerID: v.ID, Name: v.Name, OrgName: v.OrgName, Minutes: v.Minutes, Stars: StarCount(stars, tx.Now), IssuedAt: tx.Now.Truncate(time.Millisecond)}
		if _, err := tx.Exec(ctx, `INSERT INTO volunteer_certificates (code, volunteer_id, minutes, stars, issued_by, issued_at) VALUES (?, ?, ?, ?, ?, ?)`,
			c.Code, v.ID, c.Minutes, c.Stars, by, db.Millis(c.IssuedAt)); err != nil {
			return fmt.Errorf("volunteer: issue certificate: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "volunteer.certificate_issue",
			Target: fmt.Sprintf("volunteer:%d", v.ID), After: map[string]any{"code": c.Code, "minutes": c.Minutes, "stars": c.Stars}})
	})
	return c, err
}

// ErrForged is returned for a code whose tag does not match: never issued
// here.
var ErrForged = errors.New("volunteer: certificate code is not genuine")

// VerifyCertificate returns the certificate a code names: ErrForged for a
// code that fails its tag, ErrNotFound for one that passes but is not on
// record.
func (s *Store) VerifyCertificate(ctx context.Context, code string) (Certificate, error) {
	n := NormalizeCode(code)
	if n == "" {
		return Certificate{}, ErrForged
	}
	body := strings.ReplaceAll(n, "-", "")
	if !hmac.Equal([]byte(s.tag(body[:8])), []byte(body[8:])) {
		return Certificate{}, ErrForged
	}
	var c Certificate
	var issued int64
	err := s.db.QueryRow(ctx, `SELECT c.code, c.volunteer_id, v.name, o.name, c.minutes, c.stars, c.issued_at FROM volunteer_certificates c
		JOIN volunteers v ON v.id = c.volunteer_id JOIN orgs o ON o.id = v.org_id WHERE c.code = ?`, n).
		Scan(&c.Code, &c.VolunteerID, &c.Name, &c.OrgName, &c.Minutes, &c.Stars, &issued)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("volunteer: certificate %s: %w", n, ErrNotFound)
	}
	c.IssuedAt = db.Time(issued)
	return c, err
}

// CertificatePDF renders a certificate as an A4 landscape PDF whose QR code
// opens verifyURL (the public verification page of its code).
func (s *Store) CertificatePDF(c Certificate, verifyURL string) ([]byte, error) {
	font, err := s.pdfFont()
	if err != nil {
		return nil, err
	}
	d, err := pdfdoc.New(font, pdfdoc.A4Landscape, "科普志愿服务证明 "+c.Code, c.IssuedAt)
	if err != nil {
		return nil, err
	}
	d.Frame(10)
	d.Space(18)
	d.Heading("科普志愿服务证明", 30)
	d.Space(6)
	stars := ""
	if c.Stars > 0 {
		stars = "，获评" + []string{"一", "二", "三", "四", "五"}[min(c.Stars, 5)-1] + "星级科普志愿者"
	}
	d.Text(fmt.Sprintf("兹证明 %s 同志为%s注册科普志愿者，截至%s累计参加科普志愿服务 %s 小时%s。",
		c.Name, c.OrgName, c.IssuedAt.In(beijing).Format("2006年1月2日"), FormatHours(c.Minutes), stars), 15, "L")
	d.Space(6)
	d.Text("特此证明。", 15, "L")
	d.Space(20)
	d.Text(c.OrgName, 14, "R")
	d.Text(c.IssuedAt.In(beijing).Format("2006年1月2日"), 14, "R")
	if err := d.QR(verifyURL, 25, 150, 32); err != nil {
		return nil, err
	}
	d.MoveTo(60, 165)
	d.Text("验证码："+c.Code, 11, "L")
	d.MoveTo(60, 172)
	d.Text("扫码或访问 "+verifyURL+" 核验本证明", 9, "L")
	return d.Bytes()
}

// FormatHours writes minutes as hours with at most one decimal: "12.5".
func FormatHours(minutes int64) string {
	h := float64(minutes) / 60
	s := fmt.Sprintf("%.1f", h)
	return strings.TrimSuffix(s, ".0")
}
