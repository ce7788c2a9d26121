package kepu_test

import (
	"context"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/kepu"
	"kexie/internal/measure"
	"kexie/internal/web/webtest"
)

// fakePeople is the people module as the 科普 module reads it: pool 7 holds
// an expert at the author's employer, one elsewhere, and one without an
// account.
type fakePeople struct {
	pools     map[int64][]kepu.Expert
	employers map[int64]string
}

func (f *fakePeople) Pools(context.Context, access.Scope) ([]kepu.Pool, error) {
	return []kepu.Pool{{ID: 7, Name: "科普专家库"}}, nil
}
func (f *fakePeople) Pool(_ context.Context, id int64) ([]kepu.Expert, error) {
	return f.pools[id], nil
}
func (f *fakePeople) Employer(_ context.Context, user int64) (string, error) {
	return f.employers[user], nil
}

// pusher records what would be sent.
type pusher struct {
	published []int64
	told      []string
}

func (p *pusher) Publish(_ context.Context, it kepu.Item) error {
	p.published = append(p.published, it.ID)
	return nil
}
func (p *pusher) Tell(_ context.Context, contact, title, link string) error {
	p.told = append(p.told, contact+"|"+link)
	return nil
}

type kepuSite struct {
	*webtest.Site
	Store                  *kepu.Store
	People                 *fakePeople
	Push                   *pusher
	Author, Editor, Expert kepu.Actor
	Colleague              kepu.Actor
	// Signed-in clients of the author, the editor and the expert.
	AuthorC, EditorC, ExpertC *webtest.Client
}

// serveKepu serves the module on the platform over d with an author (staff
// of the city), an editor (its administrator), an expert elsewhere and an
// expert at the author's employer, all signed in.
func serveKepu(t *testing.T, d *db.DB) *kepuSite {
	t.Helper()
	ws := webtest.New(t, d)
	fp := &fakePeople{pools: map[int64][]kepu.Expert{}, employers: map[int64]string{}}
	s := kepu.NewStore(d, fp, calendar.Fixed{C: calendar.New(calendar.Shipped())})
	p := &pusher{}
	s.UsePusher(p)
	s.UseKeys(webtest.Keyring(t))
	ks := &kepuSite{Site: ws, Store: s, People: fp, Push: p}
	ws.Start(kepu.Module(s, ws.Orgs, kepu.Config{Key: webtest.Key("kepu"), UserID: func(ctx context.Context, name string) (int64, error) {
		u, err := ws.Auth.UserByName(ctx, name)
		return u.ID, err
	}}))
	var a, e, x, c auth.User
	ks.AuthorC, a = ws.User(t, "author", access.OrgStaff, ws.City)
	ks.EditorC, e = ws.User(t, "editor", access.OrgAdmin, ws.City)
	ks.ExpertC, x = ws.User(t, "expert", access.Reviewer, ws.City)
	c = ws.CreateUser(t, "colleague", access.Reviewer, ws.City)
	ks.Author, ks.Editor = kepu.Actor{UserID: a.ID, Name: "作者"}, kepu.Actor{UserID: e.ID, Name: "编辑"}
	ks.Expert, ks.Colleague = kepu.Actor{UserID: x.ID, Name: "王研究员"}, kepu.Actor{UserID: c.ID, Name: "李同事"}
	fp.employers[a.ID] = "攀枝花市气象局"
	fp.pools[7] = []kepu.Expert{
		{PersonID: 1, UserID: c.ID, Name: "李同事", Employer: "攀枝花市气象局", Field: "大气科学"},
		{PersonID: 2, UserID: x.ID, Name: "王研究员", Employer: "四川大学", Field: "大气科学"},
		{PersonID: 3, UserID: 0, Name: "无账号", Employer: "某单位"},
	}
	return ks
}

const body = "雷雨天气时，不要在大树下避雨，应尽快进入有防雷设施的建筑物内。如果在野外无处躲避，应双脚并拢蹲下，减少与地面的接触面积。"

func (k *kepuSite) draft(t *testing.T, title string) kepu.Item {
	t.Helper()
	it, err := k.Store.CreateDraft(context.Background(), kepu.DraftInput{OrgID: k.City.ID, Title: title, Body: body,
		Audience: "public", Topic: "防灾减灾"}, k.Author)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

// published takes a new draft through review and approval.
func (k *kepuSite) published(t *testing.T, title string) kepu.Item {
	t.Helper()
	ctx := context.Background()
	it := k.draft(t, title)
	if _, err := k.Store.SubmitForReview(ctx, it.ID, 7, 0, k.Author); err != nil {
		t.Fatal(err)
	}
	if err := k.Store.Review(ctx, it.ID, true, "", k.Expert); err != nil {
		t.Fatal(err)
	}
	if err := k.Store.Publish(ctx, it.ID, k.Editor); err != nil {
		t.Fatal(err)
	}
	it, _ = k.Store.Item(ctx, it.ID)
	return it
}

func migrations() []db.Migrations { return nil }

var (
	accessAll = access.Everywhere()
	periodAll = measure.Period{}
)

func accessPeer(k *kepuSite) access.Scope { return access.Subtrees(k.Peer.Path) }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
