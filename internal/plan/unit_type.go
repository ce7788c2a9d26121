package plan

import (
	"strings"

	"kexie/internal/org"
)

// NewUnitTypes are the types staff may give a unit created from a plan:
// the departments, universities, societies and enterprises a plan names,
// never a 科协 of the administrative tree.
func NewUnitTypes() []org.Type {
	return []org.Type{org.TypeGovDept, org.TypeUniversity, org.TypeSociety, org.TypeEnterprise, org.TypePark,
		org.TypeAgri, org.TypeKepu}
}

func newUnitType(t org.Type) bool {
	for _, x := range NewUnitTypes() {
		if t == x {
			return true
		}
	}
	return false
}

// GuessUnitType proposes a type for a unit name: 攀枝花学院 is a university,
// 市药学会 a society, 攀钢集团 an enterprise, anything else a department.
// Staff confirm or change it before anything is created.
func GuessUnitType(name string) org.Type {
	switch {
	case strings.HasSuffix(name, "大学") || strings.HasSuffix(name, "学院") || strings.HasSuffix(name, "学校"):
		return org.TypeUniversity
	case strings.HasSuffix(name, "学会") || strings.HasSuffix(name, "研究会"):
		return org.TypeSociety
	case strings.HasSuffix(name, "公司") || strings.HasSuffix(name, "集团") || strings.HasSuffix(name, "企业"):
		return org.TypeEnterprise
	case strings.HasSuffix(name, "园区") || strings.HasSuffix(name, "园"):
		return org.TypePark
	}
	return org.TypeGovDept
}
