package conference

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/money"
	"kexie/internal/valid"
)

// Input is a conference plan as typed: numbers and dates are text as the
// form sends them, so bad input comes back with its field.
type Input struct {
	OrgID         int64
	Title         string
	Kind          string
	CoOrganisers  string // one a line (or separated by 、，,)
	StartsOn      string // YYYY-MM-DD
	EndsOn        string
	City          string
	Venue         string
	Expected      string
	Capacity      string
	International bool
	Countries     string
	Budget        string // 万元, optional
	Topics        string
}

// checked is an Input's values once read.
type checked struct {
	coOrgs             []string
	expected, capacity int
	countries          int
	budget             int64
	year               int
}

// ParseWan reads an amount in 万元 with at most two decimals ("12", "12.5")
// into hundredths; ok is false for anything else, a negative number or
// more than MaxBudget.
func ParseWan(s string) (int64, bool) { return money.Parse(s, "万元", MaxBudget) }

// FormatWan writes hundredths of 万元 as a number ("12.5").
func FormatWan(n int64) string { return money.Format(n) }

// SplitList splits a typed list on new lines and 、，,; and drops blanks.
func SplitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '\n' || r == '\r' || r == '、' || r == '，' || r == ',' || r == ';' || r == '；'
	})
	var out []string
	for _, x := range f {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func runes(errs *valid.Errors, field, v string, lo, hi int, short string) {
	switch n := utf8.RuneCountInString(v); {
	case n < lo:
		errs.Add(field, short, lo)
	case n > hi:
		errs.Add(field, "conference.err.too_long", hi)
	}
}

// count reads a whole number in [lo, hi]; an empty optional one is 0.
func count(errs *valid.Errors, field, v string, lo, hi int, required bool) int {
	v = strings.TrimSpace(v)
	if v == "" && !required {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		errs.Add(field, "conference.err.number", lo, hi)
		return 0
	}
	return n
}

func (s *Store) check(in *Input) (checked, error) {
	var c checked
	for _, p := range []*string{&in.Title, &in.Kind, &in.StartsOn, &in.EndsOn, &in.City, &in.Venue, &in.Expected, &in.Capacity, &in.Countries, &in.Budget, &in.Topics} {
		*p = strings.TrimSpace(*p)
	}
	var errs valid.Errors
	runes(&errs, "title", in.Title, MinTitle, MaxTitle, "conference.err.title_short")
	if !knownKind(in.Kind) {
		errs.Add("kind", "conference.err.kind")
	}
	c.coOrgs = SplitList(in.CoOrganisers)
	if len(c.coOrgs) > MaxCoOrgs {
		errs.Add("co_organisers", "conference.err.co_count", MaxCoOrgs)
	}
	for _, x := range c.coOrgs {
		if utf8.RuneCountInString(x) > MaxCoOrg {
			errs.Add("co_organisers", "conference.err.co_long", MaxCoOrg)
			break
		}
	}
	in.CoOrganisers = strings.Join(c.coOrgs, "\n")
	start, err1 := time.ParseInLocation("2006-01-02", in.StartsOn, zone)
	end, err2 := time.ParseInLocation("2006-01-02", in.EndsOn, zone)
	now := s.db.Now()
	switch {
	case err1 != nil:
		errs.Add("starts_on", "conference.err.date")
	case start.Year() < now.In(zone).Year()-1 || start.After(now.AddDate(5, 0, 0)):
		errs.Add("starts_on", "conference.err.date_range")
	}
	switch {
	case err2 != nil:
		errs.Add("ends_on", "conference.err.date")
	case err1 == nil && end.Before(start):
		errs.Add("ends_on", "conference.err.date_order")
	case err1 == nil && end.Sub(start) > (MaxDays-1)*24*time.Hour:
		errs.Add("ends_on", "conference.err.too_many_days", MaxDays)
	}
	if err1 == nil {
		c.year = start.Year()
	}
	runes(&errs, "city", in.City, 2, MaxCity, "conference.err.city")
	runes(&errs, "venue", in.Venue, 0, MaxVenue, "conference.err.venue")
	c.expected = count(&errs, "expected", in.Expected, 1, MaxPeople, true)
	c.capacity = count(&errs, "capacity", in.Capacity, 1, MaxPeople, true)
	if in.International {
		c.countries = count(&errs, "countries", in.Countries, 2, MaxCountries, true)
	} else if in.Countries != "" && in.Countries != "0" {
		errs.Add("countries", "conference.err.countries_domestic")
	}
	c.budget = -1
	if in.Budget != "" {
		var ok bool
		if c.budget, ok = ParseWan(in.Budget); !ok {
			errs.Add("budget", "conference.err.budget", FormatWan(MaxBudget))
		}
	}
	runes(&errs, "topics", in.Topics, 0, MaxTopics, "conference.err.topics")
	if in.OrgID == 0 {
		errs.Add("org_id", "conference.err.org")
	}
	return c, errs.Err()
}

// orgIn returns the path of org id when scope holds it.
func orgIn(ctx context.Context, q db.Q, id int64, scope access.Scope) (string, error) {
	var path string
	err := q.QueryRow(ctx, `SELECT path FROM orgs WHERE id = ? AND disabled_at = 0`, id).Scan(&path)
	if err != nil || !scope.Contains(path) {
		return "", valid.New("org_id", "conference.err.org")
	}
	return path, nil
}

// Create records a new plan, 草稿, at an org of scope (the filer's
// conference.file scope).
func (s *Store) Create(ctx context.Context, in Input, scope access.Scope, by Actor) (int64, error) {
	c, err := s.check(&in)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		path, err := orgIn(ctx, tx, in.OrgID, scope)
		if err != nil {
			return err
		}
		id = tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO conference_confs (id, org_id, title, kind, co_organisers, starts_on, ends_on, year, city, venue,
			expected, capacity, international, countries, budget, topics, status, filer_user, filer_name, filed_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
			id, in.OrgID, in.Title, in.Kind, in.CoOrganisers, in.StartsOn, in.EndsOn, c.year, in.City, in.Venue,
			c.expected, c.capacity, b2i(in.International), c.countries, c.budget, in.Topics, by.UserID, by.Name, now, now); err != nil {
			return fmt.Errorf("conference: create: %w", err)
		}
		if err := addEvent(ctx, tx, id, by, "file", "", ""); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: in.OrgID, OrgPath: path, Action: "conference.file", Target: target(id),
			After: map[string]any{"title": in.Title, "starts_on": in.StartsOn}})
	})
	return id, err
}

// Update changes a plan still in the filer's hands (草稿 or 退回); its org
// may move within scope.
func (s *Store) Update(ctx context.Context, id int64, in Input, scope access.Scope, by Actor) error {
	c, err := s.check(&in)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockConf(ctx, tx, id); err != nil { // not changed while it is filed
			return err
		}
		old, err := getConf(ctx, tx, id)
		if err != nil {
			return err
		}
		if !old.Status.Editable() {
			return valid.New("", "conference.err.status")
		}
		path, err := orgIn(ctx, tx, in.OrgID, scope)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE conference_confs SET org_id = ?, title = ?, kind = ?, co_organisers = ?, starts_on = ?, ends_on = ?,
			year = ?, city = ?, venue = ?, expected = ?, capacity = ?, international = ?, countries = ?, budget = ?, topics = ?, updated_at = ?
			WHERE id = ?`, in.OrgID, in.Title, in.Kind, in.CoOrganisers, in.StartsOn, in.EndsOn, c.year, in.City, in.Venue, c.expected,
			c.capacity, b2i(in.International), c.countries, c.budget, in.Topics, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("conference: update %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, by, "edit", "", ""); err != nil {
			return err
		}
		before, after := changed(planFields(old), planFields(Conference{OrgID: in.OrgID, Title: in.Title, Kind: in.Kind,
			CoOrganisers: c.coOrgs, StartsOn: in.StartsOn, EndsOn: in.EndsOn, City: in.City, Venue: in.Venue, Expected: c.expected,
			Capacity: c.capacity, International: in.International, Countries: c.countries, Budget: c.budget, Topics: in.Topics}))
		return audit.Append(ctx, tx, audit.Entry{OrgID: in.OrgID, OrgPath: path, Action: "conference.edit", Target: target(id),
			Before: before, After: after})
	})
}

// planFields are a plan's values as its edits' audit entries record them:
// every field the form changes, so a plan returned and edited keeps what
// the org above was first sent.
func planFields(c Conference) map[string]any {
	return map[string]any{"org_id": c.OrgID, "title": c.Title, "kind": c.Kind, "co_organisers": strings.Join(c.CoOrganisers, "、"),
		"starts_on": c.StartsOn, "ends_on": c.EndsOn, "city": c.City, "venue": c.Venue, "expected": c.Expected, "capacity": c.Capacity,
		"international": c.International, "countries": c.Countries, "budget": c.BudgetText(), "topics": short(c.Topics, 80)}
}

// changed keeps the fields whose value differs (the title when none does,
// so the entry names the plan).
func changed(old, now map[string]any) (before, after map[string]any) {
	before, after = map[string]any{}, map[string]any{}
	for k, v := range now {
		if old[k] != v {
			before[k], after[k] = old[k], v
		}
	}
	if len(after) == 0 {
		before["title"], after["title"] = old["title"], now["title"]
	}
	return before, after
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// addEvent appends one step to a conference's timeline.
func addEvent(ctx context.Context, tx *db.Tx, confID int64, by Actor, action, note, detail string) error {
	if _, err := tx.Exec(ctx, `INSERT INTO conference_events (id, conf_id, at, actor_user, actor_name, action, note, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, tx.NewID(), confID, db.Millis(tx.Now), by.UserID, by.Name, action, note, detail); err != nil {
		return fmt.Errorf("conference: event %s of %d: %w", action, confID, err)
	}
	return nil
}
