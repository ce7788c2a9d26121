package plan

import (
	"regexp"
	"strings"
)

// The conditions a support policy attaches to its measures, and the rules
// it sets for each applicant: what the plan asks of others, not what it
// commits to (D72+).

// conditionOpeners open a clause that names whom a measure applies to
// (对年营业收入超过1亿元的企业, 凡…的).
var conditionOpeners = []string{"对", "凡"}

// eligibility words name the conditions an applicant must meet.
var eligibility = []string{"申报", "申请条件", "须具备", "应具备", "应当具备", "准入条件", "入选条件", "门槛",
	"须在", "须为", "须满足", "需满足", "应满足", "应当满足", "符合以下条件", "具备以下条件", "申请人", "申请单位", "申报主体", "须有"}

// reMustHave is what a body must have to qualify, a quantity close after
// 应有 (社会团体应有10万元以上资金, 应当具有50个以上的会员) — not 应有的作用.
var reMustHave = regexp.MustCompile(`应(?:当)?(?:具)?有[^，。；的]{0,8}\d`)

// eligible reports a sentence that sets conditions an applicant must meet.
func eligible(s string) bool {
	return has(s, eligibility) || strings.Contains(s, "有") && reMustHave.MatchString(s)
}

// conditional reports a quantity inside a condition: a clause opened by 对
// or 凡 whose quantity qualifies a noun through 的 (对研发投入超过1000万元
// 的企业), or a clause closed by 的 (企业研发投入达到500万元、1000万元的，
// 分别给予…). The threshold of a measure, not a level the plan commits to.
func conditional(rs []rune, q quantity, cs int) bool {
	ce := clauseEnd(rs, q.after)
	end := ce
	for end > q.after && rs[end-1] == ' ' {
		end--
	}
	if end > q.after && rs[end-1] == '的' && !(end-3 >= q.after && rs[end-3] == '目' && rs[end-2] == '标') {
		return true
	}
	a := cs
	for a < q.a && rs[a] == ' ' {
		a++
	}
	if a >= q.a || rs[a] != '对' && rs[a] != '凡' {
		return forThose(rs, q)
	}
	for _, r := range rs[q.after:ce] {
		if r == '的' {
			return true
		}
	}
	return forThose(rs, q)
}

// ruleEach are the subjects of a rule for each time or batch (每次不超过20名),
// beside eachWords' applicants.
var ruleEach = []string{"每次", "每批", "每届", "每期", "每轮"}

// perApplicant reports a sum or share set for each applicant (科技创新券额度为
// 每家企业每年10万元) or capped as a rule (比例原则上不超过15%): a parameter
// the reviewer may still want, so the extractor proposes it, unsure. A
// change in points (每个产业税收占比每年提高一个百分点) is a goal for each,
// no applicant's parameter (tune30).
func perApplicant(clause string, q quantity) bool {
	c := clause
	if strings.IndexByte(c, ' ') >= 0 {
		c = strings.ReplaceAll(c, " ", "")
	}
	if moneyOrRate(q) && has(c, eachWords) && !strings.Contains(c, "每万") && !(q.base == "个百分点" || q.base == "百分点") {
		return true
	}
	return (q.cmp == "<=" || q.cmp == "<" || strings.Contains(c, "不超过") || strings.Contains(c, "不高于")) &&
		(has(c, []string{"原则上", "一般不"}) || has(c, ruleEach))
}

// standardOf reports a sentence that sets what each project or firm must
// reach to qualify (项目固定资产投资不低于5000万元，其中设备投资占比不低于50%;
// 工业项目亩均税收不低于30万元): a standard applied to others, whose floors of
// money and shares are proposed, not asserted.
func standardOf(s string) bool {
	s = strings.TrimLeft(s, " ")
	for _, w := range []string{"项目", "企业", "工业项目", "新建项目", "新引进项目", "入驻企业", "入驻项目", "申请企业", "申报项目", "单个项目", "单个企业"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// conditionFirst reports a sentence that opens with its condition (对评估
// 结果为优秀的，下一年度经费增加10%; 凡…的，…): the sums and shares after it
// are what the measure grants, proposed at most.
func conditionFirst(s string) bool {
	s = strings.TrimLeft(s, " ")
	i := strings.IndexAny(s, ",，")
	if i < 0 {
		return false
	}
	first := s[:i]
	if !strings.HasSuffix(first, "的") || strings.HasSuffix(first, "目标的") {
		return false
	}
	for _, w := range conditionOpeners {
		if strings.HasPrefix(first, w) {
			return true
		}
	}
	return false
}

// priceCap reports a ceiling on what is charged (租金不高于市场价格的70%,
// 门票价格不超过30元): a price the policy sets, while a price to bring
// down by a share (价格降低5%) stays a target.
func priceCap(clause string, q quantity) bool {
	return moneyOrRate(q) && (q.cmp == "<=" || q.cmp == "<" || has(clause, []string{"不高于", "不超过"})) &&
		has(clause, []string{"租金", "价格", "收费", "票价", "门票", "售价", "服务费"}) && !priceRise(clause, q)
}

// priceRise reports the rise of the price level a share bounds (居民消费价格
// 指数涨幅2%以内, 物价涨幅控制在3%以内): a goal of the economy, no price
// charged (tune32-P).
func priceRise(clause string, q quantity) bool {
	return q.base == "%" && has(clause, []string{"涨幅", "价格指数", "物价", "上涨"})
}

// grantWords are what a measure grants those who meet its conditions.
var grantWords = []string{"给予", "奖励", "补助", "资助", "补贴", "奖补", "予以", "认定为"}

// forThose reports a quantity inside a condition that runs over several
// clauses (对年度营业收入首次突破3000万元、5000万元，且已连续两年…的企业，
// 分别给予…奖励): a clause of its sentence opened with 对 or 凡 before it,
// the next 的 after it closes the condition, and what is granted follows.
func forThose(rs []rune, q quantity) bool {
	o := -1
	for j := q.a - 1; j >= 0 && q.a-j < 200; j-- {
		if rs[j] == '。' || rs[j] == ';' || rs[j] == '；' {
			break
		}
		if (rs[j] == '对' && !(j+1 < len(rs) && strings.ContainsRune("接标外口照比应话称齐象于策", rs[j+1])) || rs[j] == '凡') &&
			(j == 0 || strings.ContainsRune("，,。;；: ", rs[j-1])) { // (对接, 对标: verbs, not 对 of a condition)
			o = j
			break
		}
	}
	if o < 0 || has(string(rs[o:q.a]), grantWords) {
		return false
	}
	if strings.Contains(string(rs[o:q.a]), "首次") {
		// 对…营业收入首次达到200亿元、300亿元…，分别给予…奖励: a level
		// reached for the first time is what a grant is for, though the
		// 的 that closes the condition is lost (a page break in a PDF)
		rest := string(rs[q.after:min(len(rs), q.after+120)])
		if k := strings.IndexAny(rest, "。;；"); k >= 0 {
			rest = rest[:k]
		}
		return has(rest, grantWords)
	}
	for j := q.after; j < len(rs) && j-q.after < 120; j++ {
		switch {
		case rs[j] == '。' || rs[j] == ';' || rs[j] == '；':
			return false
		case rs[j] == '的' && !hasAt(rs, j+1, "目标") && !hasAt(rs, j+1, "水平"):
			rest := string(rs[j:min(len(rs), j+80)])
			if k := strings.IndexAny(rest, "。;；"); k >= 0 {
				rest = rest[:k]
			}
			return has(rest, grantWords) && !has(string(rs[q.after:j]), grantWords)
		}
	}
	return false
}
