package app

import (
	"context"

	"kexie/internal/conference"
	"kexie/internal/db"
)

// conferenceUsers finds the account a conference's organiser names to its
// programme committee: an enabled one, read through the accounts service,
// never its tables.
func (a *App) conferenceUsers(ctx context.Context, name string) (conference.Person, error) {
	u, err := a.Auth.UserByName(ctx, name)
	if err != nil {
		return conference.Person{}, err
	}
	if u.Disabled {
		return conference.Person{}, db.ErrNotFound
	}
	n := u.DisplayName
	if n == "" {
		n = u.Username
	}
	return conference.Person{UserID: u.ID, Name: n}, nil
}
