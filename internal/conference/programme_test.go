package conference_test

import (
	"context"
	"testing"

	"kexie/internal/conference"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// The organiser names programme committee members by user name (an
// unknown name, a second naming and more than the bound are refused); a
// member decides papers but never their own; one taken off is gone.
func TestProgramme(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		users := map[string]conference.Person{"li": {UserID: 40, Name: "李评审"}, "zhang": {UserID: member.UserID, Name: member.Name}}
		f.s = conference.NewStore(d, conference.Config{Keys: webtest.Keyring(t), Users: func(_ context.Context, name string) (conference.Person, error) {
			p, ok := users[name]
			if !ok {
				return p, db.ErrNotFound
			}
			return p, nil
		}})
		id := f.open(t, good(f.soc))
		wantCode(t, f.s.AddProgramme(ctx, id, "nobody", secretary), "conference.err.user")
		must(t, f.s.AddProgramme(ctx, id, "li", secretary))
		must(t, f.s.AddProgramme(ctx, id, "zhang", secretary))
		wantCode(t, f.s.AddProgramme(ctx, id, "li", secretary), "conference.err.programme_dup")
		if ok, _ := f.s.OnProgramme(ctx, id, 40); !ok {
			t.Error("li is not on the committee")
		}
		pid, err := f.s.SubmitPaper(ctx, id, conference.PaperInput{Title: "钒钛磁铁矿综合利用新工艺", Authors: "张会员",
			Abstract: "本文介绍一种钒钛磁铁矿综合利用的新工艺及其工业试验结果。"}, member)
		must(t, err)
		wantCode(t, f.s.DecidePaper(ctx, id, pid, conference.PaperAccepted, "", member), "conference.err.own_paper")
		must(t, f.s.DecidePaper(ctx, id, pid, conference.PaperAccepted, "", conference.Actor{UserID: 40, Name: "李评审"}))
		rev, err := f.s.Reviewing(ctx, 40)
		must(t, err)
		if len(rev) != 1 || rev[0].ID != id {
			t.Errorf("reviewing %v", rev)
		}
		must(t, f.s.RemoveProgramme(ctx, id, 40, secretary))
		if ok, _ := f.s.OnProgramme(ctx, id, 40); ok {
			t.Error("li is still on the committee")
		}
		if p, _ := f.s.Programme(ctx, id); len(p) != 1 || p[0].Name != member.Name {
			t.Errorf("programme %v", p)
		}
		for i := 0; i < conference.MaxProgramme; i++ {
			users["u"+string(rune('a'+i))] = conference.Person{UserID: int64(500 + i), Name: "委员"}
		}
		var err2 error
		for i := 0; i < conference.MaxProgramme && err2 == nil; i++ {
			err2 = f.s.AddProgramme(ctx, id, "u"+string(rune('a'+i)), secretary)
		}
		wantCode(t, err2, "conference.err.programme_full")
	})
}
