package notify

import (
	"log/slog"
	"strconv"
)

// SenderConfig names the real senders of a deployment; a channel whose
// fields are empty stays off (the subscribe page then refuses its
// addresses). It is read from the environment (SenderConfigFromEnv).
type SenderConfig struct {
	SMTPAddr, SMTPFrom, SMTPUser, SMTPPassword string  // KEXIE_SMTP_ADDR (host:port), _FROM, _USER, _PASSWORD
	SMSWebhook, SMSToken                       string  // KEXIE_SMS_WEBHOOK: the SMS gateway's relay URL; KEXIE_SMS_TOKEN
	WeChatWebhook, WeChatToken                 string  // KEXIE_WECHAT_WEBHOOK: a template-message relay; KEXIE_WECHAT_TOKEN
	Rate                                       float64 // KEXIE_PUSH_RATE: sends per second per channel on each node (default 50)
	// Log turns on the logging sender for SMS and email where no real one
	// is configured (KEXIE_PUSH_LOG=1: development and the demo). It logs
	// addresses masked.
	Log bool
}

// SenderConfigFromEnv reads the senders' settings.
func SenderConfigFromEnv(getenv func(string) string) SenderConfig {
	c := SenderConfig{SMTPAddr: getenv("KEXIE_SMTP_ADDR"), SMTPFrom: getenv("KEXIE_SMTP_FROM"), SMTPUser: getenv("KEXIE_SMTP_USER"),
		SMTPPassword: getenv("KEXIE_SMTP_PASSWORD"), SMSWebhook: getenv("KEXIE_SMS_WEBHOOK"), SMSToken: getenv("KEXIE_SMS_TOKEN"),
		WeChatWebhook: getenv("KEXIE_WECHAT_WEBHOOK"), WeChatToken: getenv("KEXIE_WECHAT_TOKEN"), Rate: 50,
		Log: getenv("KEXIE_PUSH_LOG") == "1"}
	if r, err := strconv.ParseFloat(getenv("KEXIE_PUSH_RATE"), 64); err == nil && r > 0 {
		c.Rate = r
	}
	return c
}

// Configure sets the senders c names; it returns the logging sender when
// c.Log put one in place (the demo reads codes from it), else nil.
func (s *Store) Configure(c SenderConfig, log *slog.Logger) *LogSender {
	var logs *LogSender
	if c.Log {
		logs = &LogSender{Log: log, Keep: 1000}
		s.UseSender(SMS, logs, 0)
		s.UseSender(Email, logs, 0)
	}
	if c.SMTPAddr != "" && c.SMTPFrom != "" {
		s.UseSender(Email, SMTPSender{Addr: c.SMTPAddr, From: c.SMTPFrom, Username: c.SMTPUser, Password: c.SMTPPassword}, c.Rate)
	}
	if c.SMSWebhook != "" {
		s.UseSender(SMS, WebhookSender{URL: c.SMSWebhook, Token: c.SMSToken}, c.Rate)
	}
	if c.WeChatWebhook != "" {
		s.UseSender(WeChat, WebhookSender{URL: c.WeChatWebhook, Token: c.WeChatToken}, c.Rate)
	}
	return logs
}
