package audit

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"kexie/internal/web"
)

// The viewer shows records the way office staff read them: the object's
// name linked to its page, the action in words, and the changed fields as a
// before/after table with their labels. Names come from the modules'
// namers (web.Site.Names), never from their tables; an object that no
// longer exists shows the last name its records carry.

// Row is a record as the viewer shows it.
type Row struct {
	Record
	ActionLabel string
	Actor       web.Name // the account's display name and page, else its recorded name
	Object      web.Name // the target's name and page
	ObjectKind  string   // the target kind's label ("组织"), "" when unknown
	Org         web.Name
	Changes     []Change
	OneSide     bool   // only values set (or only cleared): no before/after columns
	Note        string // a summary that is not a before/after pair, as recorded
}

// Change is one changed field.
type Change struct {
	Field  string
	Label  string
	Before string
	After  string
}

// Changed reports whether the field's value differs.
func (c Change) Changed() bool { return c.Before != c.After }

// parseTarget splits "kind:id"; ok is false for a target without a numeric id.
func parseTarget(t string) (kind string, id int64, ok bool) {
	kind, rest, found := strings.Cut(t, ":")
	if !found {
		return t, 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return kind, id, err == nil
}

// namer resolves names through the site, by kind, in one call per kind.
type namer interface {
	Names(ctx context.Context, kind string, ids []int64) (map[int64]web.Name, error)
}

// refs gathers the objects a page of records mentions.
type refs map[string][]int64

func (r refs) add(kind string, id int64) {
	if id != 0 {
		r[kind] = append(r[kind], id)
	}
}

// refFields are summary fields that hold the id of an object of a kind.
var refFields = map[string]string{"org_id": "org", "org": "org", "parent_id": "org", "parent": "org", "employer_org_id": "org",
	"indicator": "indicator", "user": "user"}

// Rows is what the viewer shows of recs — names, labels, changes — for
// other pages that list records (the home page's recent changes); site is
// the web.Site, t its translator for the request.
func Rows(ctx context.Context, site namer, t func(string, ...any) string, recs []Record) ([]Row, error) {
	return rows(ctx, site, t, recs)
}

// rows builds the viewer's rows for recs.
func rows(ctx context.Context, n namer, t func(string, ...any) string, recs []Record) ([]Row, error) {
	want := refs{}
	out := make([]Row, len(recs))
	for i, rec := range recs {
		out[i] = Row{Record: rec, ActionLabel: ActionLabel(t, rec.Action)}
		if kind, id, ok := parseTarget(rec.Target); ok {
			want.add(kind, id)
		}
		want.add("org", rec.OrgID)
		want.add("user", rec.ActorID)
		out[i].Changes, out[i].Note = changes(rec.Summary)
		for _, c := range out[i].Changes {
			for _, v := range []string{c.Before, c.After} {
				if kind, ok := refFields[c.Field]; ok {
					if id, err := strconv.ParseInt(v, 10, 64); err == nil {
						want.add(kind, id)
					}
				} else if c.Field == "path" {
					for _, id := range pathIDs(v) {
						want.add("org", id)
					}
				} else if kind, id, ok := parseTarget(v); ok {
					want.add(kind, id)
				}
			}
		}
	}
	names := map[string]map[int64]web.Name{}
	kinds := make([]string, 0, len(want))
	for k := range want {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		m, err := n.Names(ctx, kind, want[kind])
		if err != nil {
			return nil, err
		}
		names[kind] = m
	}
	name := func(kind string, id int64) (web.Name, bool) { nm, ok := names[kind][id]; return nm, ok }
	for i := range out {
		r := &out[i]
		r.Actor = web.Name{Text: actorLabel(t, r.ActorName)}
		if nm, ok := name("user", r.ActorID); ok && r.ActorID != 0 {
			r.Actor = nm
		}
		if r.OrgID != 0 {
			r.Org = web.Name{Text: "#" + strconv.FormatInt(r.OrgID, 10)}
			if nm, ok := name("org", r.OrgID); ok {
				r.Org = nm
			}
		}
		kind, id, ok := parseTarget(r.Target)
		r.ObjectKind = label(t, "audit.kind."+kind, "")
		switch {
		case ok:
			if nm, found := name(kind, id); found {
				r.Object = nm
			} else if last := lastName(r.Changes); last != "" {
				r.Object = web.Name{Text: last} // gone: the name it last had, unlinked
			} else {
				r.Object = web.Name{Text: r.Target}
			}
		case strings.Contains(r.Target, ":"): // "file:名单.xlsx": the kind and a name
			r.Object = web.Name{Text: strings.SplitN(r.Target, ":", 2)[1]}
		case r.Target != "":
			r.Object = web.Name{Text: label(t, "audit.target."+r.Target, r.Target)}
		}
		r.OneSide = oneSide(r.Changes)
		prefix, _, _ := strings.Cut(r.Action, ".")
		for j := range r.Changes {
			c := &r.Changes[j]
			c.Label = fieldLabel(t, prefix, kind, c.Field)
			for _, v := range []*string{&c.Before, &c.After} {
				*v = value(t, name, prefix, c.Field, *v)
			}
		}
	}
	return out, nil
}

// oneSide reports whether every change has a value on one side only, the
// same side for all (a creation, or a record of values).
func oneSide(cs []Change) bool {
	before, after := false, false
	for _, c := range cs {
		before, after = before || c.Before != "", after || c.After != ""
	}
	return !(before && after)
}

// pathIDs reads an org path "/1/5/9/" as its ids (nil when it is not one).
func pathIDs(p string) []int64 {
	var out []int64
	for _, s := range strings.Split(strings.Trim(p, "/"), "/") {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil
		}
		out = append(out, id)
	}
	return out
}

// lastName is the name an object had in its record ("name", "title",
// "display_name", "username"; after before before).
func lastName(cs []Change) string {
	for _, f := range []string{"name", "title", "display_name", "username"} {
		for _, c := range cs {
			if c.Field == f {
				if c.After != "" {
					return c.After
				}
				return c.Before
			}
		}
	}
	return ""
}
