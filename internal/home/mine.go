package home

import (
	"context"
	"net/http"
	"time"

	"kexie/internal/access"
	"kexie/internal/web"
)

// Item is one line of a member's list on their home page.
type Item struct {
	Title string
	// TitleKey, when set, is a home catalog key worded with TitleArg
	// instead of Title (a figure such as the hours served).
	TitleKey string
	TitleArg string
	Detail   string // a second line, as the module words it ("" for none)
	Status   string // catalog key of the item's state ("" for none)
	// StatusArg, when set, is worded into Status ("候补第 %d 位").
	StatusArg any
	When      time.Time // a date worth showing (zero for none)
	// WhenKey, when set, is a home catalog key that words the date
	// ("%s 截止"); otherwise the date shows alone.
	WhenKey string
	Href    string
}

// Shelf is one short list on a member's home, read from one module through
// List. The catalog keys home.mine.<Key>.title, .empty and .next name it,
// say that it is empty and offer the next step.
type Shelf struct {
	Key  string
	More string // the module's full list
	Next string // where the next step is taken when the list is empty
	// Hidden leaves an empty list off the page (a reviewer's tasks are
	// shown only to someone who has some).
	Hidden bool
	List   func(ctx context.Context, userID int64, limit int) ([]Item, error)
}

// shelfRows is how many items a shelf shows before its "view all" link.
const shelfRows = 5

// minePage is a member's home: their own items in each module.
type minePage struct {
	Name    string
	NoRoles bool // no grant at all: say how staff get their org's work
	Shelves []shelfView
}

type shelfView struct {
	Key, More, Next string
	Title, Empty    string
	NextLabel       string
	Items           []itemView
	HasMore         bool
}

// itemView is an item in the reader's words.
type itemView struct {
	Item
	WhenText string
}

// isStaff reports whether the subject works in an org (staff or
// administrator) and so starts on the org dashboard rather than on their
// own items.
func isStaff(sub *access.Subject) bool {
	if sub == nil {
		return false
	}
	for _, g := range sub.Grants {
		switch g.Role {
		case access.SysAdmin, access.OrgAdmin, access.OrgStaff:
			return true
		}
	}
	return false
}

// mine shows a member their applications, memberships, volunteering and
// what else each module has of theirs, each list short with a link on.
func (h *handler) mine(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	sub := web.SubjectFrom(ctx)
	t := h.site.T(r)
	p := minePage{Name: sub.Name, NoRoles: len(sub.Grants) == 0}
	if p.Name == "" {
		p.Name = sub.Username
	}
	for _, s := range h.src.Mine {
		items, err := s.List(ctx, sub.UserID, shelfRows+1)
		if err != nil {
			return err
		}
		if len(items) == 0 && s.Hidden {
			continue
		}
		v := shelfView{Key: s.Key, More: s.More, Next: s.Next, Title: t("home.mine." + s.Key + ".title"),
			Empty: t("home.mine." + s.Key + ".empty"), NextLabel: t("home.mine." + s.Key + ".next")}
		if len(items) > shelfRows {
			items, v.HasMore = items[:shelfRows], true
		}
		for _, it := range items {
			if it.TitleKey != "" {
				it.Title = t(it.TitleKey, it.TitleArg)
			}
			if it.Status != "" && it.StatusArg != nil {
				it.Status = t(it.Status, it.StatusArg)
			} else if it.Status != "" {
				it.Status = t(it.Status)
			}
			iv := itemView{Item: it, WhenText: web.Date(it.When)}
			if it.WhenKey != "" && iv.WhenText != "" {
				iv.WhenText = t(it.WhenKey, iv.WhenText)
			}
			v.Items = append(v.Items, iv)
		}
		p.Shelves = append(p.Shelves, v)
	}
	return h.site.Render(w, r, "home/mine.html", "home.mine.title", p)
}
