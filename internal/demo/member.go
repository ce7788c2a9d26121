package demo

import (
	"context"
	crand "crypto/rand"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/event"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/society"
	"kexie/internal/std"
	"kexie/internal/survey"
	"kexie/internal/volunteer"
)

// MemberName is the demo member's sign-in name.
const MemberName = "member"

// MemberStores are what the demo member is made through; a nil store
// leaves out its part (no profile without People, and so on).
type MemberStores struct {
	Auth       *auth.Service
	Orgs       *org.Store
	People     *people.Store
	Societies  *society.Store
	Volunteers *volunteer.Store
	Events     *event.Store
	Surveys    *survey.Store
}

// MemberResult is the demo member's account and what it holds.
type MemberResult struct {
	Username string
	Password string // "" when the account was there already
	UserID   int64
	Person   int64  // the profile in 人才库
	Card     string // the society membership's card code
	Tickets  int    // event tickets, one of them checked in
	Hours    int    // ledger entries of volunteer service
	Pending  int64  // the correction of their hours waiting for staff
	Survey   int64  // the response to the status survey
}

// Member adds the demo's member, 林晓雯, a sci-tech worker of the
// province's first city who signs in as MemberName: her profile in 人才库
// (with consent), membership of the province's 农学会 with a card, a
// volunteer of the city's 讲解 team with service hours and one correction
// filed by the city's staff member (StaffName) and waiting for a second
// person, three event tickets taken
// while signed in (one checked in, one ended unattended, one coming) and
// her answers to the sci-tech worker status survey. It runs after Generate
// (it finds the city, society, team, events and survey Generate made) and
// once: when the account exists it changes nothing and returns it without a
// password. The password is random and shown once, like the administrator's.
func Member(ctx context.Context, ms MemberStores, province string, seed uint64) (MemberResult, error) {
	res := MemberResult{Username: MemberName}
	if u, err := ms.Auth.UserByName(ctx, MemberName); err == nil {
		res.UserID = u.ID
		return res, nil
	} else if !errors.Is(err, db.ErrNotFound) {
		return res, err
	}
	regions := std.Regions()
	prov, ok := regions.Lookup(province)
	if !ok || prov.Level != 1 {
		return res, fmt.Errorf("demo: %s is not a province code", province)
	}
	var city org.Org
	for _, c := range regions.Children(prov.Code) {
		if c.StatOnly {
			continue
		}
		var err error
		if city, err = ms.Orgs.GetByCode(ctx, "KX"+c.Code); err != nil {
			return res, fmt.Errorf("demo: the member's city (run Generate first): %w", err)
		}
		break
	}
	if city.ID == 0 {
		return res, fmt.Errorf("demo: %s has no city", province)
	}
	place := strings.TrimSuffix(city.Name, "科学技术协会")
	rng := rand.New(rand.NewPCG(seed+7, seed^0x6a09e667f3bcc908))
	res.Password = memberPassword()
	u, err := ms.Auth.CreateUser(ctx, auth.UserInput{Username: MemberName, DisplayName: "林晓雯", Email: "member@example.org", Password: res.Password})
	if err != nil {
		return res, fmt.Errorf("demo: member account: %w", err)
	}
	res.UserID = u.ID
	idNumber := func(seq int) string {
		first := fmt.Sprintf("%s19880315%03d", city.RegionCode, seq)
		return first + string(std.CitizenIDCheckDigit(first))
	}
	if ms.People != nil {
		p, err := ms.People.CreateOwn(ctx, u.ID, people.Input{OrgID: city.ID, Name: "林晓雯", IDNumber: idNumber(902), Phone: "13981234567",
			Employer: place + "农业科学研究院", TitleLevel: "vice_senior", Title: "高级农艺师", Education: "研究生", Degree: "硕士",
			Expertise: "智慧农业、茶叶加工", RegionCode: city.RegionCode, Categories: "科学传播专家"}, true)
		if err != nil {
			return res, fmt.Errorf("demo: member profile: %w", err)
		}
		res.Person = p.ID
	}
	if ms.Societies != nil {
		if res.Card, err = memberSociety(ctx, ms.Societies, prov.Name, u.ID, res.Person); err != nil {
			return res, err
		}
	}
	if ms.Volunteers != nil {
		staff, err := cityStaff(ctx, ms.Auth, city)
		if err != nil {
			return res, err
		}
		if res.Hours, res.Pending, err = memberVolunteer(ctx, ms.Volunteers, city, u.ID, idNumber(903), staff, rng); err != nil {
			return res, err
		}
	}
	if ms.Events != nil {
		if res.Tickets, err = memberTickets(ctx, ms.Events, place, u.ID); err != nil {
			return res, err
		}
	}
	if ms.Surveys != nil {
		if res.Survey, err = memberSurvey(ctx, ms.Surveys, city.ID, u.ID, rng); err != nil {
			return res, err
		}
	}
	return res, nil
}

// StaffName is the sign-in name of the city's staff member who files the
// member's hour correction; the password is random and never shown (an
// administrator may reset it).
const StaffName = "volstaff"

// cityStaff is the account of the city 科协's staff member who looks after
// its volunteers (王建国, 工作人员 of city), made once.
func cityStaff(ctx context.Context, a *auth.Service, city org.Org) (int64, error) {
	if u, err := a.UserByName(ctx, StaffName); err == nil {
		return u.ID, nil
	} else if !errors.Is(err, db.ErrNotFound) {
		return 0, err
	}
	u, err := a.CreateUser(ctx, auth.UserInput{Username: StaffName, DisplayName: "王建国", Password: memberPassword()})
	if err != nil {
		return 0, fmt.Errorf("demo: the city's staff account: %w", err)
	}
	if err := a.Grant(ctx, u.ID, city.ID, access.OrgStaff, 0); err != nil {
		return 0, fmt.Errorf("demo: the city's staff grant: %w", err)
	}
	return u.ID, nil
}

// memberPassword is a random password of the policy's classes that reads
// out easily (Kx4821-mqtp).
func memberPassword() string {
	const digits, letters = "23456789", "abcdefghijkmnpqrstuvwxyz"
	b := make([]byte, 8)
	_, _ = crand.Read(b)
	out := []byte("Kx")
	for _, c := range b[:4] {
		out = append(out, digits[int(c)%len(digits)])
	}
	out = append(out, '-')
	for _, c := range b[4:] {
		out = append(out, letters[int(c)%len(letters)])
	}
	return string(out)
}

// memberSociety makes the account a member of the province's 农学会 (the
// first society when there is none by that name), approved by the
// society's staff, and returns the card's code.
func memberSociety(ctx context.Context, s *society.Store, province string, userID, personID int64) (string, error) {
	socs, err := s.Societies(ctx, access.Everywhere())
	if err != nil || len(socs) == 0 {
		return "", err
	}
	soc := socs[0]
	for _, x := range socs {
		if x.Name == province+"农学会" {
			soc = x
		}
	}
	tiers, err := s.Tiers(ctx, soc.ID)
	if err != nil || len(tiers) == 0 {
		return "", fmt.Errorf("demo: tiers of %s: %v", soc.Name, err)
	}
	tier := tiers[0]
	for _, t := range tiers {
		if t.Code == "regular" { // 普通会员
			tier = t
		}
	}
	m, err := s.Apply(ctx, society.Application{OrgID: soc.ID, TierID: tier.ID, Name: "林晓雯", UserID: userID, PersonID: personID})
	if err != nil {
		return "", fmt.Errorf("demo: member applies to %s: %w", soc.Name, err)
	}
	ctx = audit.WithMeta(ctx, audit.Meta{ActorName: "demo:society-staff"})
	if m, err = s.Approve(ctx, m.ID, s.DB().NewID(), "", time.Now().AddDate(0, -3, 0)); err != nil {
		return "", fmt.Errorf("demo: approve the member: %w", err)
	}
	return m.CardCode, nil
}
