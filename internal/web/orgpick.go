package web

import "net/http"

// OrgPick is what the "orgpick" partial renders: one searchable org field.
// Without scripts it is a text field taking an org's code (or its exact
// name); kexie.js turns it into a type-ahead over GET /orgs/lookup that
// shows each hit with its path and pages through every match, and a pick
// shows the org's name in the field (its path under it) while the code goes
// in a hidden field of the same name — nobody reads or types a code. The
// server resolves the value again and checks it against the action's scope.
type OrgPick struct {
	Name     string // form field, e.g. "org_id"
	Action   string // permission whose scope the choices come from
	Value    string // the org's code, or what was typed
	Label    string // the chosen org's path; "" when nothing is chosen
	Text     string // the chosen org's name, shown in the field with scripts
	Required bool
	// Lookup is another module's look-up answering as /orgs/lookup does
	// (see PickPage), for a picker of something else; "" for orgs.
	Lookup string
	// Texts in the page's language.
	Placeholder, More, None string
}

// OrgLabeler turns a field's value (code, ID or name) into the org's code,
// name and path for showing; the org module sets it.
type OrgLabeler func(r *http.Request, value string) (code, name, label string)

// SetOrgLabeler installs the org module's labeler.
func (s *Site) SetOrgLabeler(f OrgLabeler) { s.orgLabel = f }

// OrgPick prepares the org picker for field name, offering the orgs on
// which the viewer may do action, showing value (a code or an ID) as chosen.
// Use it as {{template "orgpick" (.OrgPick "org_id" "people.edit" ($f.Value "org_id"))}}.
func (v *View) OrgPick(name, action, value string) OrgPick {
	p := OrgPick{Name: name, Action: action, Value: value, Required: true,
		Placeholder: v.T("orgpick.placeholder"), More: v.T("orgpick.more"), None: v.T("orgpick.none")}
	if value != "" && v.site.orgLabel != nil && v.req != nil {
		p.Value, p.Text, p.Label = v.site.orgLabel(v.req, value)
	}
	return p
}

// FieldText is what the field shows, with scripts, for a chosen value: an
// org's name, or another look-up's label; "" when nothing is chosen.
func (p OrgPick) FieldText() string {
	if p.Label == "" {
		return ""
	}
	if p.Lookup != "" {
		return p.Label
	}
	return p.Text
}

// OrgPickOptional is OrgPick for a field that may stay empty (a filter).
func (v *View) OrgPickOptional(name, action, value string) OrgPick {
	p := v.OrgPick(name, action, value)
	p.Required = false
	return p
}
