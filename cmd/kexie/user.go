package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
)

// cmdUser manages accounts from scripts:
//
//	kexie user create NAME [--display N] [--email E] [--org CODE --role ROLE] (password on stdin)
//	kexie user passwd NAME (password on stdin; the user must change it at next sign-in)
//	kexie user grant NAME --org CODE --role ROLE
//	kexie user reset-2fa NAME|EMAIL (the user enrols a new authenticator at next sign-in)
func cmdUser(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usageError("want: user create | passwd | grant | reset-2fa NAME …")
	}
	sub, args := args[0], args[1:]
	fs := e.flags("user " + sub)
	display := fs.String("display", "", "display name (create)")
	email := fs.String("email", "", "email (create)")
	orgCode := fs.String("org", "", "org code (create, grant)")
	role := fs.String("role", "", "role: sysadmin, org_admin, org_staff, reviewer, member")
	password := fs.String("password", "", "password (prefer stdin: it stays out of the process list)")
	// Flags may stand before or after the user name.
	name, err := oneArg(fs, args, "user name missing")
	if err != nil {
		return err
	}
	a, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	ctx = audit.WithMeta(ctx, audit.Meta{ActorName: "cli:user " + sub})
	readPassword := func() (string, error) {
		if *password != "" {
			return *password, nil
		}
		line, err := bufio.NewReader(e.stdin).ReadString('\n')
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return "", fmt.Errorf("password expected on standard input: %v", err)
		}
		return line, nil
	}
	// The org and role are checked before anything is written, so a
	// mistyped --org never leaves a user without the role asked for.
	var grantOrg int64
	if *orgCode != "" || *role != "" {
		if *orgCode == "" || *role == "" {
			return usageError("--org and --role go together")
		}
		if !access.Role(*role).Valid() {
			return usageError("unknown role " + *role)
		}
		o, err := targetOrg(ctx, a, *orgCode)
		if err != nil {
			return err
		}
		grantOrg = o.ID
	}
	grant := func(userID int64) error {
		if grantOrg == 0 {
			return nil
		}
		return a.Auth.Grant(ctx, userID, grantOrg, access.Role(*role), 0)
	}
	switch sub {
	case "create":
		pw, err := readPassword()
		if err != nil {
			return err
		}
		u, err := a.Auth.CreateUser(ctx, auth.UserInput{Username: name, DisplayName: firstNonEmpty(*display, name), Email: *email, Password: pw})
		if err != nil {
			return explain(err)
		}
		if err := grant(u.ID); err != nil {
			return explain(err)
		}
		fmt.Fprintf(e.stdout, "created user %s (id %d)\n", u.Username, u.ID)
	case "passwd":
		u, err := a.Auth.UserByName(ctx, name)
		if err != nil {
			return err
		}
		pw, err := readPassword()
		if err != nil {
			return err
		}
		if err := a.Auth.SetPassword(ctx, u.ID, pw); err != nil {
			return explain(err)
		}
		fmt.Fprintf(e.stdout, "password of %s changed; %s must choose a new one at the next sign-in\n", u.Username, u.Username)
	case "grant":
		u, err := a.Auth.UserByName(ctx, name)
		if err != nil {
			return err
		}
		if *orgCode == "" || *role == "" {
			return usageError("grant needs --org and --role")
		}
		if err := grant(u.ID); err != nil {
			return explain(err)
		}
		fmt.Fprintf(e.stdout, "granted %s on %s to %s\n", *role, *orgCode, u.Username)
	case "reset-2fa":
		var u auth.User
		if strings.Contains(name, "@") { // usernames never hold "@"
			u, err = a.Auth.UserByEmail(ctx, name)
		} else {
			u, err = a.Auth.UserByName(ctx, name)
		}
		if err != nil {
			return err
		}
		if err := a.Auth.ResetTOTP(ctx, u.ID); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "two-factor authentication of %s reset: sessions ended, enrolment required at next sign-in\n", u.Username)
	default:
		return usageError("unknown user command " + sub)
	}
	return nil
}
