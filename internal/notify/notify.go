// Package notify is 精准推送: members of the public open an account with a
// phone number or an email address, verified by a one-time code; they
// follow audiences (青少年, 农民 …), a region and topics; a message is
// announced once under a key (e.g. "kepu:123"), fanned out to the matching
// accounts as one delivery row each, and sent through a Sender per channel
// (SMS, WeChat template message, email) by background jobs with retries,
// per-channel rate limits and one-click unsubscribe links. Signed-in
// accounts read their messages in an in-app inbox; deliveries and opens are
// counted per message and published as measure sources.
//
// It must never store an address or a code in clear (addresses are sealed
// with the platform's pii keyring and shown masked; codes are kept as keyed
// hashes), never send one message twice to one account (the delivery row is
// unique and marked before the next is sent), and never read another
// module's tables but the org tree.
package notify

import (
	"embed"
	"io/fs"
	"strings"
	"time"

	"kexie/internal/db"
	"kexie/internal/pii"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the module's tables.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "notify", FS: sub}
}

// Channels an account is reached by.
const (
	SMS    = "sms"
	Email  = "email"
	WeChat = "wechat"
)

// Audiences are the 重点人群 one may follow (the 科普 module's codes).
var Audiences = []string{"youth", "farmers", "workers", "elderly", "officials", "public"}

// Topics one may follow.
var Topics = []string{"health", "emergency", "agriculture", "environment", "technology", "rumour"}

// Message is what a module (or staff) announces.
type Message struct {
	ID         int64
	Key        string // unique: announcing the same key again does nothing
	OrgID      int64  // the org that sends it: it reaches accounts of its subtree
	OrgPath    string
	OrgName    string
	Title      string
	Link       string // path or URL of what it announces
	Summary    string
	Audiences  []string // none: everyone
	Topics     []string // none: every topic
	RegionCode string   // GB/T 2260: reaches those living in its subtree; "" everywhere
	Lang       string
	State      string
	Recipients int64
	Sent       int64 // deliveries sent
	Failed     int64
	Opened     int64
	CreatedBy  int64
	CreatedAt  time.Time
	SentAt     time.Time
}

// Account is a verified public subscriber, as staff and the account see it.
type Account struct {
	ID         int64
	OrgID      int64
	Channel    string
	Masked     string
	RegionCode string
	Status     string
	Audiences  []string
	Topics     []string
	VerifiedAt time.Time
	CreatedAt  time.Time
}

// Store reads and writes the module's tables. Its exported methods are
// transaction boundaries; every change appends an audit record in the same
// transaction.
type Store struct {
	db   *db.DB
	keys *pii.Keyring
	key  []byte // signs unsubscribe and open tokens and keys code hashes
	out  *outbox
	// Base is the public URL links in messages start with ("" keeps paths).
	Base string
}

// NewStore returns the store on d; key signs tokens and hashes codes.
func NewStore(d *db.DB, keys *pii.Keyring, key []byte) *Store {
	return &Store{db: d, keys: keys, key: key, out: newOutbox()}
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func known(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
