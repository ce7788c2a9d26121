package youth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/pii"
	"kexie/internal/sheet"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// Teacher is a 科技辅导员 of the registry: Contact is masked when read.
type Teacher struct {
	ID               int64
	OrgID            int64
	OrgPath, OrgName string
	Name             string
	School           string
	Subject          string
	RegionCode       string
	Contact          string
	UserID           int64
	Hours            int // training hours in tenths
	Recognized       int // the newest year recognised, 0 when never
}

// RegionName is the teacher's region in full.
func (t Teacher) RegionName() string { return std.Regions().FullName(t.RegionCode) }

// HoursText is the training hours as text ("12.5").
func (t Teacher) HoursText() string { return tenths(t.Hours) }

func tenths(n int) string {
	s := strconv.Itoa(n / 10)
	if n%10 != 0 {
		s += "." + strconv.Itoa(n%10)
	}
	return s
}

// TeacherInput is a teacher as registered; Username links their account
// ("" for none).
type TeacherInput struct {
	OrgID      int64
	Name       string
	School     string
	Subject    string
	RegionCode string
	Contact    string
	Username   string
}

// RegisterTeacher adds a teacher to an org's registry. Callers check the
// org is in scope (the handler does).
func (s *Store) RegisterTeacher(ctx context.Context, in TeacherInput, by Actor) (int64, error) {
	for _, p := range []*string{&in.Name, &in.School, &in.Subject, &in.RegionCode, &in.Username} {
		*p = strings.TrimSpace(*p)
	}
	in.Contact = strings.ReplaceAll(strings.TrimSpace(in.Contact), " ", "")
	var errs valid.Errors
	runes(&errs, "name", in.Name, 2, MaxName, "youth.err.name")
	runes(&errs, "school", in.School, 2, MaxSchool, "youth.err.school")
	runes(&errs, "subject", in.Subject, 2, 20, "youth.err.subject")
	if !std.Regions().ValidCode(in.RegionCode) {
		errs.Add("region_code", "youth.err.region")
	}
	switch c, ok := validContact(in.Contact); {
	case in.Contact == "":
		errs.Add("contact", "youth.err.contact_required")
	case len(in.Contact) > MaxContact || !ok:
		errs.Add("contact", "youth.err.contact")
	default:
		in.Contact = c
	}
	var user int64
	if in.Username != "" {
		if s.cfg.Accounts == nil || len(in.Username) > 64 {
			errs.Add("username", "youth.err.username")
		} else if id, err := s.cfg.Accounts.UserID(ctx, in.Username); errors.Is(err, db.ErrNotFound) || id == 0 {
			errs.Add("username", "youth.err.username")
		} else if err != nil {
			return 0, err
		} else {
			user = id
		}
	}
	if in.OrgID == 0 {
		errs.Add("org_id", "youth.err.org")
	}
	if err := errs.Err(); err != nil {
		return 0, err
	}
	if s.cfg.Keys == nil {
		return 0, ErrNoKeys
	}
	sealed, err := s.cfg.Keys.Seal(teacherField, in.Contact)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		var path string
		err := tx.QueryRow(ctx, `SELECT path FROM orgs WHERE id = ? AND disabled_at = 0`, in.OrgID).Scan(&path)
		if errors.Is(err, sql.ErrNoRows) {
			return valid.New("org_id", "youth.err.org")
		}
		if err != nil {
			return fmt.Errorf("youth: register teacher: %w", err)
		}
		if user != 0 {
			// One teacher per account: registrations of one account at
			// once must see each other (integrity review 52).
			if err := tx.LockKey(ctx, fmt.Sprintf("youth.teacher:user:%d", user)); err != nil {
				return err
			}
			var k int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM youth_teachers WHERE user_id = ?`, user).Scan(&k); err != nil {
				return fmt.Errorf("youth: register teacher: %w", err)
			}
			if k > 0 {
				return valid.New("username", "youth.err.username_taken")
			}
		}
		id = tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO youth_teachers (id, org_id, name, school, subject, region_code, contact, user_id, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, in.OrgID, in.Name, in.School, in.Subject, in.RegionCode, sealed, user, now, now); err != nil {
			return fmt.Errorf("youth: register teacher: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: in.OrgID, OrgPath: path, Action: "youth.teacher", Target: teacherTarget(id),
			After: map[string]any{"name": in.Name, "school": in.School, "account": user != 0}})
	})
	return id, err
}

// AddTraining records a training a teacher attended: the date, the title
// and the hours (text, one decimal).
func (s *Store) AddTraining(ctx context.Context, teacherID int64, heldOn, title, hours string, by Actor) error {
	var errs valid.Errors
	d, ok := day(strings.TrimSpace(heldOn))
	if !ok || d.After(s.db.Now()) || d.Before(s.db.Now().AddDate(-10, 0, 0)) {
		errs.Add("held_on", "youth.err.held_on")
	}
	title = strings.TrimSpace(title)
	runes(&errs, "title", title, 4, MaxTitle, "youth.err.title")
	h, err := strconv.ParseFloat(strings.TrimSpace(hours), 64)
	n := int(h*10 + 0.5)
	if err != nil || n < 1 || n > MaxTrainHours {
		errs.Add("hours", "youth.err.hours", tenths(MaxTrainHours))
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// The teacher's row lock, then one training of a title on a day:
		// a second click or a colleague recording the same course would
		// add its hours twice (integrity review 52).
		if err := tx.LockRow(ctx, "youth_teachers", teacherID); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		t, err := getTeacher(ctx, tx, teacherID)
		if err != nil {
			return err
		}
		var k int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM youth_trainings WHERE teacher_id = ? AND held_on = ? AND title = ?`,
			teacherID, db.Millis(d), title).Scan(&k); err != nil {
			return fmt.Errorf("youth: training of %d: %w", teacherID, err)
		}
		if k > 0 {
			return valid.New("title", "youth.err.trained")
		}
		if _, err := tx.Exec(ctx, `INSERT INTO youth_trainings (id, teacher_id, held_on, title, hours, at) VALUES (?, ?, ?, ?, ?, ?)`,
			tx.NewID(), teacherID, db.Millis(d), title, n, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("youth: training of %d: %w", teacherID, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE youth_teachers SET hours = hours + ?, updated_at = ? WHERE id = ?`, n, db.Millis(tx.Now), teacherID); err != nil {
			return fmt.Errorf("youth: training of %d: %w", teacherID, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: t.OrgID, OrgPath: t.OrgPath, Action: "youth.training", Target: teacherTarget(teacherID),
			After: map[string]any{"title": title, "hours": tenths(n)}})
	})
}

// Recognize records a teacher's recognition of a year (优秀科技辅导员 …).
func (s *Store) Recognize(ctx context.Context, teacherID int64, year int, title string, by Actor) error {
	var errs valid.Errors
	if now := s.db.Now().In(zone).Year(); year < now-10 || year > now {
		errs.Add("year", "youth.err.year")
	}
	title = strings.TrimSpace(title)
	runes(&errs, "title", title, 4, MaxTitle, "youth.err.title")
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// The teacher's row lock: the check below is once a year and title
		// only if two recordings at once cannot both count none.
		if err := tx.LockRow(ctx, "youth_teachers", teacherID); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		t, err := getTeacher(ctx, tx, teacherID)
		if err != nil {
			return err
		}
		var k int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM youth_recognitions WHERE teacher_id = ? AND year = ? AND title = ?`, teacherID, year, title).Scan(&k); err != nil {
			return fmt.Errorf("youth: recognize %d: %w", teacherID, err)
		}
		if k > 0 {
			return valid.New("title", "youth.err.recognized")
		}
		if _, err := tx.Exec(ctx, `INSERT INTO youth_recognitions (id, teacher_id, year, title, at) VALUES (?, ?, ?, ?, ?)`,
			tx.NewID(), teacherID, year, title, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("youth: recognize %d: %w", teacherID, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: t.OrgID, OrgPath: t.OrgPath, Action: "youth.recognize", Target: teacherTarget(teacherID),
			After: map[string]any{"year": year, "title": title}})
	})
}

const teacherCols = `t.id, t.org_id, o.path, o.name, t.name, t.school, t.subject, t.region_code, t.contact, t.user_id, t.hours,
	COALESCE((SELECT MAX(r.year) FROM youth_recognitions r WHERE r.teacher_id = t.id), 0)`

func scanTeacher(row db.Scanner, extra ...any) (Teacher, error) {
	var t Teacher
	err := row.Scan(append([]any{&t.ID, &t.OrgID, &t.OrgPath, &t.OrgName, &t.Name, &t.School, &t.Subject, &t.RegionCode, &t.Contact,
		&t.UserID, &t.Hours, &t.Recognized}, extra...)...)
	return t, err
}

func getTeacher(ctx context.Context, q db.Q, id int64) (Teacher, error) {
	t, err := scanTeacher(q.QueryRow(ctx, `SELECT `+teacherCols+` FROM youth_teachers t JOIN orgs o ON o.id = t.org_id WHERE t.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return t, &NotFoundError{"teacher", id}
	}
	if err != nil {
		return t, fmt.Errorf("youth: teacher %d: %w", id, err)
	}
	return t, nil
}

func (s *Store) maskTeacher(t *Teacher) {
	if t.Contact != "" {
		if t.Contact = pii.MaskContact(s.open(teacherField, t.Contact)); t.Contact == "" {
			t.Contact = "***"
		}
	}
}

// Teacher returns one teacher, the contact masked. Callers check access by
// the teacher's org.
func (s *Store) Teacher(ctx context.Context, id int64) (Teacher, error) {
	t, err := getTeacher(ctx, s.db, id)
	if err == nil {
		s.maskTeacher(&t)
	}
	return t, err
}

// RevealTeacher opens a teacher's contact for a permitted user and records
// who saw it.
func (s *Store) RevealTeacher(ctx context.Context, id int64) (string, error) {
	t, err := getTeacher(ctx, s.db, id)
	if err != nil {
		return "", err
	}
	if s.cfg.Keys == nil {
		return "", ErrNoKeys
	}
	plain := s.open(teacherField, t.Contact)
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{OrgID: t.OrgID, OrgPath: t.OrgPath, Action: "youth.teacher_reveal", Target: teacherTarget(id),
			After: map[string]any{"field": "contact"}})
	})
	return plain, err
}

// Training is one training a teacher attended.
type Training struct {
	HeldOn time.Time
	Title  string
	Hours  int
}

// HoursText is the hours as text.
func (t Training) HoursText() string { return tenths(t.Hours) }

// Recognition is one year's recognition of a teacher.
type Recognition struct {
	Year  int
	Title string
}

// History lists a teacher's trainings (newest first) and recognitions.
func (s *Store) History(ctx context.Context, teacherID int64) ([]Training, []Recognition, error) {
	rows, err := s.db.Query(ctx, `SELECT held_on, title, hours FROM youth_trainings WHERE teacher_id = ? ORDER BY held_on DESC, id DESC`, teacherID)
	if err != nil {
		return nil, nil, fmt.Errorf("youth: trainings of %d: %w", teacherID, err)
	}
	var ts []Training
	for rows.Next() {
		var t Training
		var d int64
		if err := rows.Scan(&d, &t.Title, &t.Hours); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("youth: trainings of %d: %w", teacherID, err)
		}
		t.HeldOn = db.Time(d)
		ts = append(ts, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	rows, err = s.db.Query(ctx, `SELECT year, title FROM youth_recognitions WHERE teacher_id = ? ORDER BY year DESC, id DESC`, teacherID)
	if err != nil {
		return nil, nil, fmt.Errorf("youth: recognitions of %d: %w", teacherID, err)
	}
	defer rows.Close()
	var rs []Recognition
	for rows.Next() {
		var r Recognition
		if err := rows.Scan(&r.Year, &r.Title); err != nil {
			return nil, nil, fmt.Errorf("youth: recognitions of %d: %w", teacherID, err)
		}
		rs = append(rs, r)
	}
	return ts, rs, rows.Err()
}

// TeacherFilter selects teachers: always within Scope.
type TeacherFilter struct {
	Scope      access.Scope
	Q          string // the name, school or subject
	Region     string
	OrgPath    string
	Recognized bool // only teachers recognised at least once
	Sort       string
	Limit      int
	Offset     int
}

// Teachers lists one page of the teachers in the filter and how many
// match, contacts masked.
func (s *Store) Teachers(ctx context.Context, f TeacherFilter) ([]Teacher, int, error) {
	cond, args, ok := db.ScopeIn(s.db, "o.path", f.Scope, f.OrgPath)
	if !ok {
		return nil, 0, nil
	}
	where := []string{cond}
	if f.Region != "" {
		where, args = append(where, `t.region_code LIKE ? ESCAPE '\'`), append(args, db.LikeEscape(std.RegionPrefix(f.Region))+"%")
	}
	if f.Recognized {
		where = append(where, "EXISTS (SELECT 1 FROM youth_recognitions r WHERE r.teacher_id = t.id)")
	}
	if q := strings.TrimSpace(f.Q); utf8.RuneCountInString(q) > MaxSearch {
		where = append(where, "1 = 0") // no name, school or title is that long
	} else if q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where, args = append(where, `(t.name LIKE ? ESCAPE '\' OR t.school LIKE ? ESCAPE '\' OR t.subject LIKE ? ESCAPE '\')`), append(args, like, like, like)
	}
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 50
	}
	// By the keys youth migration 002 keeps: pinyin() per row read every
	// teacher in scope before the first page.
	order := db.Order(f.Sort, map[string]string{"name": "t.name_key", "hours": "t.hours", "school": "t.school_key"}, "t.name_key")
	// A count of its own, then the page (D266): a province's 科技辅导员
	// run to thousands, and the window read each whole.
	from := ` FROM youth_teachers t JOIN orgs o ON o.id = t.org_id WHERE ` + strings.Join(where, " AND ")
	out, total, err := db.Page(ctx, s.db, db.PageQuery{
		Count:  `SELECT COUNT(*)` + from,
		Select: `SELECT ` + teacherCols + from + ` ORDER BY ` + order + `, t.id LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset,
	}, func(r db.Scanner) (Teacher, error) {
		t, err := scanTeacher(r)
		t.Contact = "" // lists never carry a contact
		return t, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("youth: teachers: %w", err)
	}
	return out, total, nil
}

// TeacherHeaders are the columns of the teachers' export: no contact.
var TeacherHeaders = []string{"序号", "姓名", "学校", "学科", "所在地区", "所属单位", "培训学时", "最近表彰年度"}

// TeacherTable is the teachers for the XLSX export.
func TeacherTable(t func(string, ...any) string, list []Teacher) sheet.Table {
	tab := sheet.Table{Sheet: t("youth.title.teachers"), Headers: TeacherHeaders}
	for _, x := range list {
		rec := ""
		if x.Recognized != 0 {
			rec = strconv.Itoa(x.Recognized)
		}
		tab.Rows = append(tab.Rows, []string{strconv.Itoa(len(tab.Rows) + 1), x.Name, x.School, x.Subject, x.RegionName(), x.OrgName, x.HoursText(), rec})
	}
	return tab
}
