package event

import (
	"net/http"
	"time"

	"kexie/internal/web"
)

// MyTicketsPage is a signed-in member's own tickets.
type MyTicketsPage struct {
	Tickets []MyTicket
	Now     time.Time
	List    *web.List
}

// myTickets lists the tickets the signed-in account took, coming events
// first; it reads only the account's own (TicketsOf takes no other id).
func (h *handler) myTickets(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "")
	now := time.Now()
	list, total, err := h.store.TicketsOf(r.Context(), userID(r), now, l.PerPage, l.Offset())
	if err != nil {
		return err
	}
	l.Total = total
	return h.site.Render(w, r, "event/my_tickets.html", "event.title.my_tickets", MyTicketsPage{Tickets: list, Now: now, List: l})
}
