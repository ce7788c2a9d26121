package society_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/society"
)

// Every form of the society's office and of joining ends the same way: a
// refusal the store gives comes back on the form's page (422) with its
// message, and a success flashes and goes back to the page.
func TestSiteFormsRefuseAndSave(t *testing.T) {
	eachDB(t, func(t *testing.T, ss societySite) {
		ctx := context.Background()
		sec, _ := ss.User(t, "secretary", access.OrgStaff, ss.Soc)
		mem, _ := ss.User(t, "joiner", access.Member, ss.Soc)
		tier, err := ss.S.SaveTier(ctx, society.Tier{OrgID: ss.Soc.ID, Kind: society.KindIndividual, Code: "regular", Name: "普通会员", FeeCents: 5000, Years: 1})
		if err != nil {
			t.Fatal(err)
		}
		applicant, err := ss.S.Apply(ctx, society.Application{OrgID: ss.Soc.ID, TierID: tier.ID, Name: "申请人"})
		if err != nil {
			t.Fatal(err)
		}
		soc := "/societies/" + id(ss.Soc)
		year := time.Now().Year()
		for _, c := range []struct {
			name   string
			c      string // "sec" or "mem"
			path   string
			form   url.Values
			status int
			want   []string
		}{
			{"tier with a bad code", "sec", soc + "/tiers", url.Values{"kind": {"individual"}, "code": {"9X"}, "name": {"学生会员"}, "fee": {"10"}, "years": {"1"}},
				422, []string{"类别代码以小写字母开头"}},
			{"tier", "sec", soc + "/tiers", url.Values{"kind": {"individual"}, "code": {"student"}, "name": {"学生会员"}, "fee": {"10"}, "years": {"1"}},
				200, []string{"已保存", "学生会员"}},
			{"bad pattern", "sec", soc + "/pattern", url.Values{"pattern": {"{CODE}"}}, 422, []string{"规则须包含"}},
			{"pattern", "sec", soc + "/pattern", url.Values{"pattern": {"{CODE}-{SEQ5}"}}, 200, []string{"已保存"}},
			{"reject without a reason", "sec", "/members/" + fmtInt(applicant.ID) + "/reject", url.Values{"reason": {""}}, 422, []string{"此项必填"}},
			{"fact of no kind", "sec", soc + "/facts", url.Values{"kind": {"nonsense"}, "name": {"张三"}, "from": {"2024-01-01"}, "to": {"2025-01-01"}},
				422, []string{"类别无效"}},
			{"term of no body", "sec", soc + "/terms", url.Values{"body": {"nonsense"}, "seq": {"1"},
				"starts_on": {fmtInt(int64(year-4)) + "-01-01"}, "ends_on": {fmtInt(int64(year+1)) + "-01-01"}}, 422, []string{"机构无效"}},
			{"join with no tier", "mem", "/join/" + id(ss.Soc), url.Values{"name": {"王五"}}, 422, []string{"请选择本学会的会员类别"}},
			{"join", "mem", "/join/" + id(ss.Soc), url.Values{"name": {"王五"}, "tier_id": {fmtInt(tier.ID)}}, 200, []string{"入会申请已提交"}},
		} {
			cl := sec
			if c.c == "mem" {
				cl = mem
			}
			res, body := post(cl, c.path, c.form)
			want(t, c.name, res, body, c.status, c.want...)
		}
		if ts, _ := ss.S.Tiers(ctx, ss.Soc.ID); len(ts) != 2 {
			t.Errorf("tiers after one refusal and one save: %d, want 2", len(ts))
		}
	})
}
