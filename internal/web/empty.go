package web

// Empty is what an empty list says: either that nothing exists yet and how
// to add the first one, or that the filter matched nothing and how to clear
// it. Pages build it with the template func "empty" and render it with
// {{template "empty" …}}.
type Empty struct {
	Filtered     bool
	NoneText     string // "还没有人员"
	AddHref      string // where to add one ("" for none)
	AddText      string // "添加人员"
	FilteredText string // "没有符合筛选条件的人员"
	Clear        string // the list without its filters
	ClearText    string
}

// Filtered reports whether the list was narrowed by a filter (anything but
// sort, page, per page and format).
func (l *List) Filtered() bool {
	for k, vs := range l.values {
		switch k {
		case "sort", "page", "per", "format", "lang":
			continue
		}
		for _, v := range vs {
			if v != "" {
				return true
			}
		}
	}
	return false
}

// emptyList builds an Empty for l: {{template "empty" (empty .Data.List
// (.T "x.none") "/x/new" (.T "x.add") (.T "x.none_filtered") (.T "list.clear"))}};
// pass "" for the href when the page adds nothing.
func emptyList(l *List, none, addHref, addText, filtered, clear string) Empty {
	e := Empty{NoneText: none, AddHref: addHref, AddText: addText, FilteredText: filtered, ClearText: clear}
	if l != nil {
		e.Filtered, e.Clear = l.Filtered(), l.Path
	}
	return e
}
