package notify

import (
	"context"
	"sync"
	"time"
)

// outbox holds the sender and rate limit of each channel.
type outbox struct {
	mu      sync.Mutex
	senders map[string]Sender
	limits  map[string]*limiter
}

func newOutbox() *outbox {
	return &outbox{senders: map[string]Sender{}, limits: map[string]*limiter{}}
}

// UseSender sets the sender of a channel and its rate limit in messages per
// second (0: none). A channel without a sender keeps its deliveries pending.
func (s *Store) UseSender(channel string, snd Sender, perSecond float64) {
	s.out.mu.Lock()
	defer s.out.mu.Unlock()
	s.out.senders[channel] = snd
	if perSecond > 0 {
		s.out.limits[channel] = &limiter{every: time.Duration(float64(time.Second) / perSecond)}
	} else {
		delete(s.out.limits, channel)
	}
}

func (o *outbox) sender(channel string) (Sender, *limiter) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.senders[channel], o.limits[channel]
}

// limiter spaces sends of one channel on this node at least every apart.
type limiter struct {
	mu    sync.Mutex
	every time.Duration
	next  time.Time
}

func (l *limiter) wait(ctx context.Context) error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	now := time.Now()
	at := l.next
	if at.Before(now) {
		at = now
	}
	l.next = at.Add(l.every)
	l.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}
