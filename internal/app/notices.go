package app

import (
	"context"
	"log/slog"
	"strings"

	"kexie/internal/review"
)

// noticeSender hands review's outbox to the sender the app holds when the
// job runs: App.Notices, a review.LogSender writing to the log until a real
// sender (email, SMS) is set while wiring.
type noticeSender struct{ a *App }

func (n noticeSender) Send(ctx context.Context, m review.Message) error {
	return n.a.Notices.Send(ctx, m)
}

// logLines writes each line given to it as an Info record of log.
type logLines struct{ log *slog.Logger }

func (l logLines) Write(p []byte) (int, error) {
	l.log.Info("notice", "line", strings.TrimSpace(string(p)))
	return len(p), nil
}
