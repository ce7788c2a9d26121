package app

import (
	"context"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/voice"
)

// voiceStaff tells the 建言诉求 module who may handle an org's items: an
// enabled account whose grants carry voice.handle at or above the org, read
// through the accounts service, never its tables.
func (a *App) voiceStaff() voice.Staff {
	return voice.GrantStaff{Policy: a.Policy,
		User: func(ctx context.Context, name string) (voice.Person, error) {
			u, err := a.Auth.UserByName(ctx, name)
			if err != nil {
				return voice.Person{}, err
			}
			if u.Disabled {
				return voice.Person{}, db.ErrNotFound
			}
			n := u.DisplayName
			if n == "" {
				n = u.Username
			}
			return voice.Person{UserID: u.ID, Name: n}, nil
		},
		Grants: func(ctx context.Context, userID int64) ([]access.Grant, error) {
			rows, err := a.Auth.Grants(ctx, userID)
			if err != nil {
				return nil, err
			}
			out := make([]access.Grant, len(rows))
			for i, g := range rows {
				out[i] = access.Grant{OrgID: g.OrgID, OrgPath: g.OrgPath, OrgName: g.OrgName, Role: g.Role}
			}
			return out, nil
		}}
}
