package web

import "net/http"

// OrgPick is what the "orgpick" partial renders: one searchable org field.
// Without scripts it is a text field taking an org's code (or its exact
// name); kexie.js turns it into a type-ahead over GET /orgs/lookup that
// shows each hit with its path and pages through every match. The server
// resolves the value again and checks it against the action's scope.
type OrgPick struct {
	Name     string // form field, e.g. "org_id"
	Action   string // permission whose scope the choices come from
	Value    string // the org's code, or what was typed
	Label    string // the chosen org's path; "" when nothing is chosen
	Required bool
	// Lookup is another module's look-up answering as /orgs/lookup does
	// (see PickPage), for a picker of something else; "" for orgs.
	Lookup string
	// Texts in the page's language.
	Placeholder, More, None string
}

// OrgLabeler turns a field's value (code, ID or name) into the org's code
// and path for showing; the org module sets it.
type OrgLabeler func(r *http.Request, value string) (code, label string)

// SetOrgLabeler installs the org module's labeler.
func (s *Site) SetOrgLabeler(f OrgLabeler) { s.orgLabel = f }

// OrgPick prepares the org picker for field name, offering the orgs on
// which the viewer may do action, showing value (a code or an ID) as chosen.
// Use it as {{template "orgpick" (.OrgPick "org_id" "people.edit" ($f.Value "org_id"))}}.
func (v *View) OrgPick(name, action, value string) OrgPick {
	p := OrgPick{Name: name, Action: action, Value: value, Required: true,
		Placeholder: v.T("orgpick.placeholder"), More: v.T("orgpick.more"), None: v.T("orgpick.none")}
	if value != "" && v.site.orgLabel != nil && v.req != nil {
		p.Value, p.Label = v.site.orgLabel(v.req, value)
	}
	return p
}

// OrgPickOptional is OrgPick for a field that may stay empty (a filter).
func (v *View) OrgPickOptional(name, action, value string) OrgPick {
	p := v.OrgPick(name, action, value)
	p.Required = false
	return p
}
