package demo

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/notify"
	"kexie/internal/org"
)

// NotifyResult counts the demo's push data.
type NotifyResult struct {
	Subscribers, Messages int
}

// Notify adds verified push subscribers in every city (a few hundred in
// all, following various audiences) and announces a handful of messages
// from the province and the cities. The messages go out when `kexie serve`
// runs its jobs (with KEXIE_PUSH_LOG=1 through the logging sender).
func Notify(ctx context.Context, ns *notify.Store, orgs *org.Store) (NotifyResult, error) {
	var res NotifyResult
	root, err := orgs.Root(ctx)
	if err != nil {
		return res, err
	}
	cities, _, err := orgs.List(ctx, org.Filter{Scope: access.Everywhere(), Type: org.TypeCity, Limit: 50})
	if err != nil {
		return res, err
	}
	for i, c := range cities {
		n := 20 + 7*(i%5)
		if err := ns.SeedAccounts(ctx, c.ID, fmt.Sprintf("1770%03d", i), n, c.RegionCode, nil); err != nil {
			return res, err
		}
		res.Subscribers += n
	}
	msgs := []notify.Message{
		{Key: "demo:1", OrgID: root.ID, Title: "冬季流感高发，这样做好家庭防护", Summary: "勤洗手、常通风，老人儿童及时接种疫苗。", Topics: []string{"health"}},
		{Key: "demo:2", OrgID: root.ID, Title: "防范电信诈骗：这些“科技养生”都是骗局", Summary: "所谓量子水杯、磁疗床垫没有科学依据。", Audiences: []string{"elderly"}, Topics: []string{"rumour"}},
		{Key: "demo:3", OrgID: root.ID, Title: "春耕前测土配方施肥指南", Summary: "按土壤化验结果定量施肥，省钱又增产。", Audiences: []string{"farmers"}, Topics: []string{"agriculture"}},
		{Key: "demo:4", OrgID: root.ID, Title: "青少年科学调查体验活动开始报名", Summary: "中小学生可在线提交调查报告。", Audiences: []string{"youth"}},
	}
	for i, c := range cities {
		if i >= 3 {
			break
		}
		msgs = append(msgs, notify.Message{Key: fmt.Sprintf("demo:c%d", c.ID), OrgID: c.ID, Title: c.Name + "汛期地质灾害避险要点",
			Summary: "发现山体裂缝、泉水变浑要立即撤离并报告。", RegionCode: c.RegionCode, Topics: []string{"emergency"}})
	}
	for _, m := range msgs {
		if _, err := ns.Announce(ctx, m); err != nil {
			return res, err
		}
		res.Messages++
	}
	return res, nil
}
