package auth

import (
	"slices"
	"sync"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

// versionName is the auth counter's name in cache_versions (migration 005).
const versionName = "auth"

// sessionCache holds the sessions this node has loaded, so that a request
// whose session, user, grants and orgs have not changed since pays no query
// of its own: it rides on the request's one read of the change counters
// (db.Versions). An entry is good only at the counters it was read under —
// the auth counter, which triggers move when a session ends or switches,
// a user or a grant changes, and the org counter, since grants carry org
// paths and names. A sign-out, a revocation or a disabled account on any
// node therefore reaches every node's next request.
//
// Time-based checks stay per request: an entry past its expiry, or idle by
// its own last_seen_at (another node may have seen the session since), goes
// back to the database, which decides.
type sessionCache struct {
	mu sync.Mutex
	at stamp
	m  map[string]cachedSession
}

// stamp is the counters an entry was read under.
type stamp struct{ auth, org int64 }

func stampOf(vs db.Versions) stamp {
	return stamp{auth: vs[versionName], org: vs[org.VersionName]}
}

type cachedSession struct {
	sub                 access.Subject
	ident               web.Identity // without Subject
	lastSeen, expiresAt int64
}

// sessionCacheMax bounds the entries a node keeps (about 1 KB each); past
// it the cache starts again empty.
const sessionCacheMax = 50_000

// get returns the entry for the session when it was read at the counters.
func (c *sessionCache) get(id string, at stamp) (cachedSession, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at != at {
		return cachedSession{}, false
	}
	e, ok := c.m[id]
	return e, ok
}

// put keeps an entry read under the counters at, which were read before
// the session was: a change in between leaves at older than the data, and
// the next request's newer counters retire it.
func (c *sessionCache) put(id string, at stamp, e cachedSession) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at != at || c.m == nil || len(c.m) >= sessionCacheMax {
		c.at, c.m = at, map[string]cachedSession{}
	}
	c.m[id] = e
}

// touched records that the session's last_seen_at moved to now.
func (c *sessionCache) touched(id string, at stamp, now int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[id]; ok && c.at == at {
		e.lastSeen = now
		c.m[id] = e
	}
}

// identity returns a request's own copy of the entry's identity: handlers
// may change their copy without touching the cache.
func (e cachedSession) identity(sessionID string) *web.Identity {
	id := e.ident
	sub := e.sub
	sub.Grants = slices.Clone(e.sub.Grants)
	id.Subject, id.SessionID = &sub, sessionID
	return &id
}
