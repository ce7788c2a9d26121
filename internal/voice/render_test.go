package voice_test

import (
	"bytes"
	"testing"
	"time"

	"kexie/internal/db/dbtest"
	"kexie/internal/voice"
	"kexie/internal/web"
)

// Every page renders in both languages, in every status an item has.
func TestRenderPages(t *testing.T) {
	vs := serveVoice(t, dbtest.OpenSQLite(t))
	evs := []voice.Event{{Action: "file", At: time.Now()}, {Action: "note", Note: "备注", Internal: true}, {Action: "rate", Detail: "fair"}}
	var pages []struct {
		page string
		data any
	}
	add := func(page string, data any) {
		pages = append(pages, struct {
			page string
			data any
		}{page, data})
	}
	add("voice/form.html", voice.FormPage{Form: web.NewForm(), Kinds: voice.Kinds, Topics: voice.Topics})
	add("voice/track.html", voice.TrackPage{Form: web.NewForm()})
	add("voice/mine.html", voice.MinePage{Items: []voice.Item{{ID: 1, Title: "x", Kind: voice.Request, Status: voice.Submitted}}})
	add("voice/stats.html", voice.StatsPage{Year: 2026, Years: []int{2026}})
	add("voice/list.html", voice.ListPage{List: &web.List{Path: "/voice/admin"}, Items: []voice.Item{{ID: 1, Title: "x", Kind: voice.Request, Topic: "other", Status: voice.Assigned, Overdue: true, DueAt: time.Now()}}})
	for _, st := range voice.Statuses {
		it := voice.Item{ID: 1, Title: "x", Kind: voice.Suggestion, Topic: "kepu", Status: st, Contact: "139****0000", Answer: "a", Rating: voice.Unsatisfied}
		add("voice/track.html", voice.TrackPage{Form: web.NewForm(), Filer: &voice.FilerView{Item: it, Ratings: voice.Ratings, Events: evs}, Events: evs})
		add("voice/mine_item.html", voice.MineItemPage{Form: web.NewForm(), Filer: &voice.FilerView{Item: it, Ratings: voice.Ratings}, Events: evs})
		add("voice/show.html", voice.ShowPage{Item: it, Events: evs, Form: web.NewForm()})
	}
	for _, lang := range web.Languages() {
		for _, p := range pages {
			var buf bytes.Buffer
			if err := vs.Web.RenderPage(&buf, p.page, &web.View{Lang: lang, Data: p.data}); err != nil {
				t.Errorf("%s %s: %v", lang, p.page, err)
			}
		}
	}
}
