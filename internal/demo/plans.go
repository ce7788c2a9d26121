package demo

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"text/template"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/plan"
	"kexie/internal/survey"
)

//go:embed plans/*.txt
var planFS embed.FS

// planResult counts the demo plans and their ledger.
type planResult struct {
	Plans, Entries int
}

// makePlans writes the province's plan document (and a short one for a few
// cities), reads each through the same ingestion path as an upload, links
// the units it names, publishes it, and fills its ledger: every responsible
// unit's values for the finished years and quarters, most accepted, a few
// waiting for review and one returned.
func makePlans(ctx context.Context, ps *plan.Store, root org.Org, province string, cities []org.Org, cityPlaces []string,
	rng *rand.Rand) (planResult, error) {
	var res planResult
	docs := []struct {
		owner org.Org
		tpl   string
		data  map[string]any
	}{{root, "plans/kepu.txt", map[string]any{"Province": province}}}
	for i, c := range cities {
		if i >= 4 {
			break
		}
		docs = append(docs, struct {
			owner org.Org
			tpl   string
			data  map[string]any
		}{c, "plans/city.txt", map[string]any{"City": cityPlaces[i],
			// Cities close to the province (13.9% in 2023, 18% by 2028), a
			// little above or below it, as their surveys would show.
			"Base": []string{"14.6", "13.1", "13.7", "12.8"}[i], "Target": []string{"18.5", "17.2", "18", "17"}[i],
			"Bases": 30 + 10*i, "Talks": 100 + 20*i, "Stations": 40 + 10*i}})
	}
	for _, d := range docs {
		src, err := planFS.ReadFile(d.tpl)
		if err != nil {
			return res, err
		}
		var buf bytes.Buffer
		if err := template.Must(template.New("").Parse(string(src))).Execute(&buf, d.data); err != nil {
			return res, err
		}
		doc, err := plan.Ingest(bytes.NewReader(buf.Bytes()))
		if err != nil {
			return res, fmt.Errorf("demo plan: %w", err)
		}
		id, err := ps.Save(ctx, d.owner.ID, doc, doc.Title+".txt", buf.String(), buf.Bytes())
		if err != nil {
			return res, err
		}
		res.Plans++
		n, err := fillPlan(ctx, ps, id, d.owner, rng)
		if err != nil {
			return res, fmt.Errorf("demo plan %s: %w", doc.Title, err)
		}
		res.Entries += n
	}
	return res, nil
}

// fillPlan links, publishes and reports on one plan; a target the people
// database measures is bound to it instead of filed.
func fillPlan(ctx context.Context, ps *plan.Store, id int64, owner org.Org, rng *rand.Rand) (int, error) {
	names, err := ps.UnitNames(ctx, id)
	if err != nil {
		return 0, err
	}
	var choices []plan.UnitChoice
	for _, n := range names {
		c := plan.UnitChoice{Name: n.Name, New: true}
		if len(n.Candidates) > 0 {
			c = plan.UnitChoice{Name: n.Name, OrgID: n.Candidates[0].ID}
		}
		choices = append(choices, c)
	}
	if _, err := ps.LinkUnits(ctx, id, choices); err != nil {
		return 0, err
	}
	if err := ps.Publish(ctx, id); err != nil {
		return 0, err
	}
	p, err := ps.Get(ctx, id)
	if err != nil {
		return 0, err
	}
	now := ps.Now()
	thisYear, thisQuarter := now.Year(), int(now.Month()-1)/3+1
	youthSource := people.TalentSource(people.YouthCategory)
	entries := 0
	for k, ind := range p.Indicators {
		if ind.OrgID == 0 { // general targets: the 科协 itself reports
			if err := ps.Assign(ctx, id, ind.ID, owner.ID); err != nil {
				return entries, err
			}
		}
		// The talent target follows the people database: the platform
		// computes it, so nobody files it.
		if _, ok := ps.Sources().Lookup(youthSource); ok && strings.Contains(ind.Metric, people.YouthCategory) {
			if err := ps.Bind(ctx, plan.BindInput{PlanID: id, IndicatorID: ind.ID, Key: youthSource, Scope: access.Everywhere()}); err != nil {
				return entries, err
			}
			continue
		}
		// The literacy target follows the literacy surveys (survey.go) of
		// the plan's org: its rate shows on the plan and its target on the
		// literacy dashboard.
		if _, ok := ps.Sources().Lookup(survey.LiteracySource); ok && strings.Contains(ind.Metric, "科学素质") && ind.Unit == "%" {
			if err := ps.Bind(ctx, plan.BindInput{PlanID: id, IndicatorID: ind.ID, Key: survey.LiteracySource, Scope: access.Everywhere()}); err != nil {
				return entries, err
			}
			continue
		}
		goal, ok := target(ind.Indicator)
		if !ok {
			continue
		}
		// Each unit runs at its own pace: a little ahead, on the line, or late.
		pace := 0.7 + 0.5*rng.Float64()
		base, baseYear := 0.0, p.StartYear-1
		if ind.Baseline != nil {
			base, baseYear = ind.Baseline.Value, ind.Baseline.Year
		}
		deadline := p.EndYear
		if ind.DeadlineYear != nil {
			deadline = *ind.DeadlineYear
		}
		type period struct{ year, quarter int }
		var periods []period
		for y := p.StartYear; y <= thisYear && y <= p.EndYear; y++ {
			if y < thisYear {
				periods = append(periods, period{y, 0})
				continue
			}
			for q := 1; q < thisQuarter; q++ {
				periods = append(periods, period{y, q})
			}
		}
		for i, per := range periods {
			end := float64(per.year + 1)
			if per.quarter > 0 {
				end = float64(per.year) + float64(per.quarter)/4
			}
			var v float64
			if ind.Per != nil {
				share := 1.0
				if per.quarter > 0 {
					share = float64(per.quarter) / 4
				}
				v = goal * share * pace
			} else {
				share := math.Min(1, math.Max(0, (end-float64(baseYear+1))/float64(deadline-baseYear)))
				v = base + (goal-base)*math.Min(1, share*pace)
			}
			v = roundFor(ind.Unit, v)
			if plan.Countable(ind.Unit) { // 场, 个, 家 … are whole numbers
				v = math.Round(v)
			}
			if ind.Unit == "%" { // a share stays within its whole
				v = math.Min(v, math.Max(100, goal))
			}
			narrative := fmt.Sprintf("%s完成%s%s。", periodName(per.year, per.quarter), strconv.FormatFloat(v, 'f', -1, 64), ind.Unit)
			var files []plan.File
			if per.quarter == 0 {
				files = []plan.File{{Name: fmt.Sprintf("%d年度工作总结.pdf", per.year), ContentType: "application/pdf", Data: []byte("%PDF-1.4\n% demo evidence\n")}}
			}
			pid, err := ps.File(ctx, plan.ProgressInput{PlanID: id, IndicatorID: ind.ID, Year: strconv.Itoa(per.year),
				Quarter: strconv.Itoa(per.quarter), Value: strconv.FormatFloat(v, 'f', -1, 64), Narrative: narrative, Files: files,
				Scope: access.Everywhere(), UserID: demoFiler}) // the demo's units file; the system (0) reviews: never the filer
			if err != nil {
				return entries, err
			}
			entries++
			last := i == len(periods)-1
			switch {
			case last && k%3 == 0: // waiting for the owner's review
			case last && k == 1:
				if err := ps.Review(ctx, id, pid, false, "请补充佐证材料（现场照片或统计报表）。", 0); err != nil {
					return entries, err
				}
			default:
				if err := ps.Review(ctx, id, pid, true, "", 0); err != nil {
					return entries, err
				}
			}
		}
	}
	return entries, nil
}

// demoFiler stands for the units' clerks who file the demo's progress; the
// reviewer (the system, 0) must be someone else.
const demoFiler = 1

// roundFor rounds a reported value the way its unit is counted: whole
// numbers of 座, 场, 次, 个, 人 …; one decimal for percentages and for
// counts in 万 or 亿 (3.6万人次).
func roundFor(unit string, v float64) float64 {
	if unit == "%" || strings.HasPrefix(unit, "万") || strings.HasPrefix(unit, "亿") || strings.Contains(unit, "率") {
		return math.Round(v*10) / 10
	}
	return math.Round(v)
}

func target(i plan.Indicator) (float64, bool) {
	if i.Comparator == "range" && i.Low != nil {
		return *i.Low, true
	}
	if i.Value != nil {
		return *i.Value, true
	}
	return 0, false
}

func periodName(year, quarter int) string {
	if quarter == 0 {
		return strconv.Itoa(year) + "年全年"
	}
	return fmt.Sprintf("%d年第%s季度", year, strings.Split("一,二,三,四", ",")[quarter-1])
}
