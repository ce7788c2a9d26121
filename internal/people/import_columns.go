package people

import "strings"

// column is one column of the import template.
type column struct {
	key      string   // field name in Input and in field errors
	header   string   // the header a 科协 office writes
	aliases  []string // other accepted headers (English)
	required bool
	hint     string // i18n key of the template's hint
}

// Columns of the people import template, in template order.
var columns = []column{
	{"name", "姓名", []string{"name"}, true, "people.hint.name"},
	{"gender", "性别", []string{"gender", "sex"}, false, "people.hint.gender"},
	{"id_number", "身份证号", []string{"id_number", "id", "id number", "身份证号码"}, true, "people.hint.id_number"},
	{"phone", "手机号", []string{"phone", "mobile", "手机号码"}, true, "people.hint.phone"},
	{"email", "电子邮箱", []string{"email", "邮箱"}, false, "people.hint.email"},
	{"employer", "工作单位", []string{"employer", "organization", "单位"}, true, "people.hint.employer"},
	{"title", "职称", []string{"title"}, false, "people.hint.title"},
	{"title_level", "职称级别", []string{"title_level", "title level"}, false, "people.hint.title_level"},
	{"education", "学历", []string{"education"}, false, "people.hint.education"},
	{"degree", "学位", []string{"degree"}, false, "people.hint.degree"},
	{"discipline", "学科代码", []string{"discipline", "discipline_code", "学科"}, false, "people.hint.discipline"},
	{"expertise", "研究方向", []string{"expertise", "research"}, false, "people.hint.expertise"},
	{"region_code", "地区代码", []string{"region_code", "region", "行政区划代码"}, true, "people.hint.region_code"},
	{"categories", "人才类别", []string{"category", "categories"}, false, "people.hint.categories"},
}

// TemplateHeaders returns the headers of the import template and their hints.
func TemplateHeaders() (headers, hints []string, required []bool) {
	for _, c := range columns {
		headers, hints, required = append(headers, c.header), append(hints, c.hint), append(required, c.required)
	}
	return
}

var levelNames = map[string]string{"正高级": "senior", "正高": "senior", "副高级": "vice_senior", "副高": "vice_senior",
	"中级": "intermediate", "初级": "junior", "无": "none", "无职称": "none"}

// headerMap is where each template column sits in a file: its index and
// the header as the file writes it (for error messages).
type headerMap struct {
	at      map[string]int
	written map[string]string
}

// mapHeader finds the template's columns in a file's header row; a missing
// required column is an error on the file.
func mapHeader(header []string) (headerMap, []ImportError) {
	m := headerMap{at: map[string]int{}, written: map[string]string{}}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "*"))
		for _, c := range columns {
			if strings.EqualFold(h, c.header) || contains(c.aliases, strings.ToLower(h)) {
				m.at[c.key], m.written[c.key] = i, header[i]
			}
		}
	}
	var errs []ImportError
	for _, c := range columns {
		if _, ok := m.at[c.key]; !ok && c.required {
			errs = append(errs, ImportError{Column: c.header, Code: "people.err.missing_column", Args: []any{c.header}})
		}
	}
	return m, errs
}

func normalizeCategories(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == ' ' })
	return strings.Join(f, "、")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
