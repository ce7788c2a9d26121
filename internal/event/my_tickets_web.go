package event

import (
	"net/http"
	"slices"
	"time"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// MyTicketsPage is a signed-in member's own tickets.
type MyTicketsPage struct {
	Tickets []MyTicket
	Now     time.Time
	List    *web.List
	State   string   // the status filter, "" for all
	States  []string // MineStates
	Err     string   // the catalog key of a filter that is refused ("" when none)
}

// myFilter reads the list's filter: title words, status, the event's dates
// (Beijing days, both ends included) and sort. A filter it cannot read is
// named by errKey, and the filter then lists nothing.
func (h *handler) myFilter(r *http.Request) (*web.List, MyFilter, string) {
	l := web.ParseList(r, "", "event", "taken")
	col, desc := l.SortColumn()
	f := MyFilter{UserID: userID(r), Now: h.store.db.Now(), Q: l.Q, State: l.Get("state"), Sort: col, Desc: desc,
		Limit: l.PerPage, Offset: l.Offset()}
	errKey := ""
	if f.State != "" && !slices.Contains(MineStates(), f.State) {
		errKey = "event.mine.err.state"
	}
	var ok bool
	if f.From, ok = day(l.Get("from")); !ok {
		errKey = "event.mine.err.date"
	}
	if f.To, ok = day(l.Get("to")); !ok {
		errKey = "event.mine.err.date"
	} else if !f.To.IsZero() {
		f.To = f.To.AddDate(0, 0, 1)
	}
	if errKey == "" && !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		errKey = "event.mine.err.range"
	}
	if errKey != "" {
		f.UserID = 0 // refused: nothing rather than everything
	}
	return l, f, errKey
}

// day reads a date field (2006-01-02) as the start of that Beijing day; ""
// is no bound.
func day(v string) (time.Time, bool) {
	if v == "" {
		return time.Time{}, true
	}
	t, err := time.ParseInLocation("2006-01-02", v, beijing)
	return t, err == nil && t.Year() >= 2000 && t.Year() <= 2100
}

// myTickets lists the tickets the signed-in account took, filtered, sorted
// and by pages; ?format=xlsx exports every page of the filter. It reads only
// the account's own (MyFilter's account is the signed-in one).
func (h *handler) myTickets(w http.ResponseWriter, r *http.Request) error {
	l, f, errKey := h.myFilter(r)
	if web.WantsExport(r) && errKey == "" {
		return h.myTicketsExport(w, r, f)
	}
	list, total, err := h.store.MyTickets(r.Context(), f)
	if err != nil {
		return err
	}
	l.Total = total
	status := http.StatusOK
	if errKey != "" {
		status = http.StatusUnprocessableEntity
	}
	return h.site.RenderStatus(w, r, status, "event/my_tickets.html", "event.title.my_tickets",
		MyTicketsPage{Tickets: list, Now: f.Now, List: l, State: f.State, States: MineStates(), Err: errKey})
}

// myTicketsExport writes the account's tickets of filter f, every page, as
// XLSX. A ticket holds no ID number; its code is the holder's own.
func (h *handler) myTicketsExport(w http.ResponseWriter, r *http.Request, f MyFilter) error {
	t := h.site.T(r)
	tab := sheet.Table{Sheet: t("event.title.my_tickets"), Headers: []string{t("event.f.title"), t("event.f.org"), t("event.f.starts"),
		t("event.f.ends"), t("event.f.place"), t("event.f.name"), t("event.f.code"), t("event.f.status"), t("event.f.registered")}}
	f.Limit, f.Offset = 500, 0
	for {
		list, _, err := h.store.MyTickets(r.Context(), f)
		if err != nil {
			return err
		}
		for _, m := range list {
			e, x := m.Event, m.Ticket
			place := e.Place
			if e.VenueName != "" {
				place = e.VenueName + " " + e.Place
			}
			state := t("event.mine.state." + m.MineState(f.Now))
			if x.Position > 0 {
				state += "（" + t("event.position", x.Position) + "）"
			}
			tab.Rows = append(tab.Rows, []string{e.Title, e.OrgName, sheet.DateTime(e.StartsAt), sheet.DateTime(e.EndsAt), place,
				x.Name, x.Code, state, sheet.DateTime(x.CreatedAt)})
		}
		if len(list) < f.Limit {
			break
		}
		f.Offset += f.Limit
	}
	return sheet.ServeXLSX(w, t("event.title.my_tickets")+"-"+sheet.FileDate(f.Now)+".xlsx", tab)
}
