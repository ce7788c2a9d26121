package survey

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// fixture is a migrated database with a province, two cities and a
// survey store.
type fixture struct {
	d                *db.DB
	s                *Store
	root, city, peer org.Org
}

func eachDB(t *testing.T, fn func(t *testing.T, f fixture)) {
	t.Helper()
	dbtest.Run(t, []db.Migrations{audit.Migrations(), org.Migrations(), Migrations()}, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		orgs := org.NewStore(d, std.Regions())
		f := fixture{d: d, s: NewStore(d)}
		var err error
		if f.root, err = orgs.Create(ctx, org.Input{Code: "ROOT", Name: "四川省科协", Type: org.TypeProvince}); err != nil {
			t.Fatal(err)
		}
		f.city, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
		f.peer, _ = orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
		fn(t, f)
	})
}

// small is a two-question questionnaire: a required single choice
// (gender role) and an optional number.
func small() Definition {
	return Definition{Title: Text{ZH: "小问卷"}, Pages: []Page{{Questions: []Question{
		{ID: "gender", Type: Single, Role: "gender", Required: true, Text: Text{ZH: "性别"}, Options: opts("1", "男", "", "2", "女", "")},
		{ID: "n", Type: Number, Text: Text{ZH: "年数"}, Min: f64(0), Max: f64(80)},
	}}}}
}

func (f fixture) published(t *testing.T, kind string) Survey {
	t.Helper()
	ctx := context.Background()
	d := small()
	in := Input{OrgID: f.root.ID, Kind: kind, Title: "测试问卷", UserID: 1}
	if kind == KindGeneral {
		in.Definition = &d
	}
	v, err := f.s.Create(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Publish(ctx, v.ID, 1); err != nil {
		t.Fatal(err)
	}
	v, _ = f.s.Get(ctx, v.ID)
	return v
}

func answer(v Survey, who string, a Answers) Submission {
	return Submission{SurveyID: v.ID, Version: v.Version, Respondent: "b:" + who, Answers: a, StartedAt: time.Now().Add(-time.Minute)}
}

func TestVersioning(t *testing.T) {
	eachDB(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		v := f.published(t, KindGeneral)
		if _, err := f.s.Submit(ctx, answer(v, "a", Answers{"gender": {"1"}})); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Publish(ctx, v.ID, 1); !isValid(err, "survey.err.unchanged") {
			t.Errorf("publishing an unchanged draft: %v, want survey.err.unchanged", err)
		}
		d := v.Draft
		d.Pages[0].Questions[0].Options = append(d.Pages[0].Questions[0].Options, Option{Code: "3", Text: Text{ZH: "不愿回答"}})
		if err := f.s.SaveDraft(ctx, v.ID, d); err != nil {
			t.Fatal(err)
		}
		old, _ := f.s.Definition(ctx, v.ID, 1)
		if n := len(old.Pages[0].Questions[0].Options); n != 2 {
			t.Errorf("version 1 changed with the draft: %d options", n)
		}
		if _, err := f.s.Submit(ctx, answer(v, "b", Answers{"gender": {"3"}})); err == nil {
			t.Error("version 1 took an option only the draft has")
		}
		n, err := f.s.Publish(ctx, v.ID, 1)
		if err != nil || n != 2 {
			t.Fatalf("publish = %d, %v", n, err)
		}
		v, _ = f.s.Get(ctx, v.ID)
		if _, err := f.s.Submit(ctx, answer(v, "b", Answers{"gender": {"3"}})); err != nil {
			t.Fatal(err)
		}
		rs, _, err := f.s.Responses(ctx, v.ID, RespFilter{Scope: access.Everywhere()})
		if err != nil || len(rs) != 2 || rs[0].Version != 2 || rs[1].Version != 1 {
			t.Errorf("responses keep their versions: %+v %v", rs, err)
		}
		vs, _ := f.s.Versions(ctx, v.ID)
		if len(vs) != 2 || vs[0].Responses != 1 || vs[1].Responses != 1 {
			t.Errorf("versions = %+v", vs)
		}
	})
}

func isValid(err error, key string) bool {
	list, ok := valid.As(err)
	return ok && list[0].Key == key
}

func count(t *testing.T, f fixture, surveyID int64) int {
	t.Helper()
	var n int
	if err := f.d.QueryRow(context.Background(), `SELECT COUNT(*) FROM survey_responses WHERE survey_id = ?`, surveyID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestQuotas(t *testing.T) {
	eachDB(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		v := f.published(t, KindGeneral)
		st, err := f.s.AddStation(ctx, v.ID, f.city.ID, 2)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddStation(ctx, v.ID, f.city.ID, 0); !isValid(err, "survey.err.station_dup") {
			t.Errorf("second station on one org: %v", err)
		}
		if err := f.s.SetCells(ctx, v.ID, 0, []CellQuota{{Cell: "gender=2", Quota: 1}}); err != nil {
			t.Fatal(err)
		}
		sub := func(who, g string) error {
			in := answer(v, who, Answers{"gender": {g}})
			in.StationID = st.ID
			_, err := f.s.Submit(ctx, in)
			return err
		}
		if err := sub("a", "2"); err != nil {
			t.Fatal(err)
		}
		if err := sub("b", "2"); err != ErrCellFull {
			t.Errorf("second woman: %v, want the cell full", err)
		}
		if err := sub("c", "1"); err != nil {
			t.Fatal(err)
		}
		if err := sub("d", "1"); err != ErrFull {
			t.Errorf("third at a station of 2: %v, want full", err)
		}
		if n := count(t, f, v.ID); n != 2 {
			t.Errorf("%d responses stored, want 2 (nothing of a refused one)", n)
		}
		sts, _ := f.s.Stations(ctx, v.ID, time.Now())
		if len(sts) != 1 || sts[0].Filled != 2 || sts[0].Responses != 2 || sts[0].Today != 2 {
			t.Errorf("station = %+v", sts)
		}
		// The survey's own quota and its closing.
		if err := f.s.SetSettings(ctx, v.ID, Settings{Quota: 3}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Submit(ctx, answer(v, "e", Answers{"gender": {"1"}})); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Submit(ctx, answer(v, "f", Answers{"gender": {"1"}})); err != ErrFull {
			t.Errorf("over the survey quota: %v", err)
		}
		if err := f.s.SetSettings(ctx, v.ID, Settings{Closed: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Submit(ctx, answer(v, "g", Answers{"gender": {"1"}})); err != ErrClosed {
			t.Errorf("closed survey: %v", err)
		}
		if n := count(t, f, v.ID); n != 3 {
			t.Errorf("%d responses stored, want 3", n)
		}
	})
}

func TestOnePerPerson(t *testing.T) {
	eachDB(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		v := f.published(t, KindGeneral)
		if _, err := f.s.Submit(ctx, answer(v, "same", Answers{"gender": {"1"}})); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Submit(ctx, answer(v, "same", Answers{"gender": {"2"}})); err != ErrAnswered {
			t.Errorf("same browser twice: %v", err)
		}
		signed := answer(v, "other", Answers{"gender": {"1"}})
		signed.UserID = 42
		if _, err := f.s.Submit(ctx, signed); err != nil {
			t.Fatal(err)
		}
		signed.Respondent = "b:third"
		if _, err := f.s.Submit(ctx, signed); err != ErrAnswered {
			t.Errorf("same signed-in user from another browser: %v", err)
		}
		// Answer codes: single use, and they name the station.
		st, _ := f.s.AddStation(ctx, v.ID, f.peer.ID, 0)
		if _, err := f.s.IssueCodes(ctx, st.ID, 2); err != nil {
			t.Fatal(err)
		}
		codes, _ := f.s.Codes(ctx, st.ID, 0)
		byCode := answer(v, "x", Answers{"gender": {"2"}})
		byCode.Code = codes[0].Code
		if _, err := f.s.Submit(ctx, byCode); err != nil {
			t.Fatal(err)
		}
		byCode.Respondent = "b:y"
		if _, err := f.s.Submit(ctx, byCode); err != ErrAnswered && err != ErrCodeUsed {
			t.Errorf("a used code: %v", err)
		}
		byCode.Code = "NOPE2345"
		if _, err := f.s.Submit(ctx, byCode); err != ErrCode {
			t.Errorf("an unknown code: %v", err)
		}
		if n := count(t, f, v.ID); n != 3 {
			t.Errorf("%d responses, want 3", n)
		}
		// The same device answering again is flagged, not refused.
		for i, who := range []string{"d1", "d2"} {
			in := answer(v, who, Answers{"gender": {"1"}})
			in.Device = "same-device"
			in.StartedAt = time.Now().Add(-time.Second)
			if _, err := f.s.Submit(ctx, in); err != nil {
				t.Fatal(err)
			}
			rs, _, _ := f.s.Responses(ctx, v.ID, RespFilter{Scope: access.Everywhere(), Limit: 1})
			flags := strings.Join(rs[0].Flags, ",")
			if want := map[int]string{0: "fast", 1: "fast,device"}[i]; flags != want {
				t.Errorf("response %d flags %q, want %q", i+1, flags, want)
			}
		}
		rs, _, _ := f.s.Responses(ctx, v.ID, RespFilter{Scope: access.Subtrees(f.peer.Path)})
		if len(rs) != 1 || rs[0].StationID != st.ID {
			t.Errorf("the code's station: %+v", rs)
		}
	})
}

func TestExclusion(t *testing.T) {
	eachDB(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		v := f.published(t, KindLiteracy)
		def, _ := f.s.Definition(ctx, v.ID, v.Version)
		all := Answers{"gender": {"1"}, "age": {"2"}, "edu": {"5"}, "urban": {"1"}}
		for _, q := range def.Questions() {
			if len(q.Correct) > 0 {
				all[q.ID] = q.Correct
			}
		}
		id, err := f.s.Submit(ctx, answer(v, "a", all))
		if err != nil {
			t.Fatal(err)
		}
		none := Answers{"gender": {"2"}, "age": {"2"}, "edu": {"5"}, "urban": {"1"}}
		for _, q := range def.Questions() {
			if len(q.Correct) > 0 {
				none[q.ID] = []string{q.Options[len(q.Options)-1].Code}
			}
		}
		if _, err := f.s.Submit(ctx, answer(v, "b", none)); err != nil {
			t.Fatal(err)
		}
		root := Region{ID: f.root.ID, Name: f.root.Name, Path: f.root.Path}
		m, err := f.s.Monitor(ctx, access.Everywhere(), root)
		if err != nil {
			t.Fatal(err)
		}
		y := m.Latest
		if r := m.Overall[y]; r.N != 2 || r.P != 0.5 {
			t.Errorf("before exclusion: %+v", r)
		}
		if err := f.s.Exclude(ctx, id, 7, ""); !isValid(err, "survey.err.reason") {
			t.Errorf("exclusion without a reason: %v", err)
		}
		if err := f.s.Exclude(ctx, id, 7, "同一人重复填答"); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Exclude(ctx, id, 7, "again"); !isValid(err, "survey.err.excluded") {
			t.Errorf("excluding twice: %v", err)
		}
		m, _ = f.s.Monitor(ctx, access.Everywhere(), root)
		if r := m.Overall[y]; r.N != 1 || r.P != 0 {
			t.Errorf("after exclusion: %+v", r)
		}
		rs, _, _ := f.s.Responses(ctx, v.ID, RespFilter{Scope: access.Everywhere(), Flag: "excluded"})
		if len(rs) != 1 || rs[0].Reason != "同一人重复填答" || rs[0].Score != 100 || !rs[0].Literate {
			t.Errorf("excluded response kept unchanged: %+v", rs)
		}
		var n int
		_ = f.d.QueryRow(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'survey.exclude'`).Scan(&n)
		if n != 1 {
			t.Errorf("%d audit records of the exclusion, want 1", n)
		}
		if m, _ := f.s.Monitor(ctx, access.Scope{}, root); len(m.Years) != 0 {
			t.Errorf("zero scope sees %+v", m)
		}
		if err := f.s.Exclude(ctx, 999, 7, "x"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("unknown response: %v", err)
		}
	})
}
