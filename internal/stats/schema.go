package stats

// Applies says which orgs an indicator is asked of.
type Applies int

// Who files an indicator.
const (
	ForKX      Applies = 1 << iota // a 科协 (province, city, county)
	ForSociety                     // a 学会
	ForAll     = ForKX | ForSociety
)

// Indicator is one row of the form: a figure with its code, labels, unit
// and bounds. A decimal figure is kept as an integer scaled by 10^Scale.
type Indicator struct {
	Code    string // "B02": the table's letter and the row's number
	Label   string // zh-CN, as printed on the form
	LabelEn string
	Unit    string
	Scale   int   // decimals kept (0: an integer)
	Max     int64 // in units (not scaled); the minimum is always 0
	For     Applies
	PartOf  string // the code of the total this row is 其中 of
	Measure string // the live measure that prefills it, "" for none
}

// Table is one of the form's tables (表A 组织建设 …).
type Table struct {
	Code    string
	Title   string
	TitleEn string
	Rows    []Indicator
}

// SumRule says a total equals the sum of its sources within Tolerance
// (scaled units), e.g. 总收入 = 财政拨款 + 会费收入 + ….
type SumRule struct {
	Total     string
	Parts     []string
	Tolerance int64
}

// Schema is a version of the 统计年报 form: its tables and its edit
// checks. A form keeps the version it was filed with.
type Schema struct {
	Version int
	Tables  []Table
	Sums    []SumRule
	// ChangeWarn is the year-over-year change, in percent, above which a
	// figure needs a written explanation before the form is submitted;
	// MinChange the change in units below which no warning is given (a
	// count going from 2 to 4 is not news).
	ChangeWarn int
	MinChange  int64

	byCode map[string]*Indicator
	table  map[string]*Table
}

// Indicator returns the row of code.
func (s *Schema) Indicator(code string) (*Indicator, bool) {
	in, ok := s.byCode[code]
	return in, ok
}

// TableOf returns the table holding code.
func (s *Schema) TableOf(code string) *Table { return s.table[code] }

// Indicators lists every row in form order.
func (s *Schema) Indicators() []*Indicator {
	var out []*Indicator
	for i := range s.Tables {
		for j := range s.Tables[i].Rows {
			out = append(out, &s.Tables[i].Rows[j])
		}
	}
	return out
}

// Applies reports whether in is asked of orgs of kind a.
func (in *Indicator) Applies(a Applies) bool { return in.For&a != 0 }

// LabelIn is the row's label in lang.
func (in *Indicator) LabelIn(lang string) string {
	if lang == "en" && in.LabelEn != "" {
		return in.LabelEn
	}
	return in.Label
}

// TitleIn is the table's title in lang.
func (t *Table) TitleIn(lang string) string {
	if lang == "en" && t.TitleEn != "" {
		return t.TitleEn
	}
	return t.Title
}

func (s *Schema) index() *Schema {
	s.byCode, s.table = map[string]*Indicator{}, map[string]*Table{}
	for i := range s.Tables {
		for j := range s.Tables[i].Rows {
			in := &s.Tables[i].Rows[j]
			s.byCode[in.Code] = in
			s.table[in.Code] = &s.Tables[i]
		}
	}
	return s
}

// Current is the form in force: version 1, six tables, 42 indicators.
// Each org reports its own work and that of the orgs under it that do not
// file (乡镇科协, 企业科协, 高校科协 …), so a subtree's total is the sum of
// its filed forms without counting anything twice.
var Current = (&Schema{
	Version:    1,
	ChangeWarn: 50,
	MinChange:  10,
	Tables: []Table{
		{Code: "A", Title: "组织建设", TitleEn: "Organisation", Rows: []Indicator{
			{Code: "A01", Label: "所属学会数", LabelEn: "Societies managed", Unit: "个", Max: 10000, For: ForKX},
			{Code: "A02", Label: "基层组织数", LabelEn: "Grassroots organisations", Unit: "个", Max: 1000000, For: ForKX},
			{Code: "A03", Label: "其中：企业科协数", LabelEn: "of which: enterprise associations", Unit: "个", Max: 1000000, For: ForKX, PartOf: "A02"},
			{Code: "A04", Label: "其中：高校科协数", LabelEn: "of which: university associations", Unit: "个", Max: 100000, For: ForKX, PartOf: "A02"},
			{Code: "A05", Label: "其中：乡镇（街道）科协数", LabelEn: "of which: township associations", Unit: "个", Max: 1000000, For: ForKX, PartOf: "A02"},
			{Code: "A06", Label: "农村专业技术协会数", LabelEn: "Rural technical associations", Unit: "个", Max: 1000000, For: ForKX},
			{Code: "A07", Label: "分支机构数", LabelEn: "Branches", Unit: "个", Max: 10000, For: ForSociety},
			{Code: "A08", Label: "单位会员数", LabelEn: "Unit members", Unit: "个", Max: 1000000, For: ForAll},
		}},
		{Code: "B", Title: "人员", TitleEn: "People", Rows: []Indicator{
			{Code: "B01", Label: "个人会员数", LabelEn: "Individual members", Unit: "人", Max: 100000000, For: ForAll},
			{Code: "B02", Label: "其中：女性", LabelEn: "of which: women", Unit: "人", Max: 100000000, For: ForAll, PartOf: "B01"},
			{Code: "B03", Label: "其中：35岁以下", LabelEn: "of which: under 35", Unit: "人", Max: 100000000, For: ForAll, PartOf: "B01"},
			{Code: "B04", Label: "其中：高级职称", LabelEn: "of which: senior titles", Unit: "人", Max: 100000000, For: ForAll, PartOf: "B01"},
			{Code: "B05", Label: "专职工作人员", LabelEn: "Full-time staff", Unit: "人", Max: 1000000, For: ForAll},
			{Code: "B06", Label: "其中：硕士及以上学历", LabelEn: "of which: master's degree or higher", Unit: "人", Max: 1000000, For: ForAll, PartOf: "B05"},
			{Code: "B07", Label: "兼职工作人员", LabelEn: "Part-time staff", Unit: "人", Max: 1000000, For: ForAll},
		}},
		{Code: "C", Title: "学术交流", TitleEn: "Academic exchange", Rows: []Indicator{
			{Code: "C01", Label: "举办学术会议场次", LabelEn: "Academic conferences held", Unit: "场", Max: 100000, For: ForAll},
			{Code: "C02", Label: "其中：国际学术会议", LabelEn: "of which: international", Unit: "场", Max: 100000, For: ForAll, PartOf: "C01"},
			{Code: "C03", Label: "参会人次", LabelEn: "Attendance", Unit: "人次", Max: 100000000, For: ForAll},
			{Code: "C04", Label: "其中：境外参会人次", LabelEn: "of which: from abroad", Unit: "人次", Max: 100000000, For: ForAll, PartOf: "C03"},
			{Code: "C05", Label: "交流论文数", LabelEn: "Papers presented", Unit: "篇", Max: 10000000, For: ForAll},
			{Code: "C06", Label: "主办科技期刊数", LabelEn: "Journals published", Unit: "种", Max: 10000, For: ForAll},
		}},
		{Code: "D", Title: "科普", TitleEn: "Science popularisation", Rows: []Indicator{
			{Code: "D01", Label: "科普活动场次", LabelEn: "Science events", Unit: "场", Max: 10000000, For: ForAll, Measure: "event.held"},
			{Code: "D02", Label: "其中：科普讲座场次", LabelEn: "of which: lectures", Unit: "场", Max: 10000000, For: ForAll, PartOf: "D01"},
			{Code: "D03", Label: "科普活动参加人次", LabelEn: "Event attendance", Unit: "人次", Max: 1000000000, For: ForAll, Measure: "event.reach"},
			{Code: "D04", Label: "科普教育基地数", LabelEn: "Science education bases", Unit: "个", Max: 100000, For: ForAll, Measure: "venue.count.base"},
			{Code: "D05", Label: "科普志愿者数", LabelEn: "Science volunteers", Unit: "人", Max: 100000000, For: ForAll, Measure: "volunteer.registered"},
			{Code: "D06", Label: "科普图书、音像制品种数", LabelEn: "Science books and media titles", Unit: "种", Max: 1000000, For: ForAll},
		}},
		{Code: "E", Title: "创新服务", TitleEn: "Innovation services", Rows: []Indicator{
			{Code: "E01", Label: "征集技术需求数", LabelEn: "Technology needs collected", Unit: "项", Max: 10000000, For: ForAll, Measure: "innovation.needs"},
			{Code: "E02", Label: "其中：对接成功数", LabelEn: "of which: matched", Unit: "项", Max: 10000000, For: ForAll, PartOf: "E01", Measure: "innovation.succeeded"},
			{Code: "E03", Label: "其中：签约项目数", LabelEn: "of which: contracts signed", Unit: "项", Max: 10000000, For: ForAll, PartOf: "E02", Measure: "innovation.signed"},
			{Code: "E04", Label: "合同金额（万元）", LabelEn: "Contract value (10k yuan)", Unit: "万元", Scale: 2, Max: 100000000, For: ForAll, Measure: "innovation.amount"},
			{Code: "E05", Label: "专家工作站数", LabelEn: "Expert workstations", Unit: "个", Max: 100000, For: ForAll, Measure: "innovation.stations"},
			{Code: "E06", Label: "服务企业数", LabelEn: "Enterprises served", Unit: "家", Max: 10000000, For: ForAll},
		}},
		{Code: "F", Title: "经费", TitleEn: "Funds", Rows: []Indicator{
			{Code: "F01", Label: "总收入（万元）", LabelEn: "Total income (10k yuan)", Unit: "万元", Scale: 2, Max: 100000000, For: ForAll},
			{Code: "F02", Label: "其中：财政拨款", LabelEn: "of which: government funding", Unit: "万元", Scale: 2, Max: 100000000, For: ForAll, PartOf: "F01"},
			{Code: "F03", Label: "其中：会费收入", LabelEn: "of which: dues", Unit: "万元", Scale: 2, Max: 100000000, For: ForAll, PartOf: "F01"},
			{Code: "F04", Label: "其中：事业及经营收入", LabelEn: "of which: services and operations", Unit: "万元", Scale: 2, Max: 100000000, For: ForAll, PartOf: "F01"},
			{Code: "F05", Label: "其中：其他收入", LabelEn: "of which: other income", Unit: "万元", Scale: 2, Max: 100000000, For: ForAll, PartOf: "F01"},
			{Code: "F06", Label: "总支出（万元）", LabelEn: "Total spending (10k yuan)", Unit: "万元", Scale: 2, Max: 100000000, For: ForAll},
			{Code: "F07", Label: "其中：人员支出", LabelEn: "of which: staff", Unit: "万元", Scale: 2, Max: 100000000, For: ForAll, PartOf: "F06"},
			{Code: "F08", Label: "其中：业务活动支出", LabelEn: "of which: programmes", Unit: "万元", Scale: 2, Max: 100000000, For: ForAll, PartOf: "F06"},
			{Code: "F09", Label: "其中：科普经费支出", LabelEn: "of which: science popularisation", Unit: "万元", Scale: 2, Max: 100000000, For: ForAll, PartOf: "F06"},
		}},
	},
	// 总收入 is the sum of its four sources, to within 0.05 万元 of rounding.
	Sums: []SumRule{{Total: "F01", Parts: []string{"F02", "F03", "F04", "F05"}, Tolerance: 5}},
}).index()
