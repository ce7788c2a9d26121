package audit

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"kexie/internal/web"
)

func label(t func(string, ...any) string, key, fallback string) string {
	if l := t(key); l != key {
		return l
	}
	return fallback
}

// kindModule is the catalog prefix of each target kind's module.
var kindModule = map[string]string{"person": "people", "user": "users", "member": "people", "pool": "people"}

// FieldKeys are the catalog keys that may name a summary field of an entry
// whose action starts with prefix ("org" of "org.create") on a target of
// kind, in the order the viewer tries them: the module's own label
// ("org.f.name"), the target kind's, then the audit catalog's.
func FieldKeys(prefix, kind, field string) []string {
	keys := []string{prefix + ".f." + field, kind + ".f." + field}
	if m, ok := kindModule[kind]; ok {
		keys = append(keys, m+".f."+field)
	}
	if m, ok := kindModule[prefix]; ok {
		keys = append(keys, m+".f."+field)
	}
	return append(keys, "audit.field."+field)
}

// fieldLabel names a summary field by the first of its FieldKeys the
// catalog has, or the field itself.
func fieldLabel(t func(string, ...any) string, prefix, kind, field string) string {
	for _, k := range FieldKeys(prefix, kind, field) {
		if l := t(k); l != k {
			return l
		}
	}
	return field
}

// value shows one recorded value: an org id as the org's name, a "kind:id"
// as the object's name, a coded value by its label ("org.type.kx_city",
// "role.org_admin"), a boolean as 是/否.
func value(t func(string, ...any) string, name func(string, int64) (web.Name, bool), prefix, field, v string) string {
	if v == "" {
		return ""
	}
	if field == "path" && strings.HasPrefix(v, "/") {
		if ids := pathIDs(v); len(ids) > 0 {
			parts := make([]string, len(ids))
			for i, id := range ids {
				parts[i] = "#" + strconv.FormatInt(id, 10)
				if nm, ok := name("org", id); ok {
					parts[i] = nm.Text
				}
			}
			return strings.Join(parts, " › ")
		}
	}
	if kind, ok := refFields[field]; ok {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			if nm, ok := name(kind, id); ok {
				return nm.Text
			}
		}
	}
	if kind, id, ok := parseTarget(v); ok {
		if nm, found := name(kind, id); found {
			return nm.Text
		}
	}
	switch v {
	case "true":
		return t("audit.yes")
	case "false":
		return t("audit.no")
	}
	for _, k := range []string{prefix + "." + field + "." + v, field + "." + v, "audit." + field + "." + v} {
		if l := t(k); l != k {
			return l
		}
	}
	return v
}

// changes reads a summary {"before": …, "after": …} into fields in the
// order recorded; a summary of another shape comes back as note.
func changes(summary string) (out []Change, note string) {
	if summary == "" {
		return nil, ""
	}
	var s struct {
		Before json.RawMessage `json:"before"`
		After  json.RawMessage `json:"after"`
	}
	if err := json.Unmarshal([]byte(summary), &s); err != nil {
		return nil, summary
	}
	bk, bv, bok := fields(s.Before)
	ak, av, aok := fields(s.After)
	if !bok || !aok {
		// A scalar on one side: one row without a field name.
		return []Change{{Field: "", Before: scalar(s.Before), After: scalar(s.After)}}, ""
	}
	// When both sides are recorded only what changed is shown; a field
	// recorded on one side only is a field set or cleared.
	both := len(ak) > 0 && len(bk) > 0
	seen := map[string]bool{}
	for _, k := range append(ak, bk...) {
		if !seen[k] && !(both && bv[k] == av[k]) {
			seen[k] = true
			out = append(out, Change{Field: k, Before: bv[k], After: av[k]})
		}
	}
	return out, ""
}

// fields decodes a JSON object's members in order, each value as text; ok
// is false when raw is present and not an object.
func fields(raw json.RawMessage) (keys []string, vals map[string]string, ok bool) {
	vals = map[string]string{}
	if len(raw) == 0 || string(raw) == "null" {
		return nil, vals, true
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, nil, false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, false
		}
		k, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, false
		}
		keys = append(keys, k)
		vals[k] = scalar(v)
	}
	return keys, vals, true
}

// scalar is a JSON value as text: a string unquoted, null empty, anything
// else as written.
func scalar(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// actorLabel names an actor that is not a person in words: the platform
// itself ("system", "setup"), a command ("cli:people import" → 命令行
// kexie people import) or the demo's loader ("demo:…"). The record keeps
// the name it was written with; a person's name passes through.
func actorLabel(t func(string, ...any) string, name string) string {
	switch {
	case name == "system" || name == "setup":
		return label(t, "audit.actor."+name, name)
	case strings.HasPrefix(name, "cli:"):
		return t("audit.actor.cli", strings.TrimPrefix(name, "cli:"))
	case strings.HasPrefix(name, "demo:"):
		return t("audit.actor.demo")
	}
	return name
}
