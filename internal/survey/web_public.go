package survey

import (
	"bytes"
	"errors"
	"image/png"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"

	"kexie/internal/botcheck"
	"kexie/internal/db"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// AnswerPage is one page of the public, mobile-first answering form.
type AnswerPage struct {
	Survey   Survey
	Station  Station
	Title    Text
	Intro    Text
	PageNo   int // 0-based
	Pages    int
	PageName Text
	Qs       []QView
	Link     string
	Version  int
	R        string
	Stamp    string
	Ticket   string
	Code     string
	AskCode  bool
	Form     *web.Form
	Message  string // a refusal: closed, full, answered …
	Last     bool
}

// QView is a question as shown: options in the respondent's order and
// what they answered so far.
type QView struct {
	Q       Question
	Options []Option
	Values  []string
	Error   string
	Hidden  bool // its condition is on this page and not met yet
}

// Has reports whether code was chosen.
func (q QView) Has(code string) bool { return oneOf(code, q.Values) }

// Value is the typed answer.
func (q QView) Value() string {
	if len(q.Values) > 0 {
		return q.Values[0]
	}
	return ""
}

// Rank is the position (1-based) the respondent gave code, or 0.
func (q QView) Rank(code string) int {
	for i, v := range q.Values {
		if v == code {
			return i + 1
		}
	}
	return 0
}

// Positions lists 1..n for a ranking's choices.
func (q QView) Positions() []int {
	out := make([]int, len(q.Options))
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// Cond is the condition as data attributes for answer.js.
func (q QView) Cond() string {
	if q.Q.ShowIf == nil {
		return ""
	}
	return q.Q.ShowIf.Question + "=" + strings.Join(q.Q.ShowIf.Any, ",")
}

// Row is a matrix row with what was chosen in it.
type Row struct {
	Option
	Chosen string
}

// rowsOf lists a matrix question's rows with answers.
func rowsOf(q Question, a Answers) []Row {
	var out []Row
	for _, r := range q.Rows {
		x := Row{Option: r}
		if v := a[q.ID+"."+r.Code]; len(v) > 0 {
			x.Chosen = v[0]
		}
		out = append(out, x)
	}
	return out
}

// MatrixRows is for the template.
func (p AnswerPage) MatrixRows(q QView) []Row { return rowsOf(q.Q, p.answers()) }

func (p AnswerPage) answers() Answers {
	a := Answers{}
	for _, q := range p.Qs {
		a[q.Q.ID] = q.Values
	}
	for k, v := range p.Form.Values {
		if strings.Contains(k, ".") {
			a[k] = v
		}
	}
	return a
}

func cookieName(surveyID int64) string { return "kxs" + strconv.FormatInt(surveyID, 10) }

// linkTTL is how long a node reuses what a link token resolved to; a
// change made on this node takes effect at once, on another within it.
const linkTTL = time.Second

type cachedLink struct {
	l   Loaded
	at  time.Time
	gen uint64
}

// links caches resolved link tokens for the answering path.
type links struct {
	mu sync.Mutex
	m  map[string]cachedLink
}

// loaded resolves a link token through the cache.
func (h *handler) loaded(r *http.Request) (*Loaded, error) {
	tok := r.PathValue("token")
	gen := h.store.gen.Load()
	now := time.Now()
	h.links.mu.Lock()
	c, ok := h.links.m[tok]
	h.links.mu.Unlock()
	if ok && c.gen == gen && now.Sub(c.at) < linkTTL {
		return &c.l, nil
	}
	v, st, err := h.target(r)
	if err != nil {
		return nil, err
	}
	l := Loaded{Survey: v, Station: st, Cells: h.store.hasCells(r.Context(), v.ID)}
	h.links.mu.Lock()
	if h.links.m == nil || len(h.links.m) > 10000 {
		h.links.m = map[string]cachedLink{}
	}
	h.links.m[tok] = cachedLink{l: l, at: now, gen: gen}
	h.links.mu.Unlock()
	return &l, nil
}

// target resolves a link token: a survey's own or a station's.
func (h *handler) target(r *http.Request) (Survey, Station, error) {
	tok := r.PathValue("token")
	st, err := h.store.StationByToken(r.Context(), tok)
	if err == nil {
		v, err := h.store.Get(r.Context(), st.SurveyID)
		return v, st, err
	}
	if !errors.Is(err, db.ErrNotFound) {
		return Survey{}, Station{}, err
	}
	v, err := h.store.ByToken(r.Context(), tok)
	return v, Station{}, err
}

func (h *handler) respondent(w http.ResponseWriter, r *http.Request, surveyID int64) string {
	if c, err := r.Cookie(cookieName(surveyID)); err == nil && len(c.Value) == 20 {
		return c.Value
	}
	tok := newToken()
	http.SetCookie(w, &http.Cookie{Name: cookieName(surveyID), Value: tok, Path: "/s/", MaxAge: 400 * 24 * 3600,
		HttpOnly: true, Secure: h.site.SecureCookies, SameSite: http.SameSiteLaxMode})
	return tok
}

func (h *handler) parts(v Survey, st Station, version int, r string) []string {
	return formParts(v.ID, st.ID, version, r)
}

// formParts are what a public form's timing token is bound to.
func formParts(surveyID, stationID int64, version int, r string) []string {
	return []string{"survey", strconv.FormatInt(surveyID, 10), strconv.FormatInt(stationID, 10), strconv.Itoa(version), r}
}

// PublicForm is the hidden part of the answering form of v's current
// version at station st (zero: the survey's own link) for respondent r
// (20 characters), as the page serves it at `at`: for load tests and
// scripts that post answers the way a browser does.
func PublicForm(key []byte, v Survey, st Station, r string, at time.Time) url.Values {
	stamp, ticket := botcheck.Checker{Key: key}.Stamp(at, formParts(v.ID, st.ID, v.Version, r)...)
	return url.Values{"v": {strconv.Itoa(v.Version)}, "page": {"0"}, "r": {r}, "stamp": {stamp}, "ticket": {ticket}, "action": {"submit"}}
}

func (h *handler) answerPage(w http.ResponseWriter, r *http.Request) error {
	v, st, err := h.target(r)
	if err != nil {
		return err
	}
	if v.Version == 0 {
		return web.ErrNotFound
	}
	rt := h.respondent(w, r, v.ID)
	p := AnswerPage{Survey: v, Station: st, Link: "/s/" + r.PathValue("token"), R: rt, Form: web.NewForm(), Code: strings.TrimSpace(r.URL.Query().Get("code"))}
	now := h.store.db.Now()
	key := "b:" + rt
	if uid := userID(r); uid != 0 {
		key = "u:" + strconv.FormatInt(uid, 10)
	}
	answered, err := h.store.Answered(r.Context(), v.ID, key)
	if err != nil {
		return err
	}
	switch {
	case answered:
		p.Message = "survey.err.answered"
	case !v.Open(now):
		p.Message = "survey.err.closed"
	case v.SignedIn && userID(r) == 0:
		p.Message = "survey.err.signin"
	}
	if p.Message != "" {
		return h.site.Render(w, r, "survey/answer.html", "survey.title.answer", p)
	}
	part, err := h.store.LoadPartial(r.Context(), v.ID, rt)
	if err != nil {
		return err
	}
	version, page, a := v.Version, 0, Answers{}
	if part.Version > 0 {
		version, page, a = part.Version, part.Page, part.Answers
	}
	def, err := h.store.Definition(r.Context(), v.ID, version)
	if err != nil {
		return err
	}
	stamp := strconv.FormatInt(now.Unix(), 10)
	if !part.StartedAt.IsZero() {
		stamp = strconv.FormatInt(part.StartedAt.Unix(), 10)
	}
	h.fill(&p, v, def, version, page, a, stamp)
	return h.site.Render(w, r, "survey/answer.html", "survey.title.answer", p)
}

func (h *handler) fill(p *AnswerPage, v Survey, def Definition, version, page int, a Answers, stamp string) {
	if page >= len(def.Pages) {
		page = len(def.Pages) - 1
	}
	p.Title, p.Intro, p.PageNo, p.Pages, p.Version = def.Title, def.Intro, page, len(def.Pages), version
	p.PageName = def.Pages[page].Title
	p.Last = page == len(def.Pages)-1
	p.AskCode = v.CodesOnly && page == 0
	sec, _ := strconv.ParseInt(stamp, 10, 64)
	p.Stamp, p.Ticket = h.check.Stamp(time.Unix(sec, 0), h.parts(v, p.Station, version, p.R)...)
	p.Stamp = stamp
	onPage := map[string]bool{}
	for _, q := range def.Pages[page].Questions {
		onPage[q.ID] = true
	}
	for _, q := range def.Pages[page].Questions {
		qv := QView{Q: q, Options: q.Order(p.R), Values: a[q.ID], Error: p.Form.Error("q." + q.ID)}
		if q.ShowIf != nil && !Visible(q, a) {
			if !onPage[q.ShowIf.Question] {
				continue // its condition was answered on an earlier page
			}
			qv.Hidden = true
		}
		p.Qs = append(p.Qs, qv)
	}
}

// formAnswers reads one page's answers from the posted form.
func formAnswers(def Definition, page int, f *web.Form) Answers {
	a := Answers{}
	for _, q := range def.Pages[page].Questions {
		switch q.Type {
		case Matrix:
			for _, r := range q.Rows {
				if v := f.Get(q.ID + "." + r.Code); v != "" {
					a[q.ID+"."+r.Code] = []string{v}
				}
			}
		case Multiple:
			a[q.ID] = f.Values[q.ID]
		case Ranking:
			type pos struct {
				code string
				n    int
			}
			var ps []pos
			for _, o := range q.Options {
				if n, err := strconv.Atoi(f.Get("rank." + q.ID + "." + o.Code)); err == nil && n > 0 {
					ps = append(ps, pos{o.Code, n})
				}
			}
			sort.SliceStable(ps, func(i, j int) bool { return ps[i].n < ps[j].n })
			var order []string
			for i, x := range ps {
				if i > 0 && ps[i-1].n == x.n {
					order = append(order, "dup") // two options given one place
					continue
				}
				order = append(order, x.code)
			}
			if len(order) > 0 {
				a[q.ID] = order
			}
		default:
			if v := f.Get(q.ID); v != "" {
				a[q.ID] = []string{v}
			}
		}
	}
	return a
}

func (h *handler) answerPost(w http.ResponseWriter, r *http.Request) error {
	l, err := h.loaded(r)
	if err != nil {
		return err
	}
	v, st := l.Survey, l.Station
	f, err := web.ParseForm(w, r, 256<<10)
	if err != nil {
		return err
	}
	now := h.store.db.Now()
	p := AnswerPage{Survey: v, Station: st, Link: "/s/" + r.PathValue("token"), R: f.Get("r"), Form: f, Code: f.Get("code")}
	version, _ := strconv.Atoi(f.Get("v"))
	page, _ := strconv.Atoi(f.Get("page"))
	refuse := func(status int, key string) error {
		p.Message = key
		return h.site.RenderStatus(w, r, status, "survey/answer.html", "survey.title.answer", p)
	}
	if !h.limiter.Allow(botcheck.Source(h.cfg.Key, web.ClientIP(r)), now) {
		return refuse(http.StatusTooManyRequests, "survey.err.rate")
	}
	switch err := h.check.Verify(now, f.Get("stamp"), f.Get("ticket"), f.Get("website"), h.parts(v, st, version, p.R)...); err {
	case nil:
	case botcheck.ErrTooFast:
		return refuse(http.StatusUnprocessableEntity, "survey.err.too_fast")
	case botcheck.ErrExpired:
		return refuse(http.StatusUnprocessableEntity, "survey.err.expired")
	default:
		return refuse(http.StatusUnprocessableEntity, "survey.err.tampered")
	}
	if !v.Open(now) {
		return refuse(http.StatusConflict, "survey.err.closed")
	}
	def, err := h.store.Definition(r.Context(), v.ID, version)
	if err != nil || page < 0 || page >= len(def.Pages) {
		return refuse(http.StatusUnprocessableEntity, "survey.err.tampered")
	}
	a := Answers{}
	partial := ""
	if page > 0 || f.Get("resume") == "1" {
		partial = p.R
		part, err := h.store.LoadPartial(r.Context(), v.ID, p.R)
		if err != nil {
			return err
		}
		if part.Answers != nil {
			a = part.Answers
		}
	}
	for _, q := range def.Pages[page].Questions {
		delete(a, q.ID)
		for _, row := range q.Rows {
			delete(a, q.ID+"."+row.Code)
		}
	}
	for k, x := range formAnswers(def, page, f) {
		a[k] = x
	}
	sec, _ := strconv.ParseInt(f.Get("stamp"), 10, 64)
	started := time.Unix(sec, 0)
	action := f.Get("action")
	if action == "back" {
		if err := h.store.SavePartial(r.Context(), Partial{Token: p.R, SurveyID: v.ID, Version: version, StationID: st.ID, Answers: a,
			Page: max(page-1, 0), StartedAt: started}); err != nil {
			return err
		}
		return web.Redirect(w, r, p.Link)
	}
	if _, err := def.Check(a, []int{page}); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		h.fill(&p, v, def, version, page, a, f.Get("stamp"))
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "survey/answer.html", "survey.title.answer", p)
	}
	if page < len(def.Pages)-1 {
		next := page + 1
		for next < len(def.Pages)-1 && !anyVisible(def.Pages[next], a) {
			next++
		}
		if err := h.store.SavePartial(r.Context(), Partial{Token: p.R, SurveyID: v.ID, Version: version, StationID: st.ID, Answers: a,
			Page: next, StartedAt: started}); err != nil {
			return err
		}
		return web.Redirect(w, r, p.Link)
	}
	_, err = h.store.Submit(r.Context(), Submission{SurveyID: v.ID, Version: version, StationID: st.ID, Respondent: "b:" + p.R, UserID: userID(r),
		Code: p.Code, Device: botcheck.Source(h.cfg.Key, web.ClientIP(r), r.UserAgent()), Answers: a, StartedAt: started, Partial: partial, Loaded: l})
	var ref *Refusal
	switch {
	case err == nil:
		return web.Redirect(w, r, p.Link+"/done")
	case errors.As(err, &ref):
		if ref == ErrCode || ref == ErrCodeUsed {
			f.Errors["code"] = h.site.T(r)(ref.Key)
			h.fill(&p, v, def, version, page, a, f.Get("stamp"))
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "survey/answer.html", "survey.title.answer", p)
		}
		return refuse(http.StatusConflict, ref.Key)
	}
	if _, ok := valid.As(err); ok {
		// An earlier page's answer no longer holds (a tampered resume).
		return refuse(http.StatusUnprocessableEntity, "survey.err.tampered")
	}
	return err
}

func anyVisible(p Page, a Answers) bool {
	for _, q := range p.Questions {
		if Visible(q, a) {
			return true
		}
	}
	return false
}

// DonePage thanks the respondent.
type DonePage struct{ Survey Survey }

func (h *handler) done(w http.ResponseWriter, r *http.Request) error {
	v, _, err := h.target(r)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "survey/done.html", "survey.title.done", DonePage{Survey: v})
}

// qr serves the QR code of a survey's or station's public link as a PNG.
func (h *handler) qr(w http.ResponseWriter, r *http.Request) error {
	if _, _, err := h.target(r); err != nil {
		return err
	}
	code, err := qr.Encode(h.base(r)+"/s/"+r.PathValue("token"), qr.M, qr.Auto)
	if err != nil {
		return err
	}
	if code, err = barcode.Scale(code, 300, 300); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, code); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	_, err = w.Write(buf.Bytes())
	return err
}

func (h *handler) script(w http.ResponseWriter, r *http.Request) error {
	b, err := files.ReadFile("static/answer.js")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, err = w.Write(b)
	return err
}
