package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"net/smtp"
	"strings"
	"sync"
	"time"
)

// Out is one notification to send to one address.
type Out struct {
	Key         string // idempotency key "<message>:<account>", e.g. for a provider's dedupe or Message-ID
	To          string // the address in clear, opened just before sending
	Title       string
	Body        string
	Link        string
	Unsubscribe string // one-click unsubscribe URL
	Pixel       string // open-tracking image URL (email)
}

// Sender delivers to one channel. An error is retried later by the job.
type Sender interface {
	Send(ctx context.Context, o Out) error
}

// LogSender writes each notification to a log and keeps it in memory, for
// tests and the demo. Fail, when set, is asked before each send and may
// return an error to simulate a provider's failure.
type LogSender struct {
	Log  *slog.Logger
	Fail func(o Out) error
	// Keep bounds how many notifications are kept (0: all); the bench keeps none.
	Keep int
	// Discard keeps nothing (the bench counts only).
	Discard bool

	mu   sync.Mutex
	sent []Out
	n    int64
}

// Send logs o and keeps it.
func (s *LogSender) Send(_ context.Context, o Out) error {
	if s.Fail != nil {
		if err := s.Fail(o); err != nil {
			return err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	if !s.Discard {
		s.sent = append(s.sent, o)
		if s.Keep > 0 && len(s.sent) > s.Keep {
			s.sent = s.sent[len(s.sent)-s.Keep:]
		}
	}
	if s.Log != nil {
		s.Log.Info("notify: sent", "key", o.Key, "to", maskAny(o.To), "title", o.Title)
	}
	return nil
}

// Sent returns what was sent, oldest first.
func (s *LogSender) Sent() []Out {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Out(nil), s.sent...)
}

// Count is how many notifications were sent.
func (s *LogSender) Count() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

// Last returns the last notification sent to addr.
func (s *LogSender) Last(addr string) (Out, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.sent) - 1; i >= 0; i-- {
		if s.sent[i].To == addr {
			return s.sent[i], true
		}
	}
	return Out{}, false
}

// SMTPSender sends email through an SMTP server (STARTTLS when offered).
type SMTPSender struct {
	Addr     string // host:port
	From     string
	Username string
	Password string
}

// Send writes one plain-text message with List-Unsubscribe headers.
func (s SMTPSender) Send(_ context.Context, o Out) error {
	host, _, _ := strings.Cut(s.Addr, ":")
	var auth smtp.Auth
	if s.Username != "" {
		auth = smtp.PlainAuth("", s.Username, s.Password, host)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\n", s.From, o.To, mime.BEncoding.Encode("UTF-8", o.Title))
	fmt.Fprintf(&b, "Message-ID: <%s@kexie>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n", strings.ReplaceAll(o.Key, ":", "."))
	if o.Unsubscribe != "" {
		fmt.Fprintf(&b, "List-Unsubscribe: <%s>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", o.Unsubscribe)
	}
	fmt.Fprintf(&b, "\r\n%s\r\n\r\n%s\r\n\r\n退订 / Unsubscribe: %s\r\n", o.Body, o.Link, o.Unsubscribe)
	return smtp.SendMail(s.Addr, auth, s.From, []string{o.To}, b.Bytes())
}

// WebhookSender posts each notification as JSON to a gateway: an SMS
// provider's or a WeChat template-message relay, which holds the
// provider's credentials and template ID.
type WebhookSender struct {
	URL    string
	Token  string // sent as a bearer token
	Client *http.Client
}

// Send posts o; any answer but 2xx is an error to retry.
func (s WebhookSender) Send(ctx context.Context, o Out) error {
	body, _ := json.Marshal(map[string]string{"key": o.Key, "to": o.To, "title": o.Title, "body": o.Body,
		"link": o.Link, "unsubscribe": o.Unsubscribe})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", o.Key)
	if s.Token != "" {
		req.Header.Set("Authorization", "Bearer "+s.Token)
	}
	c := s.Client
	if c == nil {
		c = &http.Client{Timeout: 15 * time.Second}
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("notify: gateway answered %d", resp.StatusCode)
	}
	return nil
}

// maskAny masks a phone number or an email address for logs.
func maskAny(to string) string {
	if a, err := ParseAddress(to); err == nil {
		return a.Masked()
	}
	return "***"
}
