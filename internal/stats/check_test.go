package stats

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func rules(issues []Issue) map[string]string {
	out := map[string]string{}
	for _, i := range issues {
		out[i.Code] = i.Rule
	}
	return out
}

// The form in force has six tables and about forty indicators, each
// with a code, both labels, a unit; every 其中 row names a total of its
// own table, and every prefilled row a source.
func TestSchema(t *testing.T) {
	if n := len(Current.Indicators()); n < 38 || len(Current.Tables) != 6 {
		t.Fatalf("%d tables, %d indicators", len(Current.Tables), n)
	}
	for _, in := range Current.Indicators() {
		if in.Label == "" || in.LabelEn == "" || in.Unit == "" || in.Max <= 0 || in.For == 0 {
			t.Errorf("%s is incomplete: %+v", in.Code, in)
		}
		if in.PartOf != "" {
			if tot, ok := Current.Indicator(in.PartOf); !ok || Current.TableOf(tot.Code) != Current.TableOf(in.Code) || tot.Scale != in.Scale {
				t.Errorf("%s is part of %q, not a total of its table", in.Code, in.PartOf)
			}
		}
	}
}

// A figure that cannot be read is an issue naming the rule; spaces and
// thousands separators are fine.
func TestParse(t *testing.T) {
	vals, issues := Current.Parse(map[string]string{"B01": "12,345", "B02": "abc", "B03": "-3", "F01": "12.345", "F02": " 1.5 ",
		"B05": "99999999999999", "F03": "", "B04": "1.5"}, ForKX)
	if vals["B01"] != 12345 || vals["F02"] != 150 {
		t.Errorf("vals = %v", vals)
	}
	if _, ok := vals["F03"]; ok {
		t.Error("an empty cell is a value")
	}
	want := map[string]string{"B02": "number", "B03": "negative", "F01": "scale", "B05": "max", "B04": "scale"}
	if got := rules(issues); len(got) != len(want) {
		t.Errorf("issues = %v, want %v", got, want)
	} else {
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: rule %q, want %q", k, got[k], v)
			}
		}
	}
	// A society's form leaves out the 科协 rows.
	if _, issues := Current.Parse(map[string]string{"A01": "x"}, ForSociety); len(issues) != 0 {
		t.Errorf("a society is checked on 所属学会数: %v", issues)
	}
}

// Parts within totals, sums within rounding, required rows on submit,
// and year-over-year warnings that an explanation answers.
func TestCheck(t *testing.T) {
	vals := Values{"B01": 100, "B02": 120, "F01": 10000, "F02": 5000, "F03": 3000, "F04": 1000, "F05": 990, "D01": 300}
	got := rules(Current.Check(vals, nil, nil, ForKX, false))
	if got["B02"] != "part" || got["F01"] != "sum" || len(got) != 2 {
		t.Errorf("draft issues = %v", got)
	}
	vals["F05"] = 996 // within 0.05 万元
	if got := rules(Current.Check(vals, nil, nil, ForKX, false)); got["F01"] != "" {
		t.Errorf("a sum off by rounding is an error: %v", got)
	}
	if got := rules(Current.Check(vals, nil, nil, ForKX, true)); got["A01"] != "required" {
		t.Errorf("submit issues = %v", got)
	}
	last := Values{"D01": 100, "B01": 95}
	issues := Current.Check(vals, last, nil, ForKX, false)
	var warn Issue
	for _, i := range issues {
		if i.Code == "D01" {
			warn = i
		}
	}
	if !warn.Warning || warn.Explained || !warn.Blocks() || warn.Rule != "change" {
		t.Fatalf("D01 from 100 to 300: %+v", warn)
	}
	for _, i := range Current.Check(vals, last, map[string]string{"D01": "新建三个科普基地，活动增加"}, ForKX, false) {
		if i.Code == "D01" && i.Blocks() {
			t.Errorf("an explained warning blocks: %+v", i)
		}
		if i.Code == "B01" {
			t.Errorf("a change of 5 is a warning: %+v", i)
		}
	}
	msg := Current.Message("zh-CN", func(k string, a ...any) string { return k + ":" + strings.Repeat("%v|", len(a)) }, warn)
	if !strings.HasPrefix(msg, "stats.rule.change:") {
		t.Errorf("message = %q", msg)
	}
}

func TestFormat(t *testing.T) {
	for _, c := range []struct {
		v     int64
		scale int
		want  string
	}{{0, 0, "0"}, {1234, 0, "1234"}, {1250, 2, "12.50"}, {5, 2, "0.05"}, {-150, 2, "-1.50"}} {
		if got := Format(c.v, c.scale); got != c.want {
			t.Errorf("Format(%d, %d) = %q, want %q", c.v, c.scale, got, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1", "12.5", "-3", "1,000", "abc", "0.001", ".5", "5.", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		vals, issues := Current.Parse(map[string]string{"F01": s, "B01": s}, ForKX)
		for code, v := range vals {
			in, _ := Current.Indicator(code)
			if v < 0 || v > in.Max*100 {
				t.Errorf("%q read as %d for %s", s, v, code)
			}
		}
		if len(vals)+len(issues) > 2 {
			t.Errorf("%q: %v %v", s, vals, issues)
		}
	})
}

// The messages name the table, the row and the rule in the page's
// language, with the form's own labels.
func TestMessages(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"zh-CN", "表B 人员 第 B02 行「其中：女性」为 500，大于第 B01 行「个人会员数」的 10（规则：其中项不得大于合计）。"},
		{"en", "Table B People, row B02 “of which: women” is 500, more than row B01 “Individual members”, 10 (rule: a part may not exceed its total)."},
	} {
		b, err := files.ReadFile("locales/" + c.lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var cat map[string]string
		if err := json.Unmarshal(b, &cat); err != nil {
			t.Fatal(err)
		}
		tr := func(k string, a ...any) string { return fmt.Sprintf(cat[k], a...) }
		issues := Current.Check(Values{"B01": 10, "B02": 500}, nil, nil, ForKX, false)
		if len(issues) != 1 {
			t.Fatalf("issues = %+v", issues)
		}
		if got := Current.Message(c.lang, tr, issues[0]); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
}
